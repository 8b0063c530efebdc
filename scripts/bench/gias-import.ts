// Time the GIAS import on a synthetic 50,000-row national file (generated here, never committed).
//   DATABASE_URL=file:/tmp/bench.db npx tsx scripts/bench/gias-import.ts     (a fresh migrated database)
// Scenario 1 is the real use: the national file, one LA of ~330 schools. Scenario 2 is the worst case:
// every row a school in the chosen LA (50,000 created), then the same file again (50,000 unchanged).
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { importSchools } from "~/models/school-import.server";
import { parseCsv } from "~/utils/csv.server";
import { db } from "~/utils/db.server";

const ROWS = 50_000;
const fixture = iconv.decode(readFileSync("tests/fixtures/gias/edubasealldata20261101.csv"), "windows-1252");
const [header, template] = parseCsv(fixture);
const at = (name: string) => header.indexOf(name);
const quote = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(",");
const PHASES = ["Secondary", "Primary", "Primary", "Primary", "Primary", "16 plus", "Not applicable", "All-through"];

/** A national-shaped file: `allInLa` puts every row in LA 353 as an open secondary. */
function syntheticFile(allInLa: boolean): Buffer {
  const lines = [quote(header)];
  for (let i = 0; i < ROWS; i++) {
    const row = [...template];
    row[at("URN")] = String(100000 + i);
    row[at("LA (code)")] = allInLa ? "353" : String(201 + (i % 153));
    row[at("EstablishmentName")] = `Synthetic École ${i} St Anne's`;
    row[at("PhaseOfEducation (name)")] = allInLa ? "Secondary" : PHASES[i % PHASES.length];
    row[at("NumberOfPupils")] = String(200 + (i % 1500));
    row[at("Postcode")] = `LS${1 + (i % 28)} ${i % 10}AB`;
    lines.push(quote(row));
  }
  return iconv.encode(lines.join("\r\n"), "windows-1252");
}

async function time(label: string, bytes: Buffer, laCode: string) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const s = await importSchools(null, bytes, { laCode, includeSpecial: false }, { ip: null, userAgent: "bench" });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `| ${label} | ${(bytes.length / 1024 / 1024).toFixed(1)} MB | ${s.rows} | ${s.created} | ${s.updated} | ${s.unchanged} | ${s.skipped} | ${seconds.toFixed(1)} s | ${cpuSeconds.toFixed(1)} s |`,
  );
}

console.log(
  "| Scenario | File | Rows | Created | Updated | Unchanged | Skipped | Wall time | CPU time (this process) |\n|---|---|---|---|---|---|---|---|---|",
);
await time("National file, LA 353", syntheticFile(false), "353");
const worst = syntheticFile(true);
await time("Every row in LA 353 (first import)", worst, "353");
await time("Every row in LA 353 (re-import)", worst, "353");
await db.$disconnect();

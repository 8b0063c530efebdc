// npm run import:schools -- --la 353 path/to/edubasealldataYYYYMMDD.csv [--include-special] [--year-groups 6,7]
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { GiasFileError, importSchools, type ImportSummary } from "~/models/school-import.server";
import { db } from "~/utils/db.server";
import { runAsScript, type CliIo } from "./cli";

const USAGE =
  "Usage: npm run import:schools -- --la <3-digit LA code> <edubasealldataYYYYMMDD.csv> [--include-special] [--year-groups 6,7]\n" +
  "  --year-groups: import the schools of every phase teaching these year groups (a programme's), primary and middle included";

function progressBar(io: CliIo, done: number, total: number) {
  if (!process.stderr.isTTY && done !== total && done !== 0) return;
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const pct = total ? Math.round((done / total) * 100) : 100;
  io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}% ${done}/${total} schools${done === total ? "\n" : ""}`);
}

function printSummary(io: CliIo, s: ImportSummary) {
  const lines = [
    `Read ${s.rows.toLocaleString("en-GB")} rows (${s.encoding}) for LA ${s.laCode}${s.includeSpecial ? ", including special schools and PRUs" : ""} in ${(s.durationMs / 1000).toFixed(1)} s`,
    `  created:   ${s.created}`,
    `  updated:   ${s.updated}`,
    `  closed:    ${s.closed}`,
    `  unchanged: ${s.unchanged}`,
    `  skipped:   ${s.skipped}`,
    ...s.skippedByReason.map((r) => `    ${String(r.count).padStart(6)}  ${r.label}`),
  ];
  io.stdout(`${lines.join("\n")}\n`);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { la: { type: "string" }, "include-special": { type: "boolean", default: false }, "year-groups": { type: "string" } },
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const la = args.values.la ?? "";
  const [file] = args.positionals;
  const yearGroupsArg = args.values["year-groups"];
  if (yearGroupsArg !== undefined && !/^\d{1,2}(,\d{1,2})*$/.test(yearGroupsArg)) {
    io.stderr(`--year-groups: give year numbers separated by commas, e.g. 6,7\n${USAGE}\n`);
    return 2;
  }
  const yearGroups = yearGroupsArg?.split(",").map(Number);
  if (!/^\d{3}$/.test(la) || !file || args.positionals.length !== 1) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    bytes = readFileSync(file);
  } catch {
    io.stderr(`Cannot read ${file}: check the path.\n`);
    return 1;
  }
  try {
    const summary = await importSchools(
      null,
      bytes,
      {
        laCode: la,
        includeSpecial: args.values["include-special"] ?? false,
        yearGroups,
        onProgress: (done, total) => progressBar(io, done, total),
      },
      { ip: null, userAgent: "import-schools CLI" },
    );
    printSummary(io, summary);
    return 0;
  } catch (error) {
    if (error instanceof GiasFileError) {
      io.stderr(`${file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

await runAsScript(import.meta.url, main, () => db.$disconnect());

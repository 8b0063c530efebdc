// Import schools and colleges from the DfE "Get Information about Schools" (GIAS) establishment CSV
// (edubasealldataYYYYMMDD.csv, Windows-1252). Used by `npm run import:schools` and the /venues/import page.
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { CsvSyntaxError, decodeCsvBytes, parseCsv, type CsvEncoding } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { normalisePostcode } from "~/utils/postcode";
import { teachesYearGroup } from "~/models/year-groups";

/** The columns the import reads, named as GIAS publishes them. */
export const GIAS_COLUMNS = {
  urn: "URN",
  laCode: "LA (code)",
  name: "EstablishmentName",
  type: "TypeOfEstablishment (name)",
  group: "EstablishmentTypeGroup (name)",
  status: "EstablishmentStatus (name)",
  phase: "PhaseOfEducation (name)",
  lowAge: "StatutoryLowAge",
  highAge: "StatutoryHighAge",
  pupils: "NumberOfPupils",
  street: "Street",
  locality: "Locality",
  address3: "Address3",
  town: "Town",
  postcode: "Postcode",
  phone: "TelephoneNum",
} as const;
/** Read when present: British National Grid coordinates (metres) for the tour planner's travel and maps. */
export const GIAS_OPTIONAL_COLUMNS = { easting: "Easting", northing: "Northing" } as const;
const ALL_COLUMNS = { ...GIAS_COLUMNS, ...GIAS_OPTIONAL_COLUMNS };
type Column = keyof typeof ALL_COLUMNS;

const SECONDARY_PHASES = new Set(["Secondary", "Middle deemed secondary", "All-through", "16 plus"]);
const PRIMARY_PHASES = new Set(["Primary", "Middle deemed primary"]);
const OPEN_STATUSES = new Set(["Open", "Open, but proposed to close"]);
const BATCH_SIZE = 2000;

/** The file cannot be imported at all (wrong header, encoding, not CSV). Nothing has been written. */
export class GiasFileError extends DomainError {
  constructor(
    message: string,
    public readonly missingColumns: string[] = [],
  ) {
    super(message, "file");
  }
}

export type SkipReason =
  "OTHER_LA" | "PHASE" | "AGE_RANGE" | "SPECIAL_NOT_REQUESTED" | "SPECIAL_AGE" | "NOT_OPEN" | "CLOSED_NOT_HELD" | "BAD_ROW";
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  OTHER_LA: "In another local authority",
  PHASE: "Not a secondary school, college or 16 plus provider (for example, primary or independent)",
  AGE_RANGE: "Its age range does not include the year groups asked for",
  SPECIAL_NOT_REQUESTED: "Special school or pupil referral unit (not requested)",
  SPECIAL_AGE: "Special school or pupil referral unit whose age range does not include 14 (or the year groups asked for)",
  NOT_OPEN: "Not open yet (proposed to open)",
  CLOSED_NOT_HELD: "Closed, and not held in Outreach",
  BAD_ROW: "Row without a valid URN or name",
};

export type ImportSummary = {
  laCode: string;
  includeSpecial: boolean;
  encoding: CsvEncoding;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  closed: number;
  skipped: number;
  skippedByReason: { reason: SkipReason; label: string; count: number }[];
  /** Up to 100 skipped rows in the chosen LA, to show what was left out and why. */
  examples: { line: number; urn: string; name: string; reason: string }[];
  durationMs: number;
};

export type ImportOptions = {
  laCode: string;
  includeSpecial: boolean;
  /**
   * Import the schools of every phase whose age range teaches one of these year groups (a programme's), primary and
   * middle schools included. Without it: secondary schools and colleges (special schools teaching age 14).
   */
  yearGroups?: number[];
  onProgress?: (done: number, total: number) => void;
};

type Candidate = {
  urn: string;
  data: {
    kind: "SECONDARY_SCHOOL" | "COLLEGE" | "SPECIAL_SCHOOL" | "PRIMARY_SCHOOL";
    name: string;
    addressLine1: string | null;
    addressLine2: string | null;
    town: string | null;
    postcode: string | null;
    phone: string | null;
    phase: string | null;
    statutoryLowAge: number | null;
    statutoryHighAge: number | null;
    numberOnRoll: number | null;
    easting: number | null;
    northing: number | null;
    laCode: string;
    status: "OPEN" | "CLOSED";
  };
};

const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}` : items[0]);
const intOrNull = (v: string) => (/^\d+$/.test(v) ? Number(v) : null);
const orNull = (v: string) => (v === "" ? null : v);
const isSpecial = (type: string, group: string) =>
  group === "Special schools" || /special|pupil referral|alternative provision/i.test(type);

function decode(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 4096).includes(0)) {
    throw new GiasFileError(
      "The file is in UTF-16 or is not a text file. Use the CSV file as downloaded from Get Information about Schools (Windows-1252), or save it as CSV UTF-8.",
    );
  }
  const decoded = decodeCsvBytes(bytes);
  if (decoded.text.includes("\u0000"))
    throw new GiasFileError("The file contains NUL bytes, so it is not a CSV text file. Nothing was imported.");
  return decoded;
}

/** Check and read a GIAS file into the rows to upsert and the rows skipped. Writes nothing. */
/** Does the school teach one of the year groups? By age range where GIAS gives one, else by phase. */
function teachesAny(years: number[], lowAge: number | null, highAge: number | null, phase: string, college: boolean) {
  if (lowAge !== null && highAge !== null) return years.some((y) => teachesYearGroup(lowAge, highAge, y));
  return years.some((y) =>
    y <= 6 ? PRIMARY_PHASES.has(phase) : y <= 11 ? SECONDARY_PHASES.has(phase) && phase !== "16 plus" : college || phase === "16 plus",
  );
}

export function readGiasFile(bytes: Uint8Array, { laCode, includeSpecial, yearGroups }: Omit<ImportOptions, "onProgress">) {
  const { text, encoding } = decode(bytes);
  // Keep only the columns the import reads (GIAS has about 135): a national file then fits in far less memory.
  const wanted = Object.values(ALL_COLUMNS) as string[];
  const required = Object.values(GIAS_COLUMNS) as string[];
  let positions: number[] = [];
  let header: string[] = [];
  let rows: string[][];
  try {
    rows = parseCsv(text, {
      onRecord: (row, i) => {
        if (i === 0) {
          header = row;
          positions = wanted.map((name) => row.indexOf(name));
          return null;
        }
        return positions.map((p) => (p >= 0 ? (row[p] ?? "") : ""));
      },
    });
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new GiasFileError(`${error.message}. Nothing was imported.`);
    throw error;
  }
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length) {
    throw new GiasFileError(
      `The file is not a GIAS establishment file: it has no ${listed(missing.map((m) => `"${m}"`))} column${missing.length > 1 ? "s" : ""}. Nothing was imported.`,
      missing,
    );
  }
  if (!rows.length) throw new GiasFileError("The file has a header but no schools. Nothing was imported.");

  const col = Object.fromEntries(Object.keys(ALL_COLUMNS).map((key, i) => [key, i])) as Record<Column, number>;
  const candidates: Candidate[] = [];
  const closedUrns: string[] = [];
  const skips: { line: number; urn: string; name: string; reason: SkipReason }[] = [];
  const seen = new Set<string>();

  rows.forEach((cells, i) => {
    const line = i + 2;
    const get = (c: Column) => cells[col[c]] ?? "";
    const urn = get("urn");
    const name = get("name");
    if (get("laCode") !== laCode) return skips.push({ line, urn, name, reason: "OTHER_LA" });
    if (!/^\d{5,7}$/.test(urn) || !name || seen.has(urn)) return skips.push({ line, urn, name, reason: "BAD_ROW" });
    seen.add(urn);
    const status = get("status");
    const type = get("type");
    const group = get("group");
    const phase = get("phase");
    const lowAge = intOrNull(get("lowAge"));
    const highAge = intOrNull(get("highAge"));
    const special = isSpecial(type, group);
    let kind: Candidate["data"]["kind"];
    if (yearGroups?.length && !special) {
      const college = group === "Colleges";
      if (!college && !SECONDARY_PHASES.has(phase) && !PRIMARY_PHASES.has(phase)) return skips.push({ line, urn, name, reason: "PHASE" });
      if (!teachesAny(yearGroups, lowAge, highAge, phase, college)) return skips.push({ line, urn, name, reason: "AGE_RANGE" });
      kind = college || phase === "16 plus" ? "COLLEGE" : PRIMARY_PHASES.has(phase) ? "PRIMARY_SCHOOL" : "SECONDARY_SCHOOL";
    } else if (group === "Colleges" && !yearGroups?.length) kind = "COLLEGE";
    else if (SECONDARY_PHASES.has(phase) && !special) kind = phase === "16 plus" ? "COLLEGE" : "SECONDARY_SCHOOL";
    else if (special) {
      if (!includeSpecial) return skips.push({ line, urn, name, reason: "SPECIAL_NOT_REQUESTED" });
      const teaches = yearGroups?.length
        ? lowAge !== null && highAge !== null && yearGroups.some((y) => teachesYearGroup(lowAge, highAge, y))
        : lowAge !== null && highAge !== null && lowAge <= 14 && highAge >= 14;
      if (!teaches) return skips.push({ line, urn, name, reason: "SPECIAL_AGE" });
      kind = "SPECIAL_SCHOOL";
    } else return skips.push({ line, urn, name, reason: "PHASE" });

    if (status === "Closed") {
      closedUrns.push(urn);
      return;
    }
    if (!OPEN_STATUSES.has(status)) return skips.push({ line, urn, name, reason: "NOT_OPEN" });
    const address = [get("street"), get("locality"), get("address3")].filter(Boolean);
    candidates.push({
      urn,
      data: {
        kind,
        name,
        addressLine1: address[0] ?? null,
        addressLine2: address.slice(1).join(", ") || null,
        town: orNull(get("town")),
        postcode: normalisePostcode(get("postcode")),
        phone: orNull(get("phone")),
        phase: orNull(phase),
        statutoryLowAge: lowAge,
        statutoryHighAge: highAge,
        numberOnRoll: intOrNull(get("pupils")),
        easting: intOrNull(get("easting")),
        northing: intOrNull(get("northing")),
        laCode,
        status: "OPEN",
      },
    });
  });
  return { encoding, rowCount: rows.length, candidates, closedUrns, skips };
}

const COMPARED = [
  "name",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "phone",
  "phase",
  "statutoryLowAge",
  "statutoryHighAge",
  "numberOnRoll",
  "easting",
  "northing",
  "laCode",
  "status",
] as const;

/**
 * Upsert the chosen LA's secondary schools and colleges by URN, in batched transactions. A school closed in
 * GIAS that Outreach holds is marked CLOSED (never deleted); its kind, Year 10 count, contacts and notes are kept.
 * A file that fails the checks throws GiasFileError before anything is written.
 */
export async function importSchools(
  actor: Actor | null,
  bytes: Uint8Array,
  options: ImportOptions,
  meta: RequestMeta,
): Promise<ImportSummary> {
  const started = Date.now();
  const { encoding, rowCount, candidates, closedUrns, skips } = readGiasFile(bytes, options);
  const total = candidates.length + closedUrns.length;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let closed = 0;
  const notHeld: string[] = [];
  options.onProgress?.(0, total);

  const work: ({ kind: "upsert"; c: Candidate } | { kind: "close"; urn: string })[] = [
    ...candidates.map((c) => ({ kind: "upsert" as const, c })),
    ...closedUrns.map((urn) => ({ kind: "close" as const, urn })),
  ];
  for (let start = 0, batch = 1; start < work.length; start += BATCH_SIZE, batch++) {
    const slice = work.slice(start, start + BATCH_SIZE);
    await db.$transaction(async (tx) => {
      const urns = slice.map((w) => (w.kind === "upsert" ? w.c.urn : w.urn));
      const existing = await tx.venue.findMany({
        where: { urn: { in: urns } },
        select: {
          id: true,
          urn: true,
          name: true,
          addressLine1: true,
          addressLine2: true,
          town: true,
          postcode: true,
          phone: true,
          phase: true,
          statutoryLowAge: true,
          statutoryHighAge: true,
          numberOnRoll: true,
          easting: true,
          northing: true,
          laCode: true,
          status: true,
        },
      });
      const byUrn = new Map(existing.map((v) => [v.urn!, v]));
      const toCreate: (Candidate["data"] & { urn: string })[] = [];
      const counts = { created: 0, updated: 0, unchanged: 0, closed: 0 };
      for (const w of slice) {
        if (w.kind === "close") {
          const held = byUrn.get(w.urn);
          if (!held) notHeld.push(w.urn);
          else if (held.status === "CLOSED") counts.unchanged++;
          else {
            await tx.venue.update({ where: { id: held.id }, data: { status: "CLOSED" } });
            counts.closed++;
          }
          continue;
        }
        const held = byUrn.get(w.c.urn);
        if (!held) {
          toCreate.push({ ...w.c.data, urn: w.c.urn });
          continue;
        }
        const { kind: _kind, ...comparable } = w.c.data;
        const changes = Object.fromEntries(COMPARED.filter((k) => held[k] !== comparable[k]).map((k) => [k, comparable[k]]));
        if (Object.keys(changes).length === 0) counts.unchanged++;
        else {
          await tx.venue.update({ where: { id: held.id }, data: changes });
          counts.updated++;
        }
      }
      if (toCreate.length) {
        await tx.venue.createMany({ data: toCreate });
        counts.created = toCreate.length;
      }
      await writeAudit(
        tx,
        { actor, meta },
        {
          action: "schools.import",
          details: {
            v: 1,
            laCode: options.laCode,
            includeSpecial: options.includeSpecial,
            rows: slice.length,
            batch,
            ...counts,
            skipped: batch === 1 ? skips.length : 0,
          },
        },
      );
      created += counts.created;
      updated += counts.updated;
      unchanged += counts.unchanged;
      closed += counts.closed;
    });
    options.onProgress?.(Math.min(start + BATCH_SIZE, work.length), total);
  }

  const allSkips = [...skips, ...notHeld.map((urn) => ({ line: 0, urn, name: "", reason: "CLOSED_NOT_HELD" as const }))];
  const byReason = new Map<SkipReason, number>();
  for (const s of allSkips) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  return {
    laCode: options.laCode,
    includeSpecial: options.includeSpecial,
    encoding,
    rows: rowCount,
    created,
    updated,
    unchanged,
    closed,
    skipped: allSkips.length,
    skippedByReason: [...byReason]
      .map(([reason, count]) => ({ reason, label: SKIP_REASON_LABELS[reason], count }))
      .sort((a, b) => b.count - a.count),
    examples: allSkips
      .filter((s) => s.reason !== "OTHER_LA")
      .slice(0, 100)
      .map((s) => ({ line: s.line, urn: s.urn, name: s.name, reason: SKIP_REASON_LABELS[s.reason] })),
    durationMs: Date.now() - started,
  };
}

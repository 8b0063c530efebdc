// One place for CSV: decoding uploads (UTF-8 with or without BOM, or Windows-1252 as GIAS publishes),
// parsing, and writing downloads that are safe to open in Excel.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import iconv from "iconv-lite";

export type CsvEncoding = "utf-8" | "windows-1252";

/** Decode uploaded bytes: UTF-8 (a BOM is dropped) when they are valid UTF-8, otherwise Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(body), "windows-1252"), encoding: "windows-1252" };
  }
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    public readonly line?: number,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

export type CsvOptions = {
  delimiter?: "," | "\t";
  /** May reshape or drop each row as it is read (index 0 is the header): keeps memory low for wide files. */
  onRecord?: (row: string[], index: number) => string[] | null;
};

/** Parse CSV text into rows of trimmed strings. Throws CsvSyntaxError with the line on malformed input. */
export function parseCsv(text: string, { delimiter = ",", onRecord }: CsvOptions = {}): string[][] {
  let seen = 0;
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      delimiter,
      ...(onRecord ? { on_record: (row: string[]) => onRecord(row, seen++) } : {}),
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new CsvSyntaxError(`The file is not valid CSV${line ? ` (line ${line})` : ""}`, line);
  }
}

/** Parse CSV whose first row is a header; returns the header and each row as a record keyed by header. */
export function parseCsvWithHeader(
  text: string,
  options: CsvOptions = {},
): { header: string[]; rows: { line: number; values: Record<string, string> }[] } {
  const [header = [], ...rest] = parseCsv(text, options);
  return {
    header,
    rows: rest.map((cells, i) => ({
      line: i + 2,
      values: Object.fromEntries(header.map((name, col) => [name, cells[col] ?? ""])),
    })),
  };
}

export type CsvCell = string | number | boolean | Date | null | undefined;

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Make a cell inert in Excel and LibreOffice: text that would start a formula gets a leading apostrophe. */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV text (CRLF, with a BOM so Excel reads UTF-8) from a header and rows. Every text cell is neutralised. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const body = stringify([header, ...rows.map((row) => row.map(neutraliseCell))], { record_delimiter: "\r\n" });
  return `\uFEFF${body}`;
}

/** A download response for CSV text. */
export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

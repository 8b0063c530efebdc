// Uploaded files are judged by their bytes, never by their name or the browser's Content-Type.
// Error messages follow the GOV.UK file upload pattern. Size is bounded first by server.ts (UPLOAD_PATHS).
import { decodeCsvBytes, type CsvEncoding } from "./csv.server";
import { DomainError } from "./errors";

export class UploadError extends DomainError {}

const SIGNATURES: { kind: string; bytes: number[] }[] = [
  { kind: "a zip file or Excel workbook (.xlsx)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: "an old Excel workbook (.xls)", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { kind: "a PDF", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { kind: "a GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: "a gzip file", bytes: [0x1f, 0x8b] },
];

/** What a binary file is, from its first bytes; null when it has none of the known signatures. */
export function binaryKind(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.kind ?? null;
}

export type CsvUpload = { name: string; bytes: number; text: string; encoding: CsvEncoding };

/**
 * The text of an uploaded CSV file, or an UploadError (field `field`) saying what is wrong with it: no file, empty,
 * too large, a binary file (an Excel workbook saved with a .csv name), or text with NUL bytes.
 */
export async function assertCsvUpload(value: FormDataEntryValue | null, { field, maxBytes }: { field: string; maxBytes: number }): Promise<CsvUpload> {
  if (!(value instanceof File) || (value.size === 0 && value.name === "")) throw new UploadError("Select a CSV file", field);
  if (value.size === 0) throw new UploadError("The selected file is empty", field);
  if (value.size > maxBytes) throw new UploadError(`The selected file must be smaller than ${Math.floor(maxBytes / (1024 * 1024))}MB`, field);
  const bytes = new Uint8Array(await value.arrayBuffer());
  const kind = binaryKind(bytes);
  if (kind) throw new UploadError(`The selected file must be a CSV (it is ${kind}: in Excel choose File, Save as, CSV)`, field);
  if (bytes.includes(0)) throw new UploadError("The selected file must be a CSV (it contains binary data)", field);
  const { text, encoding } = decodeCsvBytes(bytes);
  return { name: value.name, bytes: value.size, text, encoding };
}

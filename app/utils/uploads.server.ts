// File uploads (CSV imports), for every upload page: GIAS schools, term dates, registers.
// Uploaded files are judged by their bytes, never by their name or the browser's Content-Type.
// Error messages follow the GOV.UK file upload pattern. Size is bounded first by server.ts (UPLOAD_PATHS).
import { tmpdir } from "node:os";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
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

const MB = 1024 * 1024;
const tooLarge = (maxBytes: number) => `The selected file must be smaller than ${Math.floor(maxBytes / MB)}MB`;

/** Why these bytes are not a CSV text file (a workbook saved with a .csv name, UTF-16, binary data), or null. */
function notCsvProblem(bytes: Uint8Array): string | null {
  const kind = binaryKind(bytes);
  if (kind) return `The selected file must be a CSV (it is ${kind}: in Excel choose File, Save as, CSV)`;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return "The selected file must be a CSV saved as UTF-8 or Windows-1252 (it is UTF-16: in Excel choose File, Save as, CSV UTF-8)";
  }
  if (bytes.includes(0)) return "The selected file must be a CSV (it contains binary data)";
  return null;
}

export type CsvUpload = { name: string; bytes: number; text: string; encoding: CsvEncoding };

/**
 * The text of an uploaded CSV file, or an UploadError (field `field`) saying what is wrong with it: no file, empty,
 * too large, a binary file (an Excel workbook saved with a .csv name), UTF-16, or text with NUL bytes.
 */
export async function assertCsvUpload(
  value: FormDataEntryValue | null,
  { field, maxBytes }: { field: string; maxBytes: number },
): Promise<CsvUpload> {
  if (!(value instanceof File) || (value.size === 0 && value.name === "")) throw new UploadError("Select a CSV file", field);
  if (value.size === 0) throw new UploadError("The selected file is empty", field);
  if (value.size > maxBytes) throw new UploadError(tooLarge(maxBytes), field);
  const bytes = new Uint8Array(await value.arrayBuffer());
  const problem = notCsvProblem(bytes);
  if (problem) throw new UploadError(problem, field);
  const { text, encoding } = decodeCsvBytes(bytes);
  return { name: value.name, bytes: value.size, text, encoding };
}

export type UploadResult =
  { ok: true; formData: FormData; file: { name: string; bytes: Uint8Array } } | { ok: false; formData: FormData; message: string };

type DiskFile = File & { remove?: () => Promise<void> };

/**
 * Parse a multipart form with one CSV file field, streaming the file to a temporary file on disk (so a 100 MB file
 * does not sit in memory twice), reading it back once and removing it. The other fields stay in `formData`.
 * Never throws for bad input: returns the message for the page.
 */
export async function readCsvUpload(
  request: Request,
  { field = "file", maxBytes }: { field?: string; maxBytes: number },
): Promise<UploadResult> {
  const handler = unstable_composeUploadHandlers(
    unstable_createFileUploadHandler({
      directory: tmpdir(),
      maxPartSize: maxBytes,
      avoidFileConflicts: true,
      filter: ({ name }) => name === field,
    }),
    unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 }),
  );
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, formData: new FormData(), message: tooLarge(maxBytes) };
    return { ok: false, formData: new FormData(), message: "Select a CSV file" };
  }
  const file = formData.get(field) as DiskFile | string | null;
  formData.delete(field);
  if (!file || typeof file === "string" || !file.name) return { ok: false, formData, message: "Select a CSV file" };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length === 0) return { ok: false, formData, message: "The selected file is empty" };
    const problem = notCsvProblem(bytes);
    if (problem) return { ok: false, formData, message: problem };
    return { ok: true, formData, file: { name: file.name, bytes } };
  } finally {
    await file.remove?.();
  }
}

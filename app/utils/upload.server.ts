// File uploads (CSV imports): streamed to a temporary file on disk so a 100 MB file does not sit in memory
// twice, then read back once and removed.
import { tmpdir } from "node:os";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

export type UploadResult =
  | { ok: true; formData: FormData; file: { name: string; bytes: Uint8Array } }
  | { ok: false; formData: FormData; message: string };

type DiskFile = File & { remove?: () => Promise<void> };

const MB = 1024 * 1024;

/** Parse a multipart form with one file field. Never throws for bad input: returns a message for the page. */
export async function readUploadedFile(request: Request, { field = "file", maxBytes }: { field?: string; maxBytes: number }): Promise<UploadResult> {
  const handler = unstable_composeUploadHandlers(
    unstable_createFileUploadHandler({ directory: tmpdir(), maxPartSize: maxBytes, avoidFileConflicts: true, filter: ({ name }) => name === field }),
    unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 }),
  );
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, formData: new FormData(), message: `The selected file must be smaller than ${Math.round(maxBytes / MB)} MB` };
    return { ok: false, formData: new FormData(), message: "Select a CSV file" };
  }
  const file = formData.get(field) as DiskFile | string | null;
  formData.delete(field);
  if (!file || typeof file === "string" || !file.name) return { ok: false, formData, message: "Select a CSV file" };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length === 0) return { ok: false, formData, message: "The selected file is empty" };
    return { ok: true, formData, file: { name: file.name, bytes } };
  } finally {
    await file.remove?.();
  }
}

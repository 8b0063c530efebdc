import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { assertCsvUpload, binaryKind, readCsvUpload, UploadError } from "~/utils/uploads.server";

const opts = { field: "file", maxBytes: 1024 * 1024 };
const file = (bytes: Uint8Array | string, name = "schools.csv") =>
  new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type: "text/csv" });

describe("assertCsvUpload (by content, not by name)", () => {
  it("accepts the GIAS extract, UTF-8 with a BOM, and Windows-1252", async () => {
    const gias = readFileSync("tests/fixtures/gias/edubasealldata20261101.csv");
    expect((await assertCsvUpload(file(gias), opts)).text).toContain("URN");
    expect(await assertCsvUpload(file("\uFEFFname\nCafé"), opts)).toMatchObject({ text: "name\nCafé", encoding: "utf-8" });
    expect(await assertCsvUpload(file(iconv.encode("name\nSt Anne’s", "windows-1252")), opts)).toMatchObject({
      text: "name\nSt Anne’s",
      encoding: "windows-1252",
    });
  });

  it("accepts a CSV whatever it is called", async () => {
    expect((await assertCsvUpload(file("a,b\n1,2", "export.txt"), opts)).text).toBe("a,b\n1,2");
  });

  it("refuses an Excel workbook, a PDF or an image renamed .csv, saying what it is", async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]);
    await expect(assertCsvUpload(file(xlsx), opts)).rejects.toThrow(/must be a CSV \(it is a zip file or Excel workbook/);
    await expect(assertCsvUpload(file("%PDF-1.7\n..."), opts)).rejects.toThrow(/it is a PDF/);
    await expect(assertCsvUpload(file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), opts)).rejects.toThrow(/PNG/);
  });

  it("refuses text with NUL bytes, an empty file, no file and a file over the limit, against the field", async () => {
    const refusals: [FormDataEntryValue | null, RegExp][] = [
      [file("a,b\n1,\u00002"), /binary data/],
      [file(""), /is empty/],
      [new File([], ""), /Select a CSV file/],
      [null, /Select a CSV file/],
      ["a,b\n1,2", /Select a CSV file/],
      [file("x".repeat(2 * 1024 * 1024)), /smaller than 1MB/],
    ];
    for (const [value, message] of refusals) {
      const error = await assertCsvUpload(value, opts).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UploadError);
      expect((error as UploadError).message).toMatch(message);
      expect((error as UploadError).field).toBe("file");
    }
  });

  it("names binary kinds by signature", () => {
    expect(binaryKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("a JPEG image");
    expect(binaryKind(new TextEncoder().encode("URN,EstablishmentName"))).toBeNull();
  });

  it("refuses UTF-16 text, saying how to save it", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...iconv.encode("name\nCafé", "utf-16le")]);
    await expect(assertCsvUpload(file(utf16), opts)).rejects.toThrow(/it is UTF-16/);
  });
});

describe("readCsvUpload (multipart, streamed to disk)", () => {
  const post = (entries: [string, string | File][]) => {
    const body = new FormData();
    for (const [k, v] of entries) body.append(k, v);
    return new Request("http://localhost/calendar/import", { method: "POST", body });
  };

  it("returns the file's bytes and keeps the other fields", async () => {
    const result = await readCsvUpload(
      post([
        ["laCode", "353"],
        ["file", file("a,b\n1,2", "terms.txt")],
      ]),
      { maxBytes: 1024 * 1024 },
    );
    expect(result.ok && new TextDecoder().decode(result.file.bytes)).toBe("a,b\n1,2");
    expect(result.formData.get("laCode")).toBe("353");
  });

  it("refuses no file, an empty file, a file over the limit and a workbook renamed .csv, with the GOV.UK messages", async () => {
    const cases: [[string, string | File][], string | RegExp][] = [
      [[["laCode", "353"]], "Select a CSV file"],
      [[["file", file("")]], "The selected file is empty"],
      [[["file", file("x".repeat(2 * 1024 * 1024))]], "The selected file must be smaller than 1MB"],
      [[["file", file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))]], /must be a CSV \(it is a zip file or Excel workbook/],
    ];
    for (const [entries, message] of cases) {
      const result = await readCsvUpload(post(entries), { maxBytes: 1024 * 1024 });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(message);
    }
  });
});

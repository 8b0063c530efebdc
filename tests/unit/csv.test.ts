import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, decodeCsvBytes, neutraliseCell, parseCsv, parseCsvWithHeader, toCsv } from "~/utils/csv.server";

describe("decodeCsvBytes", () => {
  it("reads UTF-8 and drops a BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("name\nCafé")]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: "name\nCafé", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    const bytes = iconv.encode("name\nSt Anne’s École", "windows-1252");
    expect(decodeCsvBytes(bytes)).toEqual({ text: "name\nSt Anne’s École", encoding: "windows-1252" });
  });
});

describe("parseCsv", () => {
  it("parses quoted cells and keys rows by header with line numbers", () => {
    const { header, rows } = parseCsvWithHeader('a,b\n1,"x, y"\n\n2,\n');
    expect(header).toEqual(["a", "b"]);
    expect(rows).toEqual([
      { line: 2, values: { a: "1", b: "x, y" } },
      { line: 3, values: { a: "2", b: "" } },
    ]);
  });

  it("says which line is malformed", () => {
    expect(() => parseCsv('a,b\n"unclosed,1\n')).toThrow(CsvSyntaxError);
  });
});

describe("toCsv", () => {
  it("neutralises cells that would run as formulas", () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseCell("+44 1234")).toBe("'+44 1234");
    expect(neutraliseCell("-1")).toBe("'-1");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell(-1)).toBe("-1");
    expect(neutraliseCell("Safe")).toBe("Safe");
  });

  it("writes a BOM, CRLF and quotes where needed", () => {
    const csv = toCsv(
      ["name", "count"],
      [
        ["Smith, J", 3],
        ["=1+1", null],
      ],
    );
    expect(csv).toBe('\uFEFFname,count\r\n"Smith, J",3\r\n\'=1+1,\r\n');
  });
});

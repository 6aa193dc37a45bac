import { describe, expect, it } from "vitest";
import { readCsv } from "@/server/csv/read";
import { toCsv } from "@/server/csv/write";

// The one CSV writer (src/server/csv/write.ts) and reader (src/server/csv/read.ts): BOM, quoting,
// formula neutralisation, each language's layout, and reading back what was written.

/** The data lines of a written CSV (BOM and header off). */
const body = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .slice(1, -1);

describe("CSV writer", () => {
  it("starts with a BOM, ends every row with CRLF, and leaves empty cells empty", () => {
    expect(toCsv(["name", "t"], [["PT A", null]], "en")).toBe("\uFEFFname,t\r\nPT A,\r\n");
  });

  it("writes an Indonesian reader's layout: ';' between cells and a decimal comma", () => {
    expect(
      toCsv(
        ["Nama", "Stok (t)"],
        [
          ["RS A", 1.5],
          ["RS B", -0.25],
          ["RS C", 2500],
        ],
        "id",
      ),
    ).toBe("\uFEFFNama;Stok (t)\r\nRS A;1,5\r\nRS B;-0,25\r\nRS C;2500\r\n");
  });

  it("writes an English reader's layout: ',' between cells and a decimal point", () => {
    expect(toCsv(["Name", "Stock (t)"], [["RS A", 1.5]], "en")).toBe("\uFEFFName,Stock (t)\r\nRS A,1.5\r\n");
  });

  it("quotes a cell holding the separator, a quote or a line break (RFC 4180)", () => {
    expect(body(toCsv(["a", "b"], [['RS "Harapan", Serang', "line\nbreak"]], "en"))).toEqual(['"RS ""Harapan"", Serang","line\nbreak"']);
    expect(body(toCsv(["a", "b"], [["a;b", "a,b"]], "id"))).toEqual(['"a;b";a,b']);
  });

  it("writes a formula-leading text with an apostrophe in front, for every trigger character", () => {
    for (const text of ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      const [cell] = body(toCsv(["a"], [[text]], "en"));
      expect(cell.replace(/^"/, "").startsWith("'"), JSON.stringify(text)).toBe(true);
    }
    expect(body(toCsv(["a"], [['=HYPERLINK("http://evil","x")']], "en"))).toEqual([`"'=HYPERLINK(""http://evil"",""x"")"`]);
  });

  it("leaves plain text and numbers alone, negative numbers included", () => {
    expect(body(toCsv(["a", "b", "c"], [["PT Oksigen Banten", -3.5, 0]], "en"))).toEqual(["PT Oksigen Banten,-3.5,0"]);
    expect(body(toCsv(["a", "b"], [["PT Oksigen Banten", -3.5]], "id"))).toEqual(["PT Oksigen Banten;-3,5"]);
  });
});

describe("CSV reader", () => {
  it("reads back exactly what the writer wrote, in both layouts", () => {
    const texts = ['=HYPERLINK("http://evil","x")', "+62 812", "-", "@home", "'quoted", "''", "plain", "a;b", "a,b", 'say "hi"', "line\nbreak"];
    for (const locale of ["id", "en"] as const) {
      const read = readCsv(
        toCsv(
          ["name", "n"],
          texts.map((t, i) => [t, i + 0.5]),
          locale,
        ),
      );
      expect(read.ok && read.locale).toBe(locale);
      if (!read.ok) continue;
      expect(read.lines.slice(1).map((l) => l.cells[0])).toEqual(texts);
      expect(read.lines[1].cells[1]).toBe(locale === "id" ? "0,5" : "0.5");
    }
  });

  it("takes the layout from the header's separator and numbers the lines, blank ones skipped", () => {
    const read = readCsv("day;supplier;produced_t\r\n\r\n2021-07-26; PT A ;1.500\r\n;;\r\n2021-07-27;PT B;1,5\r\n");
    expect(read).toEqual({
      ok: true,
      locale: "id",
      lines: [
        { line: 1, cells: ["day", "supplier", "produced_t"] },
        { line: 3, cells: ["2021-07-26", "PT A", "1.500"] },
        { line: 5, cells: ["2021-07-27", "PT B", "1,5"] },
      ],
    });
    expect(readCsv("day,supplier\n2021-07-26,PT A\n")).toMatchObject({
      ok: true,
      locale: "en",
      lines: [{ line: 1 }, { line: 2, cells: ["2021-07-26", "PT A"] }],
    });
  });

  it("a hand-written cell without our apostrophe is read as it stands", () => {
    expect(readCsv("a,b,c\n2021-07-26,'PT A,1\n")).toMatchObject({ ok: true, lines: [{}, { cells: ["2021-07-26", "'PT A", "1"] }] });
  });

  it("says where an unclosed quote leaves the text unreadable", () => {
    expect(readCsv('a,b\n1,2\n"3,4\n')).toEqual({ ok: false, line: 3 });
  });
});

import { describe, expect, it } from "vitest";
import { csvCell, splitCsvLine, toCsv } from "@/domain/csv";

// The one CSV writer (src/domain/csv.ts): quoting, formula neutralisation, and the reader that
// takes the neutralisation off again.

describe("CSV writer", () => {
  it("writes a formula-leading text with an apostrophe in front, for every trigger character", () => {
    for (const text of ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      const cell = csvCell(text);
      expect(cell.replace(/^"/, "").startsWith("'"), JSON.stringify(text)).toBe(true);
    }
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("=1")).toBe("'=1");
  });

  it("leaves plain text and numbers alone, negative numbers included", () => {
    expect(csvCell("PT Oksigen Banten")).toBe("PT Oksigen Banten");
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell("a, b")).toBe('"a, b"');
  });

  it("reads back exactly what it wrote", () => {
    const texts = ['=HYPERLINK("http://evil","x")', "+62 812", "-", "@home", "'quoted", "''", "plain", "a;b", 'say "hi"'];
    const csv = toCsv(
      ["name", "n"],
      texts.map((t, i) => [t, i]),
    );
    const lines = csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines.slice(1).map((l) => splitCsvLine(l)[0])).toEqual(texts);
  });

  it("a hand-written cell without our apostrophe is read as it stands", () => {
    expect(splitCsvLine("2021-07-26,'PT A,1")).toEqual(["2021-07-26", "'PT A", "1"]);
  });
});

import { describe, expect, it } from "vitest";
import { CHAR, dayLabels, GAP } from "@/components/charts/axis";

const span = (l: { i: number; text: string; anchor: string }, x: (i: number) => number) => {
  const w = l.text.length * CHAR;
  const x0 = l.anchor === "start" ? x(l.i) : l.anchor === "end" ? x(l.i) - w : x(l.i) - w / 2;
  return [x0, x0 + w];
};

describe("dayLabels", () => {
  const days = (n: number) => Array.from({ length: n }, (_, i) => `${(i % 31) + 1} Agu`);
  for (const [n, width] of [
    [30, 270],
    [30, 120],
    [31, 270],
    [8, 270],
    [2, 70],
  ] as const) {
    it(`${n} days over ${width} units: first and last labelled, none touching`, () => {
      const x = (i: number) => 40 + (i / (n - 1)) * width;
      const labels = dayLabels(days(n), x);
      expect(labels[0].i).toBe(0);
      expect(labels.at(-1)!.i).toBe(n - 1);
      for (let k = 1; k < labels.length; k++) expect(span(labels[k - 1], x)[1] + GAP).toBeLessThanOrEqual(span(labels[k], x)[0]);
    });
  }

  it("the 30-day report: the day before the last labelled one gives way (was '20 Agu25 Agu')", () => {
    const x = (i: number) => 46 + (i / 29) * 268;
    const labels = dayLabels(days(30), x);
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(labels.map((l) => l.anchor)).toEqual(["start", ...labels.slice(1, -1).map(() => "middle"), "end"]);
  });

  it("one day: one label", () => {
    expect(dayLabels(["25 Agu"], () => 100)).toEqual([{ i: 0, text: "25 Agu", anchor: "middle" }]);
  });
});

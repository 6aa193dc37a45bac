// Axis labels for the server-drawn charts, placed by an estimate of their width (the server
// cannot measure text): spaced so that neighbours never touch.

export const FONT = 9;
/** A generous width of one character at FONT (DejaVu and Liberation digits are about 0.6 em). */
export const CHAR = FONT * 0.62;
/** The least gap between neighbouring texts. */
export const GAP = 6;

export type DayLabel = { i: number; text: string; anchor: "start" | "middle" | "end" };

/**
 * The day labels that fit side by side: every k-th day, k the smallest that leaves a gap between
 * neighbours, the first flush left and the last flush right; a label that would run into the last
 * one gives way to it (the last day is the one a reader looks for).
 */
export function dayLabels(texts: string[], x: (i: number) => number): DayLabel[] {
  const n = texts.length;
  if (n === 0) return [];
  const widest = Math.max(...texts.map((t) => t.length)) * CHAR;
  const spacing = n > 1 ? x(1) - x(0) : Infinity;
  const every = Math.max(1, Math.ceil((widest + GAP) / spacing));
  const anchorOf = (i: number): DayLabel["anchor"] => (i === 0 && n > 1 ? "start" : i === n - 1 && n > 1 ? "end" : "middle");
  const span = (l: DayLabel) => {
    const w = l.text.length * CHAR;
    const x0 = l.anchor === "start" ? x(l.i) : l.anchor === "end" ? x(l.i) - w : x(l.i) - w / 2;
    return [x0, x0 + w] as const;
  };
  const out: DayLabel[] = [];
  const indices = texts.map((_, i) => i).filter((i) => i % every === 0);
  if (indices.at(-1) !== n - 1) indices.push(n - 1);
  for (const i of indices) {
    const label = { i, text: texts[i], anchor: anchorOf(i) };
    while (out.length > 0 && span(out.at(-1)!)[1] + GAP > span(label)[0]) {
      if (i !== n - 1) break;
      out.pop();
    }
    if (out.length === 0 || span(out.at(-1)!)[1] + GAP <= span(label)[0]) out.push(label);
  }
  return out;
}

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and each
// series also differs by dash or position, never by colour alone.
export const COLORS = {
  medical: "#0072B2",
  industrial: "#E69F00",
  capacity: "#0072B2",
  target: "#555555",
  shortfall: "#D55E00",
  use: "#009E73",
  received: "#56B4E9",
  cases: "#CC79A7",
  priority: "#FDE68A",
  normal: "#000000",
} as const;

/** Axis ticks: a number in the reader's locale, at most one decimal. */
export function tick(locale: string, maxFractionDigits = 0) {
  const f = new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: maxFractionDigits });
  return (v: number) => f.format(v);
}

export function shortDay(locale: string) {
  const f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { day: "numeric", month: "short", timeZone: "UTC" });
  return (day: string) => f.format(new Date(`${day}T00:00:00Z`));
}

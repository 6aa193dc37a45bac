// The map's geometry (decision 0043): positions in degrees, drawn as x = longitude,
// y = −latitude (equirectangular; within 11° of the equator its distortion is under 2 %, less
// than a marker's width). No tiles, no projection library: the outlines are SVG paths in the same
// units, so the view is a viewBox.

export type Position = { latitude: number; longitude: number };

/** A view: the rectangle of the map shown, in degrees (x = longitude, y = −latitude). */
export type View = { x: number; y: number; width: number; height: number };

/** Banten with the Sunda Strait, Lampung's tip, Jakarta and the south coast: the provincial view. */
export const BANTEN_VIEW: View = { x: 105.05, y: 5.7, width: 2.0, height: 1.4 };
/** The whole country, Sabang to Merauke, Miangas to Rote. */
export const NATIONAL_VIEW: View = { x: 94.8, y: -6.2, width: 46.6, height: 17.5 };

export const inView = (v: View, p: Position) => p.longitude >= v.x && p.longitude <= v.x + v.width && -p.latitude >= v.y && -p.latitude <= v.y + v.height;

/** Banten's official province code: the region codes of its regencies start with it. */
export const BANTEN_CODE = "36";

/**
 * The provincial view when every hospital is in Banten (by its region's code) and every position
 * lies in the view, otherwise the national one: the demo or Banten's deployment sees the province,
 * the national data set the country, even before its positions are recorded.
 */
export function chooseView(positions: readonly Position[], regionCodes: readonly string[]): { name: "banten" | "national"; view: View } {
  const banten = regionCodes.every((c) => c.split(".")[0] === BANTEN_CODE) && positions.every((p) => inView(BANTEN_VIEW, p));
  return banten ? { name: "banten", view: BANTEN_VIEW } : { name: "national", view: NATIONAL_VIEW };
}

/** A point's place in the SVG (x = longitude, y = −latitude). */
export const toSvg = (p: Position): [number, number] => [p.longitude, -p.latitude];

/** The rings of an outline's SVG path ("M x yLx y…Z", as the outlines are written), as [x, y] points. */
export function ringsOf(path: string): [number, number][][] {
  return path
    .split("M")
    .filter(Boolean)
    .map((ring) =>
      ring
        .replace(/Z$/, "")
        .split("L")
        .map((pair) => pair.split(" ").map(Number) as [number, number]),
    );
}

/** Whether a position lies inside an outline (even–odd rule over all its rings, as SVG fills it). */
export function insideOutline(path: string, p: Position): boolean {
  const [x, y] = toSvg(p);
  let inside = false;
  for (const ring of ringsOf(path)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

type Point = [number, number];

/**
 * A ring cut to the view (Sutherland–Hodgman, one side of the rectangle at a time). What lies
 * outside the view is neither sent nor laid out: a neighbouring province's far end would
 * otherwise widen the SVG's content past a phone's screen.
 */
export function clipRing(ring: readonly Point[], v: View): Point[] {
  const sides: { inside: (p: Point) => boolean; cross: (a: Point, b: Point) => Point }[] = [
    { inside: (p) => p[0] >= v.x, cross: (a, b) => at(a, b, 0, v.x) },
    { inside: (p) => p[0] <= v.x + v.width, cross: (a, b) => at(a, b, 0, v.x + v.width) },
    { inside: (p) => p[1] >= v.y, cross: (a, b) => at(a, b, 1, v.y) },
    { inside: (p) => p[1] <= v.y + v.height, cross: (a, b) => at(a, b, 1, v.y + v.height) },
  ];
  let out: Point[] = [...ring];
  for (const side of sides) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (side.inside(cur)) {
        if (!side.inside(prev)) out.push(side.cross(prev, cur));
        out.push(cur);
      } else if (side.inside(prev)) out.push(side.cross(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}

/** Where segment a–b meets the line where coordinate `axis` equals `value`. */
function at(a: Point, b: Point, axis: 0 | 1, value: number): Point {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

/** An outline's path cut to the view; empty when none of it is in view. */
export function clipPath(path: string, v: View): string {
  return ringsOf(path)
    .map((ring) => clipRing(ring, v))
    .filter((ring) => ring.length >= 3)
    .map((ring) => "M" + ring.map(([x, y]) => `${r3(x)} ${r3(y)}`).join("L") + "Z")
    .join("");
}

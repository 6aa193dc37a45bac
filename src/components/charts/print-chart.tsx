import { CHAR, dayLabels, FONT, GAP } from "./axis";
import { shortDay, tick } from "./palette";

// A day-by-day line chart drawn on the server as plain SVG, for the printed report: it is in the
// HTML the server sends, with a fixed viewBox, so it prints whole without waiting for the chart
// library's script or measuring a container (a responsive chart measured at 0 px prints empty).

export type PrintSeries = { key: string; label: string; color: string; dash?: string };
type Point = { day: string } & Record<string, number | string | null>;

const W = 320;
const H = 115;
/** Room the rotated y-axis title takes at the left edge. */
const TITLE = 12;
const PAD = { right: 6, top: 6, bottom: 18 };

/** A round upper bound for the axis and its step: 1, 2, 2.5 or 5 times a power of ten, four steps. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  return { top: step * 4, step };
}

export function PrintLineChart({
  data,
  series,
  locale,
  yAxis,
  title,
  testId,
}: {
  data: Point[];
  series: PrintSeries[];
  locale: string;
  yAxis: string;
  title: string;
  testId?: string;
}) {
  const values = data.flatMap((p) => series.map((s) => p[s.key])).filter((v): v is number => typeof v === "number");
  const { top, step } = niceScale(Math.max(0, ...values));
  const fmt = tick(locale);
  const day = shortDay(locale);
  const ticks = [0, 1, 2, 3, 4].map((k) => k * step);
  // the plot starts right of the widest tick label and the axis title, with a gap between them
  const left = TITLE + GAP + Math.max(...ticks.map((v) => fmt(v).length)) * CHAR + 4;
  const plotW = W - left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => left + (data.length > 1 ? (i / (data.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const labelled = dayLabels(
    data.map((p) => day(p.day)),
    x,
  );

  /** A series' line, lifted where a day has no figure (no data is not zero). */
  const path = (key: string) => {
    let d = "";
    let pen = false;
    data.forEach((p, i) => {
      const v = p[key];
      if (typeof v !== "number") return void (pen = false);
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };

  return (
    <figure className="print-chart space-y-1" data-testid={testId}>
      <figcaption className="text-xs font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={title} className="h-auto w-full max-w-full" fontSize={FONT}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#cbd5e1" strokeDasharray={v === 0 ? undefined : "3 3"} />
            <text x={left - 4} y={y(v) + 3} textAnchor="end" fill="#334155">
              {fmt(v)}
            </text>
          </g>
        ))}
        <text transform={`translate(${TITLE - 3} ${PAD.top + plotH / 2}) rotate(-90)`} textAnchor="middle" fill="#334155">
          {yAxis}
        </text>
        {labelled.map((l) => (
          <text key={l.i} x={x(l.i)} y={H - 5} textAnchor={l.anchor} fill="#334155">
            {l.text}
          </text>
        ))}
        {series.map((s) => (
          <path key={s.key} d={path(s.key)} fill="none" stroke={s.color} strokeWidth={1.8} strokeDasharray={s.dash} />
        ))}
      </svg>
      <ul className="flex flex-wrap gap-x-3 text-xs">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg width="18" height="6" aria-hidden="true">
              <line x1="0" x2="18" y1="3" y2="3" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

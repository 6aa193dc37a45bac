"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { COLORS, shortDay, tick } from "./palette";

export type SplitPoint = { day: string; medical: number | null; industrial: number | null; normalMedical: number | null };

type Props = {
  data: SplitPoint[];
  periods: { from: string; to: string }[];
  locale: string;
  labels: { medical: string; industrial: string; normalLine: string; priority: string; yAxis: string };
};

/** Daily production in tonnes, stacked medical + industrial, the normal 30 % medical line, priority periods shaded. */
export default function SplitChart({ data, periods, locale, labels }: Props) {
  const fmt = tick(locale, 1);
  const day = shortDay(locale);
  const first = data[0]?.day;
  const last = data[data.length - 1]?.day;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {periods.map((p) => (
          <ReferenceArea
            key={p.from}
            x1={p.from < first ? first : p.from}
            x2={p.to > last ? last : p.to}
            fill={COLORS.priority}
            fillOpacity={0.5}
            ifOverflow="hidden"
          />
        ))}
        <XAxis dataKey="day" tickFormatter={day} minTickGap={16} />
        <YAxis
          tickFormatter={tick(locale)}
          width={64}
          label={{ value: labels.yAxis, angle: -90, position: "insideLeft", offset: 0, style: { textAnchor: "middle" } }}
        />
        <Tooltip formatter={(v) => `${fmt(Number(v))} t`} labelFormatter={(l) => day(String(l))} />
        <Legend />
        <Bar dataKey="medical" name={labels.medical} stackId="split" fill={COLORS.medical} isAnimationActive={false} />
        <Bar dataKey="industrial" name={labels.industrial} stackId="split" fill={COLORS.industrial} isAnimationActive={false} />
        <Line dataKey="normalMedical" name={labels.normalLine} stroke={COLORS.normal} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

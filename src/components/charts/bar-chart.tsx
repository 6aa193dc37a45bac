"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tick } from "./palette";

type Props = {
  data: Record<string, string | number>[];
  category: string;
  series: { key: string; label: string; color: string }[];
  locale: string;
  yAxis: string;
};

/** Grouped bars per category (e.g. a regency/city), values in tonnes. */
export default function GroupedBarChart({ data, category, series, locale, yAxis }: Props) {
  const fmt = tick(locale, 1);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={category} interval={0} tick={{ fontSize: 11 }} angle={-35} textAnchor="end" height={90} />
        <YAxis
          tickFormatter={tick(locale)}
          width={64}
          label={{ value: yAxis, angle: -90, position: "insideLeft", offset: 0, style: { textAnchor: "middle" } }}
        />
        <Tooltip formatter={(v) => `${fmt(Number(v))} t`} />
        <Legend />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

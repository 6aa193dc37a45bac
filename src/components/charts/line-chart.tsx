"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { shortDay, tick } from "./palette";

export type LineSeries = { key: string; label: string; color: string; dash?: string };

type Props = {
  data: Record<string, string | number | null>[];
  series: LineSeries[];
  locale: string;
  yAxis: string;
  unit?: string;
};

/** A day-by-day line chart with a labelled y axis. */
export default function DailyLineChart({ data, series, locale, yAxis, unit = "" }: Props) {
  const fmt = tick(locale, 1);
  const day = shortDay(locale);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={day} minTickGap={16} />
        <YAxis
          tickFormatter={tick(locale)}
          width={64}
          label={{ value: yAxis, angle: -90, position: "insideLeft", offset: 0, style: { textAnchor: "middle" } }}
        />
        <Tooltip formatter={(v) => `${fmt(Number(v))}${unit}`} labelFormatter={(l) => day(String(l))} />
        <Legend />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dash}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

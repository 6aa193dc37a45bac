"use client";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { COLORS, shortDay, tick } from "@/components/charts/palette";

export type ForecastChartPoint = {
  day: string;
  /** tonnes per day; null where the series has no value */
  history: number | null;
  demand: number | null;
  band: [number, number] | null;
  supply: number | null;
};

type Props = {
  data: ForecastChartPoint[];
  locale: string;
  /** the y axis' top in tonnes, or undefined for automatic */
  yMax?: number;
  firstShortDay: string | null;
  labels: { history: string; demand: string; band: string; supply: string; yAxis: string };
};

/** Demand (data, then projected with its band) against the medical supply, tonnes per day. */
export default function ForecastChart({ data, locale, yMax, firstShortDay, labels }: Props) {
  const fmt = tick(locale, 1);
  const day = shortDay(locale);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={day} minTickGap={16} />
        <YAxis
          tickFormatter={tick(locale, 1)}
          width={64}
          domain={[0, yMax ?? "auto"]}
          allowDataOverflow={yMax !== undefined}
          label={{ value: labels.yAxis, angle: -90, position: "insideLeft", offset: 0, style: { textAnchor: "middle" } }}
        />
        <Tooltip
          formatter={(v) => (Array.isArray(v) ? `${fmt(Number(v[0]))} – ${fmt(Number(v[1]))} t` : `${fmt(Number(v))} t`)}
          labelFormatter={(l) => day(String(l))}
        />
        <Legend />
        <Area dataKey="band" name={labels.band} stroke="none" fill={COLORS.capacity} fillOpacity={0.18} isAnimationActive={false} connectNulls={false} />
        <Line dataKey="history" name={labels.history} stroke={COLORS.use} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        <Line dataKey="demand" name={labels.demand} stroke={COLORS.capacity} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        <Line dataKey="supply" name={labels.supply} stroke={COLORS.shortfall} strokeWidth={2} dot={false} isAnimationActive={false} />
        {firstShortDay && <ReferenceLine x={firstShortDay} stroke={COLORS.shortfall} strokeDasharray="2 2" ifOverflow="extendDomain" />}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

import type { components } from '@whatrack/api-client';
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

type Timeseries = components['schemas']['TimeseriesReportDto'];

const COLORS: Record<string, string> = {
  google_ads: '#2563eb',
  meta_ads: '#7c3aed',
  tiktok_ads: '#0f172a',
  '(none)': '#94a3b8',
};
const FALLBACK = ['#0ea5e9', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6'];

interface TimeseriesChartProps {
  data: Timeseries;
  noneLabel: string;
  formatValue: (value: number) => string;
  formatBucket: (bucket: string) => string;
}

/** Stacked bars: one bar per bucket, one colour per platform. Loaded with the reports page only (recharts). */
export function TimeseriesChart({ data, noneLabel, formatValue, formatBucket }: TimeseriesChartProps) {
  const points = data.buckets.map((bucket, index) => {
    const point: Record<string, string | number> = { bucket: formatBucket(bucket) };
    for (const series of data.series) point[series.key] = series.values[index] ?? 0;
    return point;
  });
  const chart = (width?: number): ReactElement => (
    <BarChart data={points} width={width} height={width ? 280 : undefined} margin={{ left: 8, right: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="bucket" tick={{ fontSize: 12 }} minTickGap={12} />
      <YAxis tick={{ fontSize: 12 }} tickFormatter={formatValue} width={80} allowDecimals={false} />
      <Tooltip formatter={(value) => formatValue(Number(value))} />
      <Legend />
      {data.series.map((series, index) => (
        <Bar
          key={series.key}
          dataKey={series.key}
          name={series.key === '(none)' ? noneLabel : series.label}
          stackId="total"
          fill={COLORS[series.key] ?? FALLBACK[index % FALLBACK.length]}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
  // Without ResizeObserver (tests, very old browsers) the chart gets a fixed width.
  if (typeof ResizeObserver === 'undefined') return chart(600);
  return (
    <ResponsiveContainer width="100%" height={280}>
      {chart()}
    </ResponsiveContainer>
  );
}

export default TimeseriesChart;

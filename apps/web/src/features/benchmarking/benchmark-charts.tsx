// Lazily loaded (recharts is heavy): the box plot of a benchmark and its trend line against the median.
// Both are hidden from assistive technology: the tables beside them carry the same figures.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { boxGeometry, formatBenchmarkValue } from './benchmark.js';
import { localeOf } from '../../format/format.js';
import type { BenchmarkStats } from '../../graphql/types.js';

const WIDTH = 600;
const PAD = 30;

/** Minimum, quartiles, median and maximum as a horizontal box, the chamber's value as a marked line. */
export function BoxPlotChart({ stats, value, valueLabel }: { stats: BenchmarkStats; value: number | null; valueLabel: string | null }) {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const g = boxGeometry(stats, value, WIDTH - 2 * PAD);
  if (!g) return null;
  const x = (v: number) => v + PAD;
  const fmt = (v: number | null) => formatBenchmarkValue(v, locale);
  return (
    <div className="chart-box benchmark-box" aria-hidden="true">
      <svg viewBox={`0 0 ${WIDTH} 130`} width="100%" role="presentation">
        <line x1={x(g.min)} x2={x(g.q1)} y1={60} y2={60} stroke="#5c6f82" strokeWidth={2} />
        <line x1={x(g.q3)} x2={x(g.max)} y1={60} y2={60} stroke="#5c6f82" strokeWidth={2} />
        <line x1={x(g.min)} x2={x(g.min)} y1={45} y2={75} stroke="#5c6f82" strokeWidth={2} />
        <line x1={x(g.max)} x2={x(g.max)} y1={45} y2={75} stroke="#5c6f82" strokeWidth={2} />
        <rect x={x(g.q1)} y={35} width={Math.max(1, g.q3 - g.q1)} height={50} fill="#cce0f5" stroke="#004d99" strokeWidth={2} />
        <line x1={x(g.median)} x2={x(g.median)} y1={35} y2={85} stroke="#004d99" strokeWidth={4} />
        <text x={x(g.min)} y={100} textAnchor="middle" fontSize={12}>{fmt(stats.minimum)}</text>
        <text x={x(g.median)} y={100} textAnchor="middle" fontSize={12}>{fmt(stats.median)}</text>
        <text x={x(g.max)} y={100} textAnchor="middle" fontSize={12}>{fmt(stats.maximum)}</text>
        {g.marker !== null ? (
          <g>
            <line x1={x(g.marker)} x2={x(g.marker)} y1={20} y2={95} stroke="#c02a2a" strokeWidth={3} strokeDasharray="5 3" />
            <text x={x(g.marker)} y={15} textAnchor="middle" fontSize={13} fontWeight={700} fill="#a4262c">
              {valueLabel ? `${valueLabel}: ` : ''}
              {fmt(value)}
            </text>
          </g>
        ) : null}
      </svg>
    </div>
  );
}

export type BenchmarkTrendRow = { year: number; self: number | null; median: number | null };

/** The chamber's value and the median by year. */
export function BenchmarkTrendChart({ rows, selfLabel }: { rows: BenchmarkTrendRow[]; selfLabel: string | null }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <div className="chart-box" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis />
          <Tooltip formatter={(v) => formatBenchmarkValue(typeof v === 'number' ? v : null, locale)} />
          <Legend />
          {selfLabel ? <Line type="monotone" dataKey="self" name={selfLabel} stroke="#a4262c" strokeWidth={2} connectNulls isAnimationActive={false} /> : null}
          <Line type="monotone" dataKey="median" name={t('benchmark.median')} stroke="#004d99" strokeWidth={2} strokeDasharray="6 3" connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

// Lazily loaded (recharts is heavy): the entity figures across years. The table beside it carries the data.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatScore, localeOf } from '../../format/format.js';

export type TrendRow = { year: number; mean: number | null; performance: number | null };

/** Mean of results and performance by year (decorative for screen readers: the table has the figures). */
export function TrendChart({ rows }: { rows: TrendRow[] }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <div className="chart-box" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis domain={[0, 100]} />
          <Tooltip formatter={(value) => formatScore(typeof value === 'number' ? value : null, locale)} />
          <Legend />
          <Line type="monotone" dataKey="mean" name={t('cruscotto.trendMean')} stroke="#0066cc" strokeWidth={2} connectNulls />
          <Line type="monotone" dataKey="performance" name={t('cruscotto.trendPerformance')} stroke="#008758" strokeWidth={2} strokeDasharray="6 3" connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

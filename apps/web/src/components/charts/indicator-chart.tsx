// Lazily loaded: measured values by period against the target and the 80 % / 60 % thresholds.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';

export type IndicatorChartPoint = { label: string; value: number | null };
export type IndicatorChartProps = { points: IndicatorChartPoint[]; target: number | null; threshold80: number | null; threshold60: number | null };

/** Values against target and thresholds (hidden from screen readers: the table below has the same data). */
export function IndicatorChart({ points, target, threshold80, threshold60 }: IndicatorChartProps) {
  const { t } = useTranslation();
  return (
    <div className="chart-box" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 10, right: 30, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="value" name={t('indicator.value')} stroke="#0066cc" strokeWidth={2} connectNulls />
          {target !== null ? <ReferenceLine ifOverflow="extendDomain" y={target} stroke="#008758" strokeWidth={2} label={t('indicator.target')} /> : null}
          {threshold80 !== null ? <ReferenceLine ifOverflow="extendDomain" y={threshold80} stroke="#a66300" strokeDasharray="6 3" label={t('indicator.threshold80')} /> : null}
          {threshold60 !== null ? <ReferenceLine ifOverflow="extendDomain" y={threshold60} stroke="#d9364f" strokeDasharray="2 2" label={t('indicator.threshold60')} /> : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

// The weights of a node's children saved with the versions read, through useVersionedSave. A stale version
// (CONFLICT) opens its dialog with the typed weights; "reload and retry" reads the plan again and sends the same
// weights on the current versions. The editor keeps what was typed throughout.
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { formatNumber, localeOf } from '../../format/format.js';
import { PlanQuery, SetNodeWeightsMutation } from '../../graphql/operations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { rereadQuery, useVersionedSave } from '../../components/form/index.js';
import { WeightsEditor, type WeightItem } from './weights-editor.js';

type Weights = { id: string; version: number; weight: number }[];

export function NodeWeights({ year, parent, items, disabled }: { year: number; parent: { id: string; code: string } | null; items: WeightItem[]; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const client = useClient();
  const [, setWeights] = useMutation(SetNodeWeightsMutation);
  const byId = new Map(items.map((item) => [item.id, item]));
  const form = useVersionedSave({
    // The versions of the siblings as read, by id (each weight is sent with its own).
    read: { values: Object.fromEntries<number>(items.map((item) => [item.id, item.version])), version: 0 },
    // The weights editor holds the typed weights and gives them on save (form.save).
    diff: (): Weights => [],
    send: async (_version, weights) => (parent ? setWeights({ parentId: parent.id, weights }) : {}),
    reread: () => rereadQuery(client, PlanQuery, { year }, (data) => ({ values: Object.fromEntries(data.cycle.nodes.map((n) => [n.id, n.version])), version: 0 })),
    // The same weights on the siblings' current versions.
    resend: (fresh, pending) => pending.changes.map((w) => ({ ...w, version: fresh.values[w.id] ?? w.version })),
    describe: (weights) => weights.map((w) => ({ label: `${byId.get(w.id)?.code ?? ''} ${byId.get(w.id)?.title ?? ''}`.trim(), value: formatNumber(w.weight, locale) })),
  });

  return (
    <>
      <WeightsEditor parentCode={parent?.code ?? t('plan.rootCode')} items={items} disabled={disabled} saving={form.saving} onSave={(weights) => void form.save(weights)} />
      <ErrorAlert error={form.error} />
      {form.status === 'saved' ? <p role="status">{t('plan.weightsSaved')}</p> : null}
      {form.dialog}
    </>
  );
}

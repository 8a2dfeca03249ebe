// The weights of a node's children saved with the versions read. A stale version (CONFLICT) opens the conflict
// dialog with the typed weights; "reload and retry" reads the plan again and sends the same weights on the
// current versions. The editor keeps what was typed throughout.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { isConflict } from '../errors/map-error.js';
import { formatNumber, localeOf } from '../format/format.js';
import { PlanQuery, SetNodeWeightsMutation } from '../graphql/operations.js';
import { ConflictDialog } from './conflict-dialog.js';
import { ErrorAlert } from './error-alert.js';
import { WeightsEditor, type WeightItem } from './weights-editor.js';

type Weights = { id: string; version: number; weight: number }[];

export function NodeWeights({ year, parent, items, disabled }: { year: number; parent: { id: string; code: string } | null; items: WeightItem[]; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const client = useClient();
  const [result, setWeights] = useMutation(SetNodeWeightsMutation);
  const [conflict, setConflict] = useState<Weights | null>(null);
  const [saved, setSaved] = useState(false);

  const send = async (weights: Weights) => {
    if (!parent) return;
    setSaved(false);
    const answer = await setWeights({ parentId: parent.id, weights });
    if (isConflict(answer.error)) return setConflict(weights);
    if (answer.data) setSaved(true);
  };

  // Reads the current versions of the siblings and sends the same weights again.
  const reapply = async () => {
    const typed = conflict;
    setConflict(null);
    if (!typed) return;
    const fresh = await client.query(PlanQuery, { year }, { requestPolicy: 'network-only' }).toPromise();
    const versions = new Map((fresh.data?.cycle.nodes ?? []).map((n) => [n.id, n.version]));
    await send(typed.map((w) => ({ ...w, version: versions.get(w.id) ?? w.version })));
  };

  const byId = new Map(items.map((item) => [item.id, item]));
  return (
    <>
      <WeightsEditor parentCode={parent?.code ?? t('plan.rootCode')} items={items} disabled={disabled} saving={result.fetching} onSave={(weights) => void send(weights)} />
      <ErrorAlert error={conflict || isConflict(result.error) ? undefined : result.error} />
      {saved ? <p role="status">{t('plan.weightsSaved')}</p> : null}
      <ConflictDialog
        isOpen={conflict !== null}
        values={(conflict ?? []).map((w) => ({ label: `${byId.get(w.id)?.code ?? ''} ${byId.get(w.id)?.title ?? ''}`.trim(), value: formatNumber(w.weight, locale) }))}
        onReapply={() => void reapply()}
        onDiscard={() => setConflict(null)}
      />
    </>
  );
}

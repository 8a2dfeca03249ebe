// What the API lets change in a plan by the state of its cycle, shared by the node and indicator forms: everything
// in a draft, the wording until the cycle is closed, nothing after; and the sentence that says so on the form.
import { useTranslation } from 'react-i18next';
import type { CycleState } from '../../graphql/types.js';

export const CODE_MAX = 64;
export const TITLE_MIN = 3;
export const TITLE_MAX = 2000;
export const TEXT_MAX = 10_000;

export type EditMode = 'draft' | 'wording' | 'closed';

/** What the API lets change in a cycle in this state: everything in a draft, wording until it closes, nothing after. */
export function editMode(state: CycleState): EditMode {
  if (state === 'draft') return 'draft';
  return state === 'closed' || state === 'published' ? 'closed' : 'wording';
}

/** The ids of the sentences that explain locked fields: `${base}-closed` and `${base}-draft-only`. */
export function modeIds(base: string): { closed: string; draftOnly: string } {
  return { closed: `${base}-closed`, draftOnly: `${base}-draft-only` };
}

/** "Il ciclo 2024 è pubblicato: …" (closed) or the draft-only sentence (`draftOnlyKey`) outside a draft. */
export function EditModeNotice({ base, mode, cycleState, year, draftOnlyKey }: { base: string; mode: EditMode; cycleState: CycleState; year: number; draftOnlyKey: string }) {
  const { t } = useTranslation();
  const ids = modeIds(base);
  const state = t(`cycleState.${cycleState}`).toLowerCase();
  if (mode === 'closed') {
    return (
      <p id={ids.closed} className="alert alert-info">
        {t('planEdit.closed', { year, state })}
      </p>
    );
  }
  if (mode === 'wording') {
    return (
      <p id={ids.draftOnly} className="form-text">
        {t(draftOnlyKey, { year, state })}
      </p>
    );
  }
  return null;
}

// The signed-in person: the identity-provider session and what the API says about them (viewer, cycles).
import { createContext, useContext } from 'react';
import type { Session } from '../auth/keycloak.js';
import type { CycleSummary, Viewer } from '../graphql/types.js';

export type SessionState = { session: Session; viewer: Viewer; cycles: CycleSummary[] };

export const SessionContext = createContext<SessionState | null>(null);

/** The session of the signed-in screens (they render only inside the provider). */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside the signed-in application');
  return state;
}

/** Whether the viewer holds an action everywhere in their chamber, or (conditional) on what is theirs. */
export function can(viewer: Viewer, action: string, conditional = false): boolean {
  return viewer.allowedActions.includes(action) || (conditional && viewer.conditionalActions.includes(action));
}

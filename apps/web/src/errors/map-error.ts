// From an API or network failure to a sentence a person can act on; never a raw code or an English message.
import type { CombinedError } from '@urql/core';

export type ErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'badInput'
  | 'conflict'
  | 'network'
  | 'internal';

const BY_CODE: Record<string, ErrorKind> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  BAD_USER_INPUT: 'badInput',
  CONFLICT: 'conflict',
  INTERNAL_SERVER_ERROR: 'internal',
};

/** The kind of an error (the first GraphQL error's extension code; the network when there is none). */
export function errorKind(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>): ErrorKind {
  for (const e of error.graphQLErrors) {
    const code = e.extensions.code;
    if (typeof code === 'string' && code in BY_CODE) return BY_CODE[code]!;
  }
  if (error.networkError) return 'network';
  return 'internal';
}

/** Refusals whose reason the API names (extensions.reason), with a message of their own. */
const BY_REASON: Record<string, string> = {
  SELF_REVIEW: 'errors.selfReview',
  // A deletion from a draft plan refused (deleteNode, deleteIndicator): what stays on record.
  HAS_MEASUREMENTS: 'errors.hasMeasurements',
  HAS_OVERRIDES: 'planEdit.deleteHasOverrides',
  CONTINUED_IN_NEXT_CYCLE: 'planEdit.deleteContinued',
};

/** The i18n key of the plain-language message for an error. */
export function errorMessageKey(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>): string {
  for (const e of error.graphQLErrors) {
    const reason = e.extensions.reason;
    if (typeof reason === 'string' && reason in BY_REASON) return BY_REASON[reason]!;
  }
  return `errors.${errorKind(error)}`;
}

/** Whether the error is a stale write (someone changed the record since it was read). */
export function isConflict(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'> | undefined): boolean {
  return error !== undefined && errorKind(error) === 'conflict';
}

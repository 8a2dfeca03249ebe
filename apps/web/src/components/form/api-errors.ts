// API errors on a form: a stale version (CONFLICT without a field) goes to the conflict dialog; an error that names
// a field (`extensions.field`: a taken code, a formula the engine refuses, BAD_USER_INPUT on a value) is shown
// beside that field; anything else in the form's alert, in plain words (errors/map-error.ts).
import type { CombinedError } from '@urql/core';
import { isConflict } from '../../errors/map-error.js';

export type ApiError = Pick<CombinedError, 'graphQLErrors' | 'networkError'>;

/** The field an API error names (`extensions.field`), if any. */
export function errorField(error: ApiError | undefined): string | undefined {
  const field = error?.graphQLErrors.find((e) => typeof e.extensions.field === 'string')?.extensions.field;
  return typeof field === 'string' ? field : undefined;
}

/** A stale version (someone changed the row since it was read), not a value taken by another row. */
export function isStale(error: ApiError | undefined): boolean {
  return isConflict(error) && errorField(error) === undefined;
}

/**
 * Splits an API error between the form's fields and its alert: `field` when the error names one of `fields`
 * (shown beside it), `form` otherwise (shown in the form's alert). A stale version is neither: it is the conflict
 * dialog's.
 */
export function splitApiError<E extends ApiError>(error: E | undefined, fields: readonly string[]): { field?: string; form?: E } {
  if (!error || isStale(error)) return {};
  const field = errorField(error);
  if (field !== undefined && fields.includes(field)) return { field };
  return { form: error };
}

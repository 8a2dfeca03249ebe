// Domain errors: what use cases and policies throw. Only the GraphQL edge (http/format-error.ts) turns
// them into GraphQL errors with a stable code; anything else becomes INTERNAL_SERVER_ERROR, masked.

/** The stable error codes of the API (extensions.code). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'IDENTITY_PROVIDER_UNAVAILABLE';

/** Base class of the errors the API reports to clients with their message and details. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    /** Safe, client-facing facts (ids, field names, versions); never SQL or internals. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** No valid identity, where one is required. */
export class UnauthenticatedError extends DomainError {
  override readonly name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
}

/** The actor is known but may not do this. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}

/** The resource does not exist, or not for this tenant (the two are indistinguishable on purpose). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id?: string, message?: string) {
    super(message ?? (id === undefined ? `${entity} not found` : `${entity} ${id} not found`), id === undefined ? { entity } : { entity, id });
  }
}

/** The input is invalid (validation, workflow state, reasons). */
export class BadInputError extends DomainError {
  override readonly name = 'BadInputError';
  readonly code = 'BAD_USER_INPUT';
}

/** Optimistic concurrency: the row changed since the caller read it, or a unique value is taken. */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
}

/** A stale version: nothing was written. */
export function staleVersion(entity: string, id: string, expected: number): ConflictError {
  return new ConflictError(`${entity} ${id} was changed by someone else (you sent version ${expected}); reload and retry`, {
    entity,
    id,
    version: expected,
  });
}

/**
 * The identity provider (Keycloak) cannot be reached or cannot serve the request: nothing is wrong with the
 * caller's token or input. HTTP 503 before GraphQL runs (token keys), or this code in a GraphQL error.
 */
export class IdentityProviderUnavailableError extends DomainError {
  override readonly name = 'IdentityProviderUnavailableError';
  readonly code = 'IDENTITY_PROVIDER_UNAVAILABLE';
  constructor(options: { cause?: unknown; call?: string } = {}) {
    super('Il servizio di autenticazione non è raggiungibile in questo momento: riprova tra poco.');
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

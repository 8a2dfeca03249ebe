// The GraphQL edge: every error leaves the API with one of the stable codes and a safe message.
// Domain errors keep their message and details; anything else (Prisma, PostgreSQL, bugs) is logged
// with the request and answered as INTERNAL_SERVER_ERROR, with no stack, SQL or constraint names.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, type ErrorCode } from '../errors.js';

type PublicCode = ErrorCode | 'INTERNAL_SERVER_ERROR';

// Apollo's own codes for requests that never reach a resolver, as the API's stable codes.
const APOLLO_CODES: Record<string, PublicCode> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
};

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^P\d{4}$/.test(code) ? code : undefined;
}

/** Maps an error to the public shape; `log` receives what is hidden from the client. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (error: unknown) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (original instanceof DomainError) {
    return { message: original.message, ...base, extensions: { code: original.code, ...original.details } };
  }
  // Unique violations are the one database failure a client can act on: the value is taken.
  if (prismaCode(original) === 'P2002') {
    return { message: 'a record with these values already exists', ...base, extensions: { code: 'CONFLICT' } };
  }
  const apolloCode = typeof formatted.extensions?.code === 'string' ? APOLLO_CODES[formatted.extensions.code] : undefined;
  if (apolloCode && original === error) {
    return { message: formatted.message, ...base, extensions: { code: apolloCode } };
  }
  log(original);
  return { message: 'Unexpected error', ...base, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

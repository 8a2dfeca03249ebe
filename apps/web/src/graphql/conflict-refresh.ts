// After a stale write (CONFLICT) every screen shows the data as it is now, without a reload and without
// touching what the person typed: the queries on screen are asked again from the API. Forms with typed values
// also open the conflict dialog through useVersionedSave (components/form/use-versioned-save.tsx); buttons without typed values (suspend a chamber,
// deactivate a person, approve a cycle) then simply work on the current version at the next click.
import type { Client, Exchange, Operation, OperationResult } from '@urql/core';
import { makeOperation } from '@urql/core';
import { pipe, tap } from 'wonka';

/** Whether a result is a write refused because the record changed since it was read. */
export function isConflictResult(result: OperationResult): boolean {
  return result.operation.kind === 'mutation' && (result.error?.graphQLErrors.some((e) => e.extensions.code === 'CONFLICT') ?? false);
}

/** The exchange: tracks the active queries; on a CONFLICT answer to a mutation, re-executes them network-only. */
export function conflictRefreshExchange(): Exchange {
  return ({ client, forward }) => {
    const active = new Map<number, Operation>();
    return (operations$) =>
      pipe(
        forward(
          pipe(
            operations$,
            tap((operation) => {
              if (operation.kind === 'query') active.set(operation.key, operation);
              else if (operation.kind === 'teardown') active.delete(operation.key);
            }),
          ),
        ),
        tap((result) => {
          if (isConflictResult(result)) refreshActive(client, [...active.values()]);
        }),
      );
  };
}

function refreshActive(client: Client, operations: Operation[]): void {
  for (const operation of operations) {
    client.reexecuteOperation(makeOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' }));
  }
}

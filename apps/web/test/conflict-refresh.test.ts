// A stale write (CONFLICT) makes every query on screen ask the API again, so the next attempt works on the
// current data; other errors and successful writes leave the queries alone.
import { Client, gql, type Exchange, type Operation } from '@urql/core';
import { empty, fromValue, mergeMap, pipe } from 'wonka';
import { describe, expect, it } from 'vitest';
import { conflictRefreshExchange } from '../src/graphql/conflict-refresh.js';

const PersonQuery = gql`
  query Person($id: ID!) {
    person(id: $id) { id version active }
  }
`;
const UpdatePerson = gql`
  mutation UpdatePerson($id: ID!, $version: Int!) {
    updatePerson(id: $id, version: $version, active: false) { id version active }
  }
`;

/** A terminating exchange answering like the API: the person's version moves under the caller's feet. */
function api(sent: Operation[], mutationCode: string | null): Exchange {
  let version = 1;
  return () => (operations$) =>
    pipe(
      operations$,
      mergeMap((operation) => {
        if (operation.kind === 'teardown') return empty;
        sent.push(operation);
        if (operation.kind === 'mutation') {
          version += 1; // someone else's write landed first
          return fromValue(
            mutationCode === null
              ? { operation, data: { updatePerson: { __typename: 'Person', id: 'p1', version, active: false } } }
              : { operation, data: null, error: { graphQLErrors: [{ message: 'stale', extensions: { code: mutationCode } }] } },
          );
        }
        return fromValue({ operation, data: { person: { __typename: 'Person', id: 'p1', version, active: true } } });
      }),
    ) as never;
}

async function run(mutationCode: string | null) {
  const sent: Operation[] = [];
  const client = new Client({ url: 'http://api.invalid/graphql', exchanges: [conflictRefreshExchange(), api(sent, mutationCode)] });
  const versions: number[] = [];
  const subscription = client.query(PersonQuery, { id: 'p1' }).subscribe((r) => {
    if (r.data) versions.push((r.data as { person: { version: number } }).person.version);
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  await client.mutation(UpdatePerson, { id: 'p1', version: 1 }).toPromise();
  await new Promise((resolve) => setTimeout(resolve, 0));
  subscription.unsubscribe();
  return { sent: sent.map((o) => `${o.kind}:${o.kind === 'query' ? o.context.requestPolicy : ''}`), versions };
}

describe('after a CONFLICT', () => {
  it('asks the API again, network-only, for the queries on screen, which then show the current version', async () => {
    const { sent, versions } = await run('CONFLICT');
    expect(sent).toEqual(['query:cache-first', 'mutation:', 'query:network-only']);
    expect(versions).toEqual([1, 2]);
  });

  it('does not refetch after another refusal or a successful write', async () => {
    expect((await run('FORBIDDEN')).sent).toEqual(['query:cache-first', 'mutation:']);
    expect((await run(null)).sent).toEqual(['query:cache-first', 'mutation:']);
  });
});

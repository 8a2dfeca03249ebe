// Rendering helpers: the real i18n resources (Italian), and an urql client whose answers the test scripts.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import type { Client, OperationResult } from '@urql/core';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Provider } from 'urql';
import { fromValue, never } from 'wonka';
import { initI18n } from '../src/i18n/i18n.js';

let italian: i18n | undefined;

/** The application's i18next instance in Italian. */
export async function italianI18n(): Promise<i18n> {
  italian ??= await initI18n('it');
  return italian;
}

export type ScriptedCall = { kind: 'query' | 'mutation'; name: string; variables: Record<string, unknown> };
export type Answer = (call: ScriptedCall) => Partial<OperationResult> | undefined;

function operationName(query: unknown): string {
  const definitions = (query as { definitions?: { name?: { value?: string } }[] }).definitions ?? [];
  return definitions[0]?.name?.value ?? '';
}

/** A client that answers every query and mutation through `answer` and records the calls. */
export function scriptedClient(answer: Answer): { client: Client; calls: ScriptedCall[] } {
  const calls: ScriptedCall[] = [];
  const record = (kind: ScriptedCall['kind'], query: unknown, variables: unknown) => {
    const call = { kind, name: operationName(query), variables: (variables ?? {}) as Record<string, unknown> };
    calls.push(call);
    return answer(call);
  };
  const execute = (kind: ScriptedCall['kind']) => (request: { query: unknown; variables?: unknown }) => {
    const result = record(kind, request.query, request.variables);
    return result ? fromValue({ stale: false, hasNext: false, ...result }) : never;
  };
  const client = {
    executeQuery: execute('query'),
    executeMutation: execute('mutation'),
    executeSubscription: () => never,
    query: (query: unknown, variables?: unknown) => ({
      toPromise: () => Promise.resolve({ stale: false, hasNext: false, ...record('query', query, variables) }),
    }),
  } as unknown as Client;
  return { client, calls };
}

/** Renders with the Italian resources and the given urql client. */
export async function renderWith(ui: ReactElement, client?: Client) {
  const i18n = await italianI18n();
  return render(<I18nextProvider i18n={i18n}>{client ? <Provider value={client}>{ui}</Provider> : ui}</I18nextProvider>);
}

// The level names of a cycle: required, saved with the cycle's version, a stale version explained and the
// typed names sent again on the current one; read-only once the cycle is closed.
import { screen, waitFor } from '@testing-library/react';
import { CombinedError } from '@urql/core';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LevelsEditor, levelChanges, levelNamesEditable, validateLevelNames } from '../src/features/plan-editor/levels-editor.js';
import type { CycleState } from '../src/graphql/types.js';
import { renderWith, scriptedClient } from './support.js';

const levels = [
  { key: 'area', name: 'Area strategica', kind: 'area' as const, position: 0, aggregation: 'weighted_mean' as const },
  { key: 'obiettivo', name: 'Obiettivo strategico', kind: 'strategic' as const, position: 1, aggregation: 'weighted_mean' as const },
];
const cycle = (state: CycleState = 'draft', version = 4) => ({ id: 'c-2025', year: 2025, state, version, levels });
const conflict = { error: new CombinedError({ graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] }) };

describe('level names', () => {
  it('validates: required and not too long', () => {
    expect(validateLevelNames({ area: 'Linea', obiettivo: '  ' })).toEqual({ obiettivo: 'plan.levelNameRequired' });
    expect(validateLevelNames({ area: 'x'.repeat(121) })).toEqual({ area: 'plan.levelNameTooLong' });
    expect(validateLevelNames({ area: 'Linea strategica' })).toEqual({});
  });

  it('can change until the cycle is closed', () => {
    expect(['draft', 'approved', 'monitoring'].every((s) => levelNamesEditable(s as CycleState))).toBe(true);
    expect(levelNamesEditable('closed')).toBe(false);
    expect(levelNamesEditable('published')).toBe(false);
  });

  it('sends kind and aggregation only where they changed, and only for a draft', () => {
    const names = { area: 'Area strategica', obiettivo: 'Obiettivo strategico' };
    const structure = { area: { kind: 'area' as const, aggregation: 'weighted_mean' as const }, obiettivo: { kind: 'program' as const, aggregation: 'simple_mean' as const } };
    expect(levelChanges(levels, names, structure, true)).toEqual([
      { key: 'area', name: 'Area strategica' },
      { key: 'obiettivo', name: 'Obiettivo strategico', kind: 'program', aggregation: 'simple_mean' },
    ]);
    expect(levelChanges(levels, names, structure, false)).toEqual([
      { key: 'area', name: 'Area strategica' },
      { key: 'obiettivo', name: 'Obiettivo strategico' },
    ]);
  });

  it('lets the administrator choose the kind and the score of a level in a draft plan, with the cycle version', async () => {
    const { client, calls } = scriptedClient((call) =>
      call.name === 'UpdateLevels' ? { data: { updateLevels: { id: 'c-2025', state: 'draft', version: 5, levels } } } : undefined,
    );
    await renderWith(<LevelsEditor cycle={cycle()} canEdit />, client);
    expect(screen.getByLabelText('Tipo del livello 2')).toHaveValue('strategic');
    await userEvent.selectOptions(screen.getByLabelText('Tipo del livello 2'), 'Programma');
    await userEvent.selectOptions(screen.getByLabelText('Calcolo del punteggio del livello 2'), 'Media semplice dei figli');
    await userEvent.click(screen.getByRole('button', { name: 'Salva i nomi dei livelli' }));
    await screen.findByText('Nomi dei livelli salvati.');
    expect(calls.find((c) => c.name === 'UpdateLevels')!.variables).toEqual({
      cycleId: 'c-2025',
      version: 4,
      levels: [
        { key: 'area', name: 'Area strategica' },
        { key: 'obiettivo', name: 'Obiettivo strategico', kind: 'program', aggregation: 'simple_mean' },
      ],
    });
  });

  it('offers only the names once the plan is approved', async () => {
    const { client } = scriptedClient(() => undefined);
    await renderWith(<LevelsEditor cycle={cycle('approved')} canEdit />, client);
    expect(screen.getByLabelText('Nome del livello 2')).toBeInTheDocument();
    expect(screen.queryByLabelText('Tipo del livello 2')).toBeNull();
    expect(screen.queryByLabelText('Calcolo del punteggio del livello 2')).toBeNull();
  });

  it('refuses an empty name, ties the message to the field and sends nothing', async () => {
    const { client, calls } = scriptedClient(() => undefined);
    await renderWith(<LevelsEditor cycle={cycle()} canEdit />, client);
    const field = screen.getByLabelText('Nome del livello 2');
    await userEvent.clear(field);
    await userEvent.click(screen.getByRole('button', { name: 'Salva i nomi dei livelli' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Scrivi il nome del livello.');
    expect(field).toHaveFocus();
    expect(calls.filter((c) => c.kind === 'mutation')).toHaveLength(0);
  });

  it('saves the trimmed names with the cycle version', async () => {
    const { client, calls } = scriptedClient((call) =>
      call.name === 'UpdateLevels' ? { data: { updateLevels: { id: 'c-2025', state: 'draft', version: 5, levels } } } : undefined,
    );
    await renderWith(<LevelsEditor cycle={cycle()} canEdit />, client);
    const field = screen.getByLabelText('Nome del livello 1');
    await userEvent.clear(field);
    await userEvent.type(field, ' Linea strategica ');
    await userEvent.click(screen.getByRole('button', { name: 'Salva i nomi dei livelli' }));
    await screen.findByText('Nomi dei livelli salvati.');
    expect(calls.find((c) => c.name === 'UpdateLevels')!.variables).toEqual({
      cycleId: 'c-2025',
      version: 4,
      levels: [
        { key: 'area', name: 'Linea strategica' },
        { key: 'obiettivo', name: 'Obiettivo strategico' },
      ],
    });
  });

  it('explains a stale version, keeps what was typed and sends it again on the current version', async () => {
    let attempts = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'UpdateLevels') {
        attempts += 1;
        return attempts === 1 ? conflict : { data: { updateLevels: { id: 'c-2025', state: 'draft', version: 8, levels } } };
      }
      if (call.name === 'Plan') return { data: { cycle: { ...cycle('draft', 7), horizonStart: 2025, horizonEnd: 2027, nodes: [], weightIssues: [] } } };
      return undefined;
    });
    await renderWith(<LevelsEditor cycle={cycle()} canEdit />, client);
    const field = screen.getByLabelText('Nome del livello 1');
    await userEvent.clear(field);
    await userEvent.type(field, 'Linea strategica');
    await userEvent.click(screen.getByRole('button', { name: 'Salva i nomi dei livelli' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Linea strategica');
    expect(field).toHaveValue('Linea strategica');
    await userEvent.click(screen.getByRole('button', { name: /ricarica/i }));
    await screen.findByText('Nomi dei livelli salvati.');
    const updates = calls.filter((c) => c.name === 'UpdateLevels');
    expect(updates.map((c) => c.variables.version)).toEqual([4, 7]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('is read-only with the reason once the cycle is closed', async () => {
    const { client } = scriptedClient(() => undefined);
    await renderWith(<LevelsEditor cycle={cycle('closed')} canEdit />, client);
    expect(screen.getByText('Il ciclo 2025 è chiuso: i nomi dei livelli non si modificano più.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText('Area strategica')).toBeInTheDocument();
  });
});

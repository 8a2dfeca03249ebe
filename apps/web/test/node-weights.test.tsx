import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { NodeWeights } from '../src/features/plan-editor/node-weights.js';
import type { WeightItem } from '../src/features/plan-editor/weights-editor.js';
import { renderWith, scriptedClient } from './support.js';

const items: WeightItem[] = [
  { id: 'a', code: '1.3.1', title: 'Tempi di evasione', weight: 80, version: 3 },
  { id: 'b', code: '1.3.2', title: 'Sanzioni', weight: 20, version: 5 },
];
const conflict = { error: new CombinedError({ graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] }) };

describe('weights of the plan on a stale version (CONFLICT)', () => {
  it('explains it, keeps the typed weights and sends them again with the current versions', async () => {
    let attempts = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'SetNodeWeights') {
        attempts += 1;
        return attempts === 1 ? conflict : { data: { setNodeWeights: [{ id: 'a', weight: 70, version: 4 }, { id: 'b', weight: 30, version: 7 }] } };
      }
      if (call.name === 'Plan') {
        const nodes = [
          { ...items[0], version: 4, parentId: 'p', levelKey: 'azione', position: 0, perspective: null, units: [], indicators: [] },
          { ...items[1], version: 6, parentId: 'p', levelKey: 'azione', position: 1, perspective: null, units: [], indicators: [] },
        ];
        return { data: { cycle: { id: 'c-2025', year: 2025, state: 'draft', version: 2, levels: [], nodes, weightIssues: [] } } };
      }
      return undefined;
    });
    await renderWith(<NodeWeights year={2025} parent={{ id: 'p', code: '1.3' }} items={items} disabled={false} />, client);
    const first = screen.getByLabelText('Tempi di evasione');
    const second = screen.getByLabelText('Sanzioni');
    await userEvent.clear(first);
    await userEvent.type(first, '70');
    await userEvent.clear(second);
    await userEvent.type(second, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Salva i pesi' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Qualcuno ha modificato questi dati');
    expect(dialog).toHaveTextContent('1.3.1 Tempi di evasione');
    expect(dialog).toHaveTextContent('70');
    expect(first).toHaveValue('70');
    expect(second).toHaveValue('30');
    await userEvent.click(screen.getByRole('button', { name: /ricarica/i }));
    await screen.findByText('Pesi salvati.');
    const sent = calls.filter((c) => c.name === 'SetNodeWeights').map((c) => c.variables.weights);
    expect(sent).toEqual([
      [
        { id: 'a', version: 3, weight: 70 },
        { id: 'b', version: 5, weight: 30 },
      ],
      [
        { id: 'a', version: 4, weight: 70 },
        { id: 'b', version: 6, weight: 30 },
      ],
    ]);
    expect(first).toHaveValue('70');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

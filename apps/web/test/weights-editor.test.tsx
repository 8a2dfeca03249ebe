import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { WeightsEditor, type WeightItem } from '../src/features/plan-editor/weights-editor.js';
import { renderWith } from './support.js';

const items: WeightItem[] = [
  { id: 'a', code: '1.3.1', title: 'Tempi di evasione', weight: 80, version: 3 },
  { id: 'b', code: '1.3.2', title: 'Sanzioni', weight: 20, version: 5 },
];

describe('the live check that sibling weights sum to 100', () => {
  it('confirms weights that sum to 100 and saves them with the versions read', async () => {
    const onSave = vi.fn();
    await renderWith(<WeightsEditor parentCode="1.3" items={items} onSave={onSave} />);
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('I pesi sommano a 100.');
    await userEvent.click(screen.getByRole('button', { name: 'Salva i pesi' }));
    expect(onSave).toHaveBeenCalledWith([
      { id: 'a', version: 3, weight: 80 },
      { id: 'b', version: 5, weight: 20 },
    ]);
  });

  it('shows the sum as the person types and refuses to save when it is not 100', async () => {
    const onSave = vi.fn();
    await renderWith(<WeightsEditor parentCode="1.3" items={items} onSave={onSave} />);
    const first = screen.getByLabelText('Tempi di evasione');
    await userEvent.clear(first);
    await userEvent.type(first, '70');
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('I pesi sommano a 90: devono sommare a 100.');
    expect(screen.getByRole('button', { name: 'Salva i pesi' })).toBeDisabled();
    expect(first).toHaveAccessibleDescription('I pesi sommano a 90: devono sommare a 100.');
  });

  it('accepts decimal weights written with a comma within the API tolerance (33,33 + 33,33 + 33,34)', async () => {
    const thirds: WeightItem[] = ['x', 'y', 'z'].map((id, n) => ({ id, code: `2.${n + 1}`, title: `Obiettivo ${id}`, weight: n === 2 ? 33.34 : 33.33, version: 1 }));
    await renderWith(<WeightsEditor parentCode="2" items={thirds} onSave={vi.fn()} />);
    expect(screen.getByLabelText('Obiettivo x')).toHaveValue('33,33');
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('I pesi sommano a 100.');
  });

  it('marks a weight that is not a number as invalid', async () => {
    await renderWith(<WeightsEditor parentCode="1.3" items={items} onSave={vi.fn()} />);
    const second = screen.getByLabelText('Sanzioni');
    await userEvent.clear(second);
    await userEvent.type(second, 'venti');
    expect(second).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('Inserisci un numero, ad esempio 27,21.');
  });
});

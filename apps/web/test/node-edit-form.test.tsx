// Editing an existing node of the plan: immediate validation, only the changed fields sent with the version read,
// draft-only fields disabled with the reason, a stale version (CONFLICT) explained and the typed values sent again
// on the current version, "discard" loading the current values; moving a node (never under its own subtree);
// deleting a node of a draft plan (what goes said exactly, Escape cancels, refusals in plain Italian, CONFLICT).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { NodeEditForm, NodeMoveForm, nodeChanges, nodeFields, parentCandidates, validateNode } from '../src/features/plan-editor/node-edit-form.js';
import * as planOperations from '../src/features/plan-editor/plan-operations.js';
import type { EditableNode } from '../src/features/plan-editor/plan-operations.js';
import type { Level, TreeNode } from '../src/graphql/types.js';
import { indexTree } from '../src/plan/tree.js';
import { renderWith, scriptedClient } from './support.js';

const stale = { error: new CombinedError({ graphQLErrors: [{ message: 'PlanNode n-111 was changed by someone else', extensions: { code: 'CONFLICT', entity: 'PlanNode', id: 'n-111', version: 3 } }] }) };
const codeTaken = { error: new CombinedError({ graphQLErrors: [{ message: 'the cycle has a node with code 1.1.2', extensions: { code: 'CONFLICT', field: 'code' } }] }) };

const action = (over: Partial<EditableNode> = {}): EditableNode => ({
  id: 'n-111',
  cycleId: 'c-2021',
  parentId: 'n-11',
  code: '1.1.1',
  title: 'Progetti attivati',
  description: null,
  note: null,
  weight: 50,
  position: 0,
  achievementOperator: null,
  achievementValue: null,
  version: 3,
  level: { key: 'azione', name: 'Azione', kind: 'action', position: 3 },
  indicators: [],
  ...over,
});
const strategic = (over: Partial<EditableNode> = {}): EditableNode =>
  action({ id: 'n-1', parentId: 'n-p1', code: '1', title: 'Competitività del territorio', weight: 33.33, achievementOperator: 'gte', achievementValue: 80, level: { key: 'strategico', name: 'Obiettivo strategico', kind: 'strategic', position: 1 }, ...over });
const fields = (node: EditableNode) => ({ ...node, level: undefined, indicators: undefined });

describe('the plan operations against the API schema', () => {
  const schema = buildSchema(readFileSync(join(import.meta.dirname, '../../api/schema.graphql'), 'utf8'));
  const documents = Object.entries(planOperations).filter((entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && 'definitions' in entry[1]);
  it.each(documents)('%s is valid', (_name, document) => {
    expect(validate(schema, parse(print(document))).map((e) => e.message)).toEqual([]);
  });
  it('finds the nine operations', () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      'DeleteIndicatorMutation',
      'DeleteNodeMutation',
      'EditIndicatorMutation',
      'EditNodeMutation',
      'IndicatorForDeleteQuery',
      'IndicatorForEditQuery',
      'MoveNodeMutation',
      'NodeForEditQuery',
      'PlanShapeQuery',
    ]);
  });
});

describe('node fields', () => {
  it('validates required title and code and Italian numbers', () => {
    const base = nodeFields(strategic(), 'it-IT');
    expect(base.weight).toBe('33,33');
    expect(validateNode(base, 'draft')).toEqual({});
    expect(validateNode({ ...base, title: '  ', code: '' }, 'draft')).toEqual({ title: { key: 'planEdit.titleRequired' }, code: { key: 'planEdit.codeRequired' } });
    expect(validateNode({ ...base, title: 'ab' }, 'draft')).toEqual({ title: { key: 'planEdit.titleTooShort', min: 3 } });
    expect(validateNode({ ...base, weight: 'dieci' }, 'draft')).toEqual({ weight: { key: 'planEdit.invalidNumber' } });
    expect(validateNode({ ...base, weight: '100,5' }, 'draft')).toEqual({ weight: { key: 'planEdit.weightRange' } });
    expect(validateNode({ ...base, value: '' }, 'draft')).toEqual({ value: { key: 'planEdit.targetValueRequired' } });
    expect(validateNode({ ...base, operator: '' }, 'draft')).toEqual({ operator: { key: 'planEdit.operatorRequired' } });
    // Outside a draft the code and the weight are not the person's to change: not validated.
    expect(validateNode({ ...base, code: '' }, 'wording')).toEqual({});
  });

  it('sends only what changed, numbers read the Italian way', () => {
    const base = nodeFields(strategic(), 'it-IT');
    expect(nodeChanges(base, { ...base })).toEqual({});
    expect(nodeChanges(base, { ...base, weight: '33,330' })).toEqual({});
    expect(nodeChanges(base, { ...base, title: ' Competitività ', weight: '40', description: '' })).toEqual({ title: 'Competitività', weight: 40 });
    expect(nodeChanges(base, { ...base, value: '1.234,5' })).toEqual({ achievementOperator: 'gte', achievementValue: 1234.5 });
    expect(nodeChanges(base, { ...base, operator: '', value: '' })).toEqual({ achievementOperator: null, achievementValue: null });
    expect(nodeChanges(nodeFields(action({ note: 'vecchia' }), 'it-IT'), { ...nodeFields(action({ note: 'vecchia' }), 'it-IT'), note: ' ' })).toEqual({ note: null });
  });
});

describe('the node form', { timeout: 20_000 }, () => {
  it('validates while typing, ties the message to the field and sends nothing', async () => {
    const { client, calls } = scriptedClient((call) => (call.name === 'NodeForEdit' ? { data: { node: action() } } : undefined));
    await renderWith(<NodeEditForm nodeId="n-111" cycleState="draft" year={2021} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Azione 1.1.1' });
    const title = within(form).getByLabelText('Titolo');
    await userEvent.clear(title);
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Scrivi il titolo.');
    const weight = within(form).getByLabelText('Peso (%)');
    await userEvent.clear(weight);
    await userEvent.type(weight, '12,5x');
    expect(weight).toHaveAccessibleDescription(/^Scrivi un numero, ad esempio 12,5\./);
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'obiettivo" }));
    expect(title).toHaveFocus();
    expect(calls.filter((c) => c.kind === 'mutation')).toHaveLength(0);
  });

  it('saves only the changed fields with the version read', async () => {
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: action() } };
      if (call.name === 'EditNode') return { data: { updateNode: fields(action({ title: 'Progetti attivati entro giugno', weight: 12.5, description: 'Iniziative del primo semestre', version: 4 })) } };
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-111" cycleState="draft" year={2021} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Azione 1.1.1' });
    // An action is scored by its indicators: no own target is offered.
    expect(within(form).queryByLabelText('Operatore del target')).not.toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('Titolo'), ' entro giugno');
    await userEvent.type(within(form).getByLabelText('Descrizione'), 'Iniziative del primo semestre');
    const weight = within(form).getByLabelText('Peso (%)');
    await userEvent.clear(weight);
    await userEvent.type(weight, '12,5');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'obiettivo" }));
    await within(form).findByText("Modifiche all'obiettivo salvate.");
    expect(within(form).getByRole('status')).toHaveTextContent("Modifiche all'obiettivo salvate.");
    expect(calls.filter((c) => c.name === 'EditNode').map((c) => c.variables)).toEqual([
      { id: 'n-111', version: 3, title: 'Progetti attivati entro giugno', description: 'Iniziative del primo semestre', weight: 12.5 },
    ]);
    expect(weight).toHaveValue('12,5');
    // Nothing changed since the save: nothing is sent.
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'obiettivo" }));
    await within(form).findByText('Non ci sono modifiche da salvare.');
    expect(calls.filter((c) => c.name === 'EditNode')).toHaveLength(1);
  });

  it("edits a strategic objective's own target", async () => {
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: strategic() } };
      if (call.name === 'EditNode') return { data: { updateNode: fields(strategic({ achievementOperator: 'gt', achievementValue: 85.5, version: 4 })) } };
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-1" cycleState="draft" year={2021} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Obiettivo strategico 1' });
    expect(within(form).getByLabelText('Peso (%)')).toHaveValue('33,33');
    await userEvent.selectOptions(within(form).getByLabelText('Operatore del target'), 'gt');
    const value = within(form).getByLabelText('Valore del target');
    expect(value).toHaveValue('80');
    await userEvent.clear(value);
    await userEvent.type(value, '85,5');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'obiettivo" }));
    await within(form).findByText("Modifiche all'obiettivo salvate.");
    expect(calls.find((c) => c.name === 'EditNode')!.variables).toEqual({ id: 'n-1', version: 3, achievementOperator: 'gt', achievementValue: 85.5 });
  });

  it('outside a draft disables code, weight and own target and says why', async () => {
    const { client } = scriptedClient((call) => (call.name === 'NodeForEdit' ? { data: { node: strategic() } } : undefined));
    await renderWith(<NodeEditForm nodeId="n-1" cycleState="approved" year={2021} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Obiettivo strategico 1' });
    const reason = 'Il ciclo 2021 è approvato: codice, peso e target proprio si modificano solo mentre il piano è in bozza. Titolo, descrizione e nota si possono ancora cambiare.';
    for (const label of ['Codice', 'Peso (%)', 'Operatore del target', 'Valore del target']) {
      const field = within(form).getByLabelText(label);
      expect(field).toBeDisabled();
      expect(field).toHaveAccessibleDescription(expect.stringContaining(reason));
    }
    expect(within(form).getByLabelText('Titolo')).toBeEnabled();
    expect(within(form).getByRole('button', { name: "Salva l'obiettivo" })).toBeEnabled();
  });

  it('is read-only once the cycle is closed', async () => {
    const { client } = scriptedClient((call) => (call.name === 'NodeForEdit' ? { data: { node: action() } } : undefined));
    await renderWith(<NodeEditForm nodeId="n-111" cycleState="published" year={2024} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Azione 1.1.1' });
    expect(within(form).getByText('Il ciclo 2024 è pubblicato: obiettivi e indicatori non si modificano più.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Titolo')).toBeDisabled();
    expect(within(form).getByRole('button', { name: "Salva l'obiettivo" })).toBeDisabled();
  });

  it('shows a taken code on its field, without the conflict dialog', async () => {
    const { client } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: action() } };
      if (call.name === 'EditNode') return codeTaken;
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-111" cycleState="draft" year={2021} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Azione 1.1.1' });
    const code = within(form).getByLabelText('Codice');
    await userEvent.clear(code);
    await userEvent.type(code, '1.1.2');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'obiettivo" }));
    await waitFor(() => expect(code).toHaveAccessibleDescription('Questo codice è già usato da un altro obiettivo del ciclo.'));
    expect(code).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.type(code, '0');
    expect(code).not.toHaveAttribute('aria-invalid');
  });

  it('explains a stale version, keeps what was typed and sends it again on the current version', async () => {
    let reads = 0;
    let saves = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') {
        reads += 1;
        // A colleague changed the note meanwhile (version 5).
        return { data: { node: reads === 1 ? action() : action({ note: 'Nota del collega', version: 5 }) } };
      }
      if (call.name === 'EditNode') {
        saves += 1;
        return saves === 1 ? stale : { data: { updateNode: fields(action({ title: 'Progetti avviati', note: 'Nota del collega', version: 6 })) } };
      }
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-111" cycleState="draft" year={2021} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Azione 1.1.1' });
    const title = within(form).getByLabelText('Titolo');
    await userEvent.clear(title);
    await userEvent.type(title, 'Progetti avviati');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'obiettivo" }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Qualcuno ha modificato questi dati');
    expect(within(dialog).getByText('Titolo')).toBeInTheDocument();
    expect(within(dialog).getByText('Progetti avviati')).toBeInTheDocument();
    expect(title).toHaveValue('Progetti avviati');
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    await within(form).findByText("Modifiche all'obiettivo salvate.");
    expect(calls.filter((c) => c.name === 'EditNode').map((c) => c.variables)).toEqual([
      { id: 'n-111', version: 3, title: 'Progetti avviati' },
      { id: 'n-111', version: 5, title: 'Progetti avviati' },
    ]);
    // The colleague's note is kept (not sent back), and the form shows it after the save.
    expect(within(form).getByLabelText('Nota')).toHaveValue('Nota del collega');
    expect(title).toHaveValue('Progetti avviati');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('on "discard" loads the current values into the form', async () => {
    let reads = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') {
        reads += 1;
        return { data: { node: reads === 1 ? action() : action({ title: 'Titolo del collega', version: 5 }) } };
      }
      if (call.name === 'EditNode') return stale;
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-111" cycleState="draft" year={2021} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Azione 1.1.1' });
    const title = within(form).getByLabelText('Titolo');
    await userEvent.clear(title);
    await userEvent.type(title, 'Il mio titolo');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'obiettivo" }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annulla le mie modifiche' }));
    await waitFor(() => expect(title).toHaveValue('Titolo del collega'));
    expect(within(form).getByRole('status')).toHaveTextContent('Nel modulo ora ci sono i dati attuali.');
    expect(calls.filter((c) => c.name === 'EditNode')).toHaveLength(1);
  });
});

describe('moving a node', { timeout: 20_000 }, () => {
  const levels: Level[] = [
    { key: 'prospettiva', name: 'Prospettiva', kind: 'perspective', position: 0 },
    { key: 'strategico', name: 'Obiettivo strategico', kind: 'strategic', position: 1 },
    { key: 'operativo', name: 'Obiettivo operativo', kind: 'operational', position: 2 },
    { key: 'azione', name: 'Azione', kind: 'action', position: 3 },
  ];
  const tree = (id: string, code: string, title: string, parentId: string | null, levelKey: string, position: number, version = 1): TreeNode => ({
    id,
    code,
    title,
    parentId,
    levelKey,
    weight: 50,
    position,
    version,
    perspective: null,
    units: [],
    indicators: [],
  });
  const nodes = [
    tree('p1', 'P1', 'Tessuto economico', null, 'prospettiva', 0),
    tree('s1', '1', 'Competitività', 'p1', 'strategico', 0),
    tree('o11', '1.1', 'Capitale umano', 's1', 'operativo', 0),
    tree('a111', '1.1.1', 'Progetti attivati', 'o11', 'azione', 0, 7),
    tree('a112', '1.1.2', 'Soggetti coinvolti', 'o11', 'azione', 1),
    tree('a113', '1.1.3', 'Eventi', 'o11', 'azione', 2),
    tree('o12', '1.2', 'Vocazioni territoriali', 's1', 'operativo', 1),
    tree('a121', '1.2.1', 'Imprese coinvolte', 'o12', 'azione', 0),
  ];
  const index = indexTree(nodes);

  it('offers the nodes of the level above, never the node itself or its subtree', () => {
    expect(parentCandidates(index, levels, index.byId.get('a112')!).map((n) => n.code)).toEqual(['1.1', '1.2']);
    expect(parentCandidates(index, levels, index.byId.get('o11')!).map((n) => n.code)).toEqual(['1']);
    // Without levels to go by: anything but its own subtree.
    expect(parentCandidates(index, [], index.byId.get('s1')!).map((n) => n.code)).toEqual(['P1']);
  });

  it('moves under another parent and up among the siblings, with the version read', async () => {
    const { client, calls } = scriptedClient((call) => (call.name === 'MoveNode' ? { data: { moveNode: { id: 'a112', parentId: call.variables.parentId, position: 0, version: 2 } } } : undefined));
    await renderWith(<NodeMoveForm node={index.byId.get('a112')!} index={index} levels={levels} cycleState="draft" />, client);
    const form = screen.getByRole('form', { name: "Sposta 1.1.2 nell'albero" });
    expect(within(form).getByText('Posizione tra i fratelli: 2 di 3.')).toBeInTheDocument();
    const under = within(form).getByLabelText('Sposta sotto');
    expect(within(under).getAllByRole('option').map((o) => o.textContent)).toEqual(['1.1 Capitale umano', '1.2 Vocazioni territoriali']);
    await userEvent.click(within(form).getByRole('button', { name: 'Sposta su' }));
    await within(form).findByText('Obiettivo spostato.');
    await userEvent.selectOptions(under, 'o12');
    await userEvent.click(within(form).getByRole('button', { name: 'Sposta' }));
    await waitFor(() => expect(calls.filter((c) => c.name === 'MoveNode')).toHaveLength(2));
    expect(calls.filter((c) => c.name === 'MoveNode').map((c) => c.variables)).toEqual([
      { id: 'a112', version: 1, parentId: 'o11', position: 0 },
      { id: 'a112', version: 1, parentId: 'o12', position: null },
    ]);
  });

  it('keeps the move asked on a stale version and asks it again on the current one', async () => {
    let moves = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'MoveNode') {
        moves += 1;
        return moves === 1 ? stale : { data: { moveNode: { id: 'a111', parentId: 'o11', position: 1, version: 9 } } };
      }
      if (call.name === 'NodeForEdit') return { data: { node: action({ id: 'a111', parentId: 'o11', version: 8 }) } };
      return undefined;
    });
    await renderWith(<NodeMoveForm node={index.byId.get('a111')!} index={index} levels={levels} cycleState="draft" />, client);
    const form = screen.getByRole('form', { name: "Sposta 1.1.1 nell'albero" });
    expect(within(form).getByRole('button', { name: 'Sposta su' })).toBeDisabled();
    await userEvent.click(within(form).getByRole('button', { name: 'Sposta giù' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('1.1 Capitale umano');
    expect(dialog).toHaveTextContent('Posizione tra i fratelli2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    await within(form).findByText('Obiettivo spostato.');
    expect(calls.filter((c) => c.name === 'MoveNode').map((c) => c.variables)).toEqual([
      { id: 'a111', version: 7, parentId: 'o11', position: 1 },
      { id: 'a111', version: 8, parentId: 'o11', position: 1 },
    ]);
  });

  it('only in a draft plan', async () => {
    const { client } = scriptedClient(() => undefined);
    await renderWith(<NodeMoveForm node={index.byId.get('a112')!} index={index} levels={levels} cycleState="monitoring" />, client);
    const form = screen.getByRole('form', { name: "Sposta 1.1.2 nell'albero" });
    expect(within(form).getByLabelText('Sposta sotto')).toBeDisabled();
    expect(within(form).getByLabelText('Sposta sotto')).toHaveAccessibleDescription(expect.stringContaining("L'albero si riorganizza solo mentre il piano è in bozza."));
    for (const name of ['Sposta', 'Sposta su', 'Sposta giù']) expect(within(form).getByRole('button', { name })).toBeDisabled();
  });
});

describe('deleting a node', { timeout: 20_000 }, () => {
  const operational = (over: Partial<EditableNode> = {}): EditableNode =>
    action({ id: 'n-12', parentId: 'n-1', code: '1.2', title: 'Vocazioni territoriali', weight: 15, level: { key: 'operativo', name: 'Obiettivo operativo', kind: 'operational', position: 2 }, ...over });
  // 1.2 has 1.2.1 (2 indicators), 1.2.2 (1) and 1.2.2.1 (2) under it: 3 objectives and 5 indicators; 1.1 is a sibling.
  const shape = {
    cycle: {
      id: 'c-2021',
      nodes: [
        { id: 'n-1', parentId: null, indicators: [] },
        { id: 'n-11', parentId: 'n-1', indicators: [{ id: 'i-11' }] },
        { id: 'n-12', parentId: 'n-1', indicators: [] },
        { id: 'n-121', parentId: 'n-12', indicators: [{ id: 'i-1' }, { id: 'i-2' }] },
        { id: 'n-122', parentId: 'n-12', indicators: [{ id: 'i-3' }] },
        { id: 'n-1221', parentId: 'n-122', indicators: [{ id: 'i-4' }, { id: 'i-5' }] },
      ],
    },
  };
  const deleted = {
    deleteNode: {
      id: 'n-12',
      nodeIds: ['n-12', 'n-121', 'n-122', 'n-1221'],
      indicatorIds: ['i-1', 'i-2', 'i-3', 'i-4', 'i-5'],
      targetIds: ['t-1'],
      parent: { id: 'n-1', code: '1' },
      weightIssues: [{ parentId: 'n-1', of: 'children', sum: 85, codes: ['1.1', '1.3'] }],
    },
  };
  const refusal = (extensions: Record<string, unknown>) => ({ error: new CombinedError({ graphQLErrors: [{ message: 'node 1.2 cannot be deleted', extensions: { code: 'BAD_USER_INPUT', measurements: [], overrides: [], continuedBy: [], ...extensions } }] }) });

  it('is offered only in a draft plan, and only to those who may delete', async () => {
    const { client } = scriptedClient((call) => (call.name === 'NodeForEdit' ? { data: { node: operational() } } : undefined));
    const view = await renderWith(<NodeEditForm nodeId="n-12" cycleState="draft" year={2021} />, client);
    await screen.findByRole('form', { name: 'Modifica Obiettivo operativo 1.2' });
    expect(screen.queryByRole('button', { name: "Elimina l'obiettivo" })).not.toBeInTheDocument();
    view.unmount();
    await renderWith(<NodeEditForm nodeId="n-12" cycleState="approved" year={2021} onDeleted={() => undefined} />, client);
    await screen.findByRole('form', { name: 'Modifica Obiettivo operativo 1.2' });
    expect(screen.queryByRole('button', { name: "Elimina l'obiettivo" })).not.toBeInTheDocument();
  });

  it('says exactly what goes, starts on "Annulla", cancels with Escape and deletes on confirmation with the version read', async () => {
    const onDeleted = vi.fn();
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: operational() } };
      if (call.name === 'PlanShape') return { data: shape };
      if (call.name === 'DeleteNode') return { data: deleted };
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-12" cycleState="draft" year={2021} onDeleted={onDeleted} />, client);
    const form = await screen.findByRole('form', { name: 'Modifica Obiettivo operativo 1.2' });
    const button = within(form).getByRole('button', { name: "Elimina l'obiettivo" });
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: "Eliminare l'obiettivo 1.2?" });
    expect(dialog).toHaveTextContent("Elimina l'obiettivo 1.2 «Vocazioni territoriali» con 3 obiettivi e 5 indicatori sotto di esso.");
    expect(dialog).toHaveTextContent('Con loro vanno i target degli indicatori e le assegnazioni a strutture e persone.');
    expect(dialog).toHaveTextContent("L'eliminazione non si può annullare; ne resta traccia nel registro delle modifiche.");
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Annulla' })).toHaveFocus());
    expect(calls.filter((c) => c.name === 'PlanShape').map((c) => c.variables)).toEqual([{ cycleId: 'c-2021' }]);

    // reactstrap's Modal reads the legacy keyCode, which user-event leaves at 0: the key as a browser sends it.
    fireEvent.keyUp(document.activeElement!, { key: 'Escape', code: 'Escape', keyCode: 27 });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();
    expect(calls.filter((c) => c.name === 'DeleteNode')).toHaveLength(0);

    await userEvent.click(button);
    const again = await screen.findByRole('dialog', { name: "Eliminare l'obiettivo 1.2?" });
    await userEvent.click(within(again).getByRole('button', { name: 'Elimina definitivamente' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c.name === 'DeleteNode').map((c) => c.variables)).toEqual([{ id: 'n-12', version: 3, expectedNodes: 3, expectedIndicators: 5 }]);
    expect(onDeleted).toHaveBeenCalledWith(
      deleted.deleteNode,
      "Obiettivo 1.2 eliminato con 3 obiettivi e 5 indicatori sotto di esso. I pesi rimasti (1.1, 1.3) ora sommano a 85: correggili prima dell'approvazione.",
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('says so when nothing is under the node', async () => {
    const { client } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: action({ id: 'n-11', code: '1.1.1' }) } };
      if (call.name === 'PlanShape') return { data: { cycle: { id: 'c-2021', nodes: [{ id: 'n-11', parentId: null, indicators: [] }] } } };
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-11" cycleState="draft" year={2021} onDeleted={() => undefined} />, client);
    await userEvent.click(await screen.findByRole('button', { name: "Elimina l'obiettivo" }));
    const dialog = await screen.findByRole('dialog', { name: "Eliminare l'obiettivo 1.1.1?" });
    expect(dialog).toHaveTextContent("Elimina l'obiettivo 1.1.1 «Progetti attivati», che non ha obiettivi né indicatori sotto di esso.");
    expect(dialog).not.toHaveTextContent('Con loro vanno');
  });

  it('shows a refusal in plain Italian with what refuses it, and offers nothing more to confirm', async () => {
    const onDeleted = vi.fn();
    const { client } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: operational() } };
      if (call.name === 'PlanShape') return { data: shape };
      if (call.name === 'DeleteNode') {
        return refusal({
          reason: 'HAS_MEASUREMENTS',
          measurements: [{ nodeCode: '1.2.1', indicator: 'Progetti attivati', periodDate: '2021-06-30', status: 'submitted' }],
          overrides: [{ nodeCode: '1.2.2', indicator: null, revoked: false }],
        });
      }
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-12" cycleState="draft" year={2021} onDeleted={onDeleted} />, client);
    await userEvent.click(await screen.findByRole('button', { name: "Elimina l'obiettivo" }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Elimina definitivamente' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Non si può eliminare: sono già stati registrati valori per uno o più indicatori che verrebbero eliminati, e i dati rilevati non si cancellano.');
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Progetti attivati (obiettivo 1.2.1): valore del 30/06/2021',
      "Obiettivo 1.2.2: punteggio modificato dall'OIV",
    ]);
    expect(within(dialog).queryByRole('button', { name: 'Elimina definitivamente' })).not.toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Chiudi' })).toHaveFocus());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Chiudi' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it('names the next year\'s objectives that continue it', async () => {
    const { client } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: operational() } };
      if (call.name === 'PlanShape') return { data: shape };
      if (call.name === 'DeleteNode') return refusal({ reason: 'CONTINUED_IN_NEXT_CYCLE', continuedBy: [{ year: 2022, code: '1.2', continues: '1.2' }] });
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-12" cycleState="draft" year={2021} onDeleted={() => undefined} />, client);
    await userEvent.click(await screen.findByRole('button', { name: "Elimina l'obiettivo" }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Elimina definitivamente' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "Non si può eliminare: un obiettivo del piano dell'anno successivo prosegue questo (o uno sotto di esso). Elimina prima l'obiettivo collegato nel piano successivo.",
    );
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('1.2 del piano 2022, che prosegue 1.2');
  });

  it('on a stale version opens the conflict dialog and deletes on the current version when nothing under it changed', async () => {
    const onDeleted = vi.fn();
    let reads = 0;
    let deletes = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') {
        reads += 1;
        return { data: { node: reads === 1 ? operational() : operational({ note: 'Nota del collega', version: 5 }) } };
      }
      if (call.name === 'PlanShape') return { data: shape };
      if (call.name === 'DeleteNode') {
        deletes += 1;
        return deletes === 1 ? stale : { data: deleted };
      }
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-12" cycleState="draft" year={2021} onDeleted={onDeleted} />, client);
    await userEvent.click(await screen.findByRole('button', { name: "Elimina l'obiettivo" }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Elimina definitivamente' }));
    const conflict = await screen.findByRole('dialog', { name: 'Qualcuno ha modificato questi dati' });
    expect(conflict).toHaveTextContent("Eliminazione richiestaElimina l'obiettivo 1.2 «Vocazioni territoriali» con 3 obiettivi e 5 indicatori sotto di esso.");
    await userEvent.click(within(conflict).getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c.name === 'DeleteNode').map((c) => c.variables)).toEqual([
      { id: 'n-12', version: 3, expectedNodes: 3, expectedIndicators: 5 },
      { id: 'n-12', version: 5, expectedNodes: 3, expectedIndicators: 5 },
    ]);
  });

  it('asks again when what would go changed meanwhile', async () => {
    let shapes = 0;
    let deletes = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: operational({ version: calls.some((c) => c.name === 'DeleteNode') ? 6 : 3 }) } };
      if (call.name === 'PlanShape') {
        shapes += 1;
        // A colleague added an indicator under 1.2.2 meanwhile.
        return { data: shapes === 1 ? shape : { cycle: { ...shape.cycle, nodes: [...shape.cycle.nodes, { id: 'n-1222', parentId: 'n-122', indicators: [{ id: 'i-6' }] }] } } };
      }
      if (call.name === 'DeleteNode') {
        deletes += 1;
        return deletes === 1 ? stale : { data: deleted };
      }
      return undefined;
    });
    await renderWith(<NodeEditForm nodeId="n-12" cycleState="draft" year={2021} onDeleted={() => undefined} />, client);
    await userEvent.click(await screen.findByRole('button', { name: "Elimina l'obiettivo" }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Elimina definitivamente' }));
    const conflict = await screen.findByRole('dialog', { name: 'Qualcuno ha modificato questi dati' });
    await userEvent.click(within(conflict).getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    const confirm = await screen.findByRole('dialog', { name: "Eliminare l'obiettivo 1.2?" });
    expect(confirm).toHaveTextContent("Elimina l'obiettivo 1.2 «Vocazioni territoriali» con 4 obiettivi e 6 indicatori sotto di esso.");
    expect(calls.filter((c) => c.name === 'DeleteNode')).toHaveLength(1);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Elimina definitivamente' }));
    await waitFor(() => expect(calls.filter((c) => c.name === 'DeleteNode').map((c) => c.variables)).toEqual([
      { id: 'n-12', version: 3, expectedNodes: 3, expectedIndicators: 5 },
      { id: 'n-12', version: 6, expectedNodes: 4, expectedIndicators: 6 },
    ]));
  });
});

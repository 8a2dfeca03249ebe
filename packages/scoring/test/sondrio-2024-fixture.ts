// The Sondrio 2024 tree (seed 001, Allegato A) built by hand, independent of the demo data file, for
// the worked example of docs/domain.md. Actions that scored 100 are reduced to one or a few met actions
// with the published weights where the weights matter.
import type { NodeInput } from '../src/types.js';
import { action, node } from './factories.js';

const met = (code: string, weight: number, so?: string) => action(code, weight, 100, 100, so ? { systemObjective: so } : {});
const strategic = (code: string, children: NodeInput[], target = 80) =>
  node(code, 'strategico', 100, children, { achievementTarget: { operator: '>=', value: target } });

const oiv = (reason: string) => ({ score: 60, reason, by: 'oiv' });

export function sondrio2024Tree(): NodeInput[] {
  return [
    node('P1', 'prospettiva', 100, [
      strategic('1', [
        node('1.1', 'operativo', 20, [
          action('1.1.1', 25, 3.47, 3.5, { systemObjective: '1.1.1', tolerance: { absolute: 0.05, reason: 'published 100 for 3.47 against 3.50' } }),
          met('1.1.2', 25),
          met('1.1.3', 25),
          met('1.1.4', 15),
          met('1.1.5', 10),
        ]),
        node('1.2', 'operativo', 30, [met('1.2.1A', 20, '1.2.1A'), met('1.2.1B', 20, '1.2.1B'), met('1.2.2', 20, '1.2.2'), met('1.2.3', 20, '1.2.3'), met('1.2.4', 20, '1.2.4')]),
        node('1.3', 'operativo', 10, [
          action('1.3.1', 80, 211, 220),
          action('1.3.2', 20, 27.21, 40, { target: { operator: '>=', value: 40, threshold60: 30 }, override: oiv('parere OIV: raggiunto al 60%') }),
        ]),
        node('1.4', 'operativo', 40, [met('1.4.1', 100)]),
      ]),
      strategic('2', [
        node('2.1', 'operativo', 50, [
          met('2.1.1', 25, '2.1.1'),
          action('2.1.2', 10, 0, 75, {
            systemObjective: '2.1.2',
            formula: 'risolti / proposti * 100',
            inputs: { risolti: 3, proposti: 8 },
            override: oiv('parere OIV: raggiunto al 60%'),
          }),
          met('2.1.3', 25, '2.1.3'),
          met('2.1.4', 40, '2.1.4'),
        ]),
        node('2.2', 'operativo', 50, [met('2.2.1', 20, '2.2.1'), met('2.2.2', 25, '2.2.2'), met('2.2.3', 25, '2.2.3'), met('2.2.4', 30, '2.2.4')]),
      ]),
    ]),
    node('P2', 'prospettiva', 100, [
      strategic('3', [
        node('3.1', 'operativo', 20, [action('3.1.1', 100, -21.43, -12, { direction: 'lower-is-better', systemObjective: '3.1.1' })]),
        node('3.2', 'operativo', 20, [
          action('3.2.1', 40, 1.9, 3.5, { direction: 'lower-is-better', systemObjective: '3.2.1' }),
          action('3.2.2', 25, 21.1, 24, { direction: 'lower-is-better' }),
          met('3.2.3', 10),
          met('3.2.4', 25, '3.2.4'),
        ]),
        node('3.3', 'operativo', 20, [
          action('3.3.1', 40, 28.95, 27, { direction: 'lower-is-better', systemObjective: '3.3.1' }),
          action('3.3.2', 30, 3.4, 7, { direction: 'lower-is-better' }),
          action('3.3.3', 15, 20, 50, { direction: 'lower-is-better' }),
          action('3.3.4', 15, 61.93, 150, { direction: 'lower-is-better' }),
        ]),
        node('3.4', 'operativo', 40, [
          met('3.4.1', 20),
          met('3.4.2', 25),
          met('3.4.3', 15),
          met('3.4.4', 20),
          action('3.4.5', 10, 22.46, 23),
          met('3.4.6', 10),
        ]),
      ]),
      strategic('4', [node('4.1', 'operativo', 60, [met('4.1.1', 100, '4.1.1')]), node('4.2', 'operativo', 40, [met('4.2.1', 50, '4.2.1'), met('4.2.2', 50, '4.2.2')])]),
      strategic('5', [
        node('5.1', 'operativo', 100, [
          action('5.1.1', 60, 0.8, 1),
          met('5.1.2', 20),
          action('5.1.3', 20, null, 75, { override: { score: 100, reason: 'published 100, value unreadable', by: 'chamber-admin' } }),
        ]),
      ]),
    ]),
    node('P3', 'prospettiva', 100, [strategic('6', [node('6.1', 'operativo', 100, [met('6.1.1', 40), met('6.1.1.a', 20), met('6.1.1.b', 20), met('6.1.2', 20)])])]),
    node('P4', 'prospettiva', 100, [
      strategic('7', [node('7.1', 'operativo', 100, [met('7.1.1', 20, '7.1.1'), met('7.1.2', 15), met('7.1.3', 30, '7.1.3'), met('7.1.4', 30, '7.1.4'), met('7.1.5', 5)])], 100),
      strategic('8', [node('8.1', 'operativo', 100, [met('8.1.1', 25), met('8.1.2', 50), met('8.1.3', 25)])], 100),
      strategic('9', [node('9.1', 'operativo', 100, [met('9.1.1', 100, '9.1.1')])], 100),
    ]),
  ];
}

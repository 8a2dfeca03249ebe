import { createHash, randomUUID } from 'node:crypto';
import type { PlanFile, PlanIndicator, PlanNode, PlanTarget } from '@albero/plan-format';
import type { Database } from './client.js';
import { Prisma } from './generated/prisma/client.js';
import { setScope, withUnitOfWork, type Tx } from './unit-of-work.js';

/** A plan could not be loaded; names the file and what is wrong. Nothing of the file was written. */
export class PlanLoadError extends Error {
  override readonly name = 'PlanLoadError';
  constructor(
    readonly file: string,
    readonly path: string,
    message: string,
  ) {
    super(`${file} ${path || '(root)'}: ${message}`);
  }
}

export type LoadResult = {
  file: string;
  chamberCode: string;
  year: number;
  status: 'created' | 'replaced' | 'unchanged';
  counts: { nodes: number; indicators: number; targets: number; measurements: number; overrides: number; people: number; units: number };
};

const OPERATORS = { '>=': 'gte', '>': 'gt', '<=': 'lte', '<': 'lt', '=': 'eq' } as const;

type TypedValue = { number: Prisma.Decimal | null; date: Date | null; boolean: boolean | null };

function typedValue(value: number | string | boolean | null | undefined): TypedValue {
  if (typeof value === 'number') return { number: new Prisma.Decimal(value), date: null, boolean: null };
  if (typeof value === 'string') return { number: null, date: new Date(`${value}T00:00:00Z`), boolean: null };
  if (typeof value === 'boolean') return { number: null, date: null, boolean: value };
  return { number: null, date: null, boolean: null };
}

const dec = (n: number | undefined) => (n === undefined ? null : new Prisma.Decimal(n));

/** sha256 of a plan file's text: loading the same text again is a no-op. */
export function planChecksum(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/**
 * Loads one plan file into the database in one unit of work: the chamber (created by the platform if new),
 * its units, people, variables, and the cycle with its tree, indicators, targets, measurements and overrides.
 * Idempotent: the same file text is a no-op; a changed file for an existing cycle is refused unless
 * `replace` is set, in which case the cycle is rebuilt. Any error rolls everything back.
 */
export async function loadPlan(
  db: Pick<Database, 'prisma'>,
  plan: PlanFile,
  options: { file: string; checksum: string; replace?: boolean },
): Promise<LoadResult> {
  const { file } = options;
  const counts = { nodes: 0, indicators: 0, targets: 0, measurements: 0, overrides: 0, people: plan.people.length, units: plan.units.length };
  return withUnitOfWork(
    db,
    { chamberId: null, actor: { kind: 'platform', subject: 'loader' } },
    async (tx) => {
      // 1. As the platform operator: the chamber and the system objectives the plan adopts.
      let chamber = await tx.chamber.findUnique({ where: { code: plan.chamber.code } });
      if (!chamber) {
        chamber = await tx.chamber.create({
          data: {
            code: plan.chamber.code,
            name: plan.chamber.name,
            region: plan.chamber.region ?? null,
            seats: plan.chamber.seats,
            synthetic: plan.chamber.synthetic,
            subscriptionStatus: 'active',
            subscribedAt: new Date(),
          },
        });
      }
      const systemObjectiveIds = await ensureSystemObjectives(tx, plan);

      // 2. As the system, inside the chamber: everything else is subject to the chamber's row-level security.
      await setScope(tx, { chamberId: chamber.id, actor: { kind: 'system', subject: 'loader' } });
      const chamberId = chamber.id;

      const existing = await tx.cycle.findUnique({ where: { chamberId_year: { chamberId, year: plan.cycle.year } } });
      let status: LoadResult['status'] = 'created';
      if (existing) {
        if (existing.sourceChecksum === options.checksum) {
          return { file, chamberCode: plan.chamber.code, year: plan.cycle.year, status: 'unchanged', counts };
        }
        if (!options.replace) {
          throw new PlanLoadError(
            file,
            'cycle.year',
            `cycle ${plan.cycle.year} of ${plan.chamber.code} already exists with different content; load with --replace to rebuild it (its measurements and overrides are replaced by the file's)`,
          );
        }
        await tx.cycle.updateMany({ where: { chamberId, previousCycleId: existing.id }, data: { previousCycleId: null } });
        await tx.cycle.delete({ where: { chamberId_id: { chamberId, id: existing.id } } });
        status = 'replaced';
      }

      for (const figure of plan.chamber.activeFirms) {
        await tx.chamberFigure.upsert({
          where: { chamberId_year: { chamberId, year: figure.year } },
          create: { chamberId, year: figure.year, activeFirms: figure.value, source: file },
          update: { activeFirms: figure.value, source: file },
        });
      }

      const unitIds = await upsertUnits(tx, chamberId, plan);
      const personIds = await upsertPeople(tx, chamberId, plan, unitIds);
      await upsertVariables(tx, chamberId, plan);

      // The cycle and its structure.
      const previous = await tx.cycle.findFirst({
        where: { chamberId, year: { lt: plan.cycle.year } },
        orderBy: { year: 'desc' },
      });
      const cycleId = randomUUID();
      await tx.cycle.create({
        data: {
          chamberId,
          id: cycleId,
          year: plan.cycle.year,
          horizonStart: plan.cycle.horizon[0],
          horizonEnd: plan.cycle.horizon[1],
          state: plan.cycle.state,
          resolutionNumber: plan.cycle.resolution?.number ?? null,
          resolutionDate: plan.cycle.resolution ? new Date(`${plan.cycle.resolution.date}T00:00:00Z`) : null,
          resolutionBody: plan.cycle.resolution?.body ?? null,
          previousCycleId: previous?.id ?? null,
          smvp: plan.smvp,
          document: plan.cycle.document ?? null,
          sourceChecksum: options.checksum,
          notes: plan.notes,
        },
      });
      // A later cycle loaded before this one now follows it.
      const next = await tx.cycle.findFirst({ where: { chamberId, year: { gt: plan.cycle.year } }, orderBy: { year: 'asc' } });
      if (next && (next.previousCycleId === null || next.previousCycleId === previous?.id)) {
        await tx.cycle.update({ where: { chamberId_id: { chamberId, id: next.id } }, data: { previousCycleId: cycleId } });
      }

      await tx.cycleLevel.createMany({
        data: plan.levels.map((level, position) => ({
          chamberId,
          cycleId,
          key: level.key,
          position,
          name: level.name,
          kind: level.kind,
          aggregation: level.aggregation === 'simple-mean' ? 'simple_mean' : 'weighted_mean',
        })),
      });
      const perspectiveIds = new Map(plan.perspectives.map((p) => [p.key, randomUUID()] as const));
      if (plan.perspectives.length > 0) {
        await tx.perspective.createMany({
          data: plan.perspectives.map((p, position) => ({ chamberId, id: perspectiveIds.get(p.key)!, cycleId, key: p.key, name: p.name, position })),
        });
      }
      const closed = plan.cycle.state === 'closed' || plan.cycle.state === 'published';
      const periodDates = new Set(plan.cycle.periods);
      const collectPeriods = (node: PlanNode) => {
        for (const ind of node.indicators) for (const m of ind.measurements) periodDates.add(m.period);
        node.children.forEach(collectPeriods);
      };
      plan.tree.forEach(collectPeriods);
      plan.individualObjectives.forEach((io) => io.objectives.forEach(collectPeriods));
      const periodIds = new Map([...periodDates].sort().map((d) => [d, randomUUID()] as const));
      if (periodIds.size > 0) {
        await tx.monitoringPeriod.createMany({
          data: [...periodIds].map(([date, id]) => ({
            chamberId,
            id,
            cycleId,
            periodDate: new Date(`${date}T00:00:00Z`),
            state: closed ? 'closed' : 'planned',
          })),
        });
      }

      // Nodes of the previous cycle, for the links between the same objectives.
      const previousNodes = previous
        ? new Map(
            (await tx.planNode.findMany({ where: { chamberId, cycleId: previous.id }, select: { id: true, code: true } })).map((n) => [n.code, n.id] as const),
          )
        : new Map<string, string>();

      const rows = {
        nodes: [] as Prisma.PlanNodeCreateManyInput[],
        nodeUnits: [] as Prisma.PlanNodeUnitCreateManyInput[],
        nodePeople: [] as Prisma.PlanNodePersonCreateManyInput[],
        indicators: [] as Prisma.IndicatorCreateManyInput[],
        targets: [] as Prisma.TargetCreateManyInput[],
        revisions: [] as Prisma.PlanRevisionCreateManyInput[],
        measurements: [] as Prisma.MeasurementCreateManyInput[],
        overrides: [] as Prisma.ScoreOverrideCreateManyInput[],
      };
      const revisionIds = new Map<string, string>();
      const individualLevel = plan.levels.find((l) => l.kind === 'individual');

      const addTarget = (indicatorId: string, target: PlanTarget) => {
        const value = typedValue(target.value);
        const t80 = typedValue(target.threshold80);
        const t60 = typedValue(target.threshold60);
        const base = {
          chamberId,
          indicatorId,
          year: target.year,
          operator: OPERATORS[target.operator],
          relativeToBaseline: target.relativeToBaseline,
          label: target.label ?? null,
        };
        rows.targets.push({
          ...base,
          id: randomUUID(),
          valueNumber: value.number,
          valueDate: value.date,
          valueBoolean: value.boolean,
          threshold80Number: t80.number,
          threshold80Date: t80.date,
          threshold60Number: t60.number,
          threshold60Date: t60.date,
        });
        if (target.revised) {
          const key = `${target.revised.date}\u0000${target.revised.reason}`;
          let revisionId = revisionIds.get(key);
          if (!revisionId) {
            revisionId = randomUUID();
            revisionIds.set(key, revisionId);
            rows.revisions.push({
              chamberId,
              id: revisionId,
              cycleId,
              revisedOn: new Date(`${target.revised.date}T00:00:00Z`),
              reason: target.revised.reason,
            });
          }
          const rv = typedValue(target.revised.value);
          const r80 = typedValue(target.revised.threshold80);
          const r60 = typedValue(target.revised.threshold60);
          rows.targets.push({
            ...base,
            id: randomUUID(),
            revisionId,
            valueNumber: rv.number,
            valueDate: rv.date,
            valueBoolean: rv.boolean,
            threshold80Number: r80.number,
            threshold80Date: r80.date,
            threshold60Number: r60.number,
            threshold60Date: r60.date,
          });
        }
      };

      const addIndicator = (nodeId: string, indicator: PlanIndicator, position: number) => {
        const id = randomUUID();
        const baseline = typedValue(indicator.baseline?.value);
        rows.indicators.push({
          chamberId,
          id,
          cycleId,
          nodeId,
          code: indicator.code ?? null,
          name: indicator.name,
          algorithm: indicator.algorithm ?? null,
          formula: indicator.formula ?? null,
          rollupChildren: indicator.rollup === 'children',
          unit: indicator.unit ?? null,
          valueType: indicator.valueType,
          typology: indicator.typology ?? null,
          direction: indicator.direction === 'lower-is-better' ? 'lower_is_better' : 'higher_is_better',
          scoringMethod: indicator.scoring?.method ?? null,
          scoringBands: (indicator.scoring?.bands) ?? Prisma.DbNull,
          toleranceAbsolute: dec(indicator.scoring?.tolerance?.absolute),
          toleranceRelative: dec(indicator.scoring?.tolerance?.relative),
          toleranceReason: indicator.scoring?.tolerance?.reason ?? null,
          weight: new Prisma.Decimal(indicator.weight),
          position,
          dataSource: indicator.dataSource ?? null,
          frequency: indicator.frequency ?? null,
          responsible: indicator.responsible ?? null,
          systemObjectiveId: indicator.systemObjective ? (systemObjectiveIds.get(indicator.systemObjective) ?? null) : null,
          baselineNumber: baseline.number,
          baselineDate: baseline.date,
          baselineBoolean: baseline.boolean,
          baselineYear: indicator.baseline?.year ?? null,
          baselineLabel: indicator.baseline?.label ?? null,
          publishedScore: dec(indicator.published?.score),
          note: indicator.note ?? null,
        });
        indicator.targets.forEach((t) => addTarget(id, t));
        for (const m of indicator.measurements) {
          const value = typedValue(m.value);
          rows.measurements.push({
            chamberId,
            id: randomUUID(),
            indicatorId: id,
            periodId: periodIds.get(m.period)!,
            valueNumber: value.number,
            valueDate: value.date,
            valueBoolean: value.boolean,
            inputs: (m.inputs) ?? Prisma.DbNull,
            label: m.label ?? null,
            note: m.note ?? null,
            evidence: m.evidence ?? null,
            status: m.status,
            enteredBy: 'loader',
            enteredAt: new Date(),
            ...(m.status === 'approved' ? { reviewedBy: 'loader', reviewedAt: new Date(), submittedBy: 'loader', submittedAt: new Date() } : {}),
            ...(m.status === 'rejected' ? { rejectionReason: m.note ?? 'respinto (importazione)' } : {}),
          });
        }
        if (indicator.override) {
          rows.overrides.push({
            chamberId,
            id: randomUUID(),
            cycleId,
            indicatorId: id,
            score: new Prisma.Decimal(indicator.override.score),
            reason: indicator.override.reason,
            by: indicator.override.by === 'chamber-admin' ? 'chamber_admin' : 'oiv',
            setBy: 'loader',
            ...(indicator.override.date ? { setAt: new Date(`${indicator.override.date}T00:00:00Z`) } : {}),
          });
        }
      };

      const addNode = (
        node: PlanNode,
        parentId: string | null,
        depth: number,
        position: number,
        path: string,
        owner?: string,
        inheritedPerspective: string | null = null,
      ) => {
        const id = randomUUID();
        const levelKey = node.level ?? (owner !== undefined ? individualLevel?.key : plan.levels[depth]?.key);
        if (levelKey === undefined) {
          throw new PlanLoadError(file, `${path}.level`, owner !== undefined ? 'an individual objective needs a level of kind "individual"' : 'no level defined at this depth');
        }
        const level = plan.levels.find((l) => l.key === levelKey);
        // A node's perspective: its own, or (for a perspective-level node) the perspective of the same key, or its parent's.
        const perspectiveId = node.perspective
          ? perspectiveIds.get(node.perspective)!
          : level?.kind === 'perspective'
            ? (perspectiveIds.get(node.code) ?? inheritedPerspective)
            : inheritedPerspective;
        rows.nodes.push({
          chamberId,
          id,
          cycleId,
          parentId,
          levelKey,
          code: node.code,
          title: node.title,
          description: node.description ?? null,
          weight: new Prisma.Decimal(node.weight),
          position,
          perspectiveId,
          previousNodeId: node.previousCode ? (previousNodes.get(node.previousCode) ?? null) : null,
          systemObjectiveId: node.systemObjective ? (systemObjectiveIds.get(node.systemObjective) ?? null) : null,
          achievementOperator: node.achievementTarget ? OPERATORS[node.achievementTarget.operator] : null,
          achievementValue: node.achievementTarget && typeof node.achievementTarget.value === 'number' ? new Prisma.Decimal(node.achievementTarget.value) : null,
          publishedScore: dec(node.published?.score),
          publishedAchievement: dec(node.published?.achievement),
          note: node.note ?? null,
        });
        counts.nodes++;
        for (const unit of node.units) rows.nodeUnits.push({ chamberId, nodeId: id, unitId: unitIds.get(unit)! });
        const people = new Set(node.people);
        if (owner !== undefined) rows.nodePeople.push({ chamberId, nodeId: id, personId: personIds.get(owner)!, role: 'owner' });
        for (const person of people) {
          if (person !== owner) rows.nodePeople.push({ chamberId, nodeId: id, personId: personIds.get(person)!, role: 'contributor' });
        }
        node.indicators.forEach((ind, i) => addIndicator(id, ind, i));
        if (node.override) {
          rows.overrides.push({
            chamberId,
            id: randomUUID(),
            cycleId,
            nodeId: id,
            score: new Prisma.Decimal(node.override.score),
            reason: node.override.reason,
            by: node.override.by === 'chamber-admin' ? 'chamber_admin' : 'oiv',
            setBy: 'loader',
          });
        }
        node.children.forEach((child, i) => addNode(child, id, depth + 1, i, `${path}.children[${i}]`, owner, perspectiveId));
      };
      plan.tree.forEach((node, i) => addNode(node, null, 0, i, `tree[${i}]`));
      plan.individualObjectives.forEach((io, i) =>
        io.objectives.forEach((node, j) => addNode(node, null, 0, plan.tree.length + j, `individualObjectives[${i}].objectives[${j}]`, io.person)),
      );

      // Parents precede children in rows.nodes, and foreign keys are checked per statement.
      await tx.planNode.createMany({ data: rows.nodes });
      if (rows.nodeUnits.length) await tx.planNodeUnit.createMany({ data: rows.nodeUnits });
      if (rows.nodePeople.length) await tx.planNodePerson.createMany({ data: rows.nodePeople });
      if (rows.indicators.length) await tx.indicator.createMany({ data: rows.indicators });
      if (rows.revisions.length) await tx.planRevision.createMany({ data: rows.revisions });
      if (rows.targets.length) await tx.target.createMany({ data: rows.targets });
      if (rows.measurements.length) await tx.measurement.createMany({ data: rows.measurements });
      if (rows.overrides.length) await tx.scoreOverride.createMany({ data: rows.overrides });
      counts.indicators = rows.indicators.length;
      counts.targets = rows.targets.length;
      counts.measurements = rows.measurements.length;
      counts.overrides = rows.overrides.length;
      return { file, chamberCode: plan.chamber.code, year: plan.cycle.year, status, counts };
    },
    { timeoutMs: 120_000 },
  );
}

async function ensureSystemObjectives(tx: Tx, plan: PlanFile): Promise<Map<string, string>> {
  // The catalogue belongs to Unioncamere; a plan that adopts an objective not yet in the catalogue for its
  // year records it there with the chamber's own wording, so that the link is never lost.
  const adopted = new Map<string, string>();
  const visit = (node: PlanNode) => {
    if (node.systemObjective && !adopted.has(node.systemObjective)) adopted.set(node.systemObjective, node.title);
    for (const ind of node.indicators) if (ind.systemObjective && !adopted.has(ind.systemObjective)) adopted.set(ind.systemObjective, ind.name);
    node.children.forEach(visit);
  };
  plan.tree.forEach(visit);
  const ids = new Map<string, string>();
  for (const [code, title] of adopted) {
    const row = await tx.systemObjective.upsert({
      where: { year_code: { year: plan.cycle.year, code } },
      create: { year: plan.cycle.year, code, title },
      update: {},
    });
    ids.set(code, row.id);
  }
  return ids;
}

async function upsertUnits(tx: Tx, chamberId: string, plan: PlanFile): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const unit of plan.units) {
    const row = await tx.orgUnit.upsert({
      where: { chamberId_code: { chamberId, code: unit.code } },
      create: { chamberId, code: unit.code, name: unit.name, kind: unit.kind === 'azienda-speciale' ? 'azienda_speciale' : unit.kind },
      update: { name: unit.name, kind: unit.kind === 'azienda-speciale' ? 'azienda_speciale' : unit.kind },
    });
    ids.set(unit.code, row.id);
  }
  for (const unit of plan.units) {
    await tx.orgUnit.update({
      where: { chamberId_id: { chamberId, id: ids.get(unit.code)! } },
      data: { parentId: unit.parent ? ids.get(unit.parent)! : null },
    });
  }
  return ids;
}

async function upsertPeople(tx: Tx, chamberId: string, plan: PlanFile, unitIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of plan.people) {
    const row = await tx.person.upsert({
      where: { chamberId_username: { chamberId, username: person.username } },
      create: { chamberId, username: person.username, displayName: person.name, position: person.position ?? null },
      update: { displayName: person.name, position: person.position ?? null },
    });
    ids.set(person.username, row.id);
    for (const unit of person.units) {
      const unitId = unitIds.get(unit)!;
      await tx.personUnit.upsert({
        where: { chamberId_personId_unitId: { chamberId, personId: row.id, unitId } },
        create: { chamberId, personId: row.id, unitId },
        update: {},
      });
    }
  }
  return ids;
}

async function upsertVariables(tx: Tx, chamberId: string, plan: PlanFile): Promise<void> {
  for (const variable of plan.variables) {
    const row = await tx.variable.upsert({
      where: { chamberId_key: { chamberId, key: variable.key } },
      create: { chamberId, key: variable.key, name: variable.name, unit: variable.unit ?? null },
      update: { name: variable.name, unit: variable.unit ?? null },
    });
    for (const v of variable.values) {
      const period = new Date(`${v.period}T00:00:00Z`);
      await tx.variableValue.upsert({
        where: { chamberId_variableId_period: { chamberId, variableId: row.id, period } },
        create: { chamberId, variableId: row.id, period, value: new Prisma.Decimal(v.value), source: v.source ?? null },
        update: { value: new Prisma.Decimal(v.value), source: v.source ?? null },
      });
    }
  }
}

// The facts the rules of src/policies.ts look at: who the caller is in the chamber (person, units) and who
// is responsible for a node of the tree (units and people). Read inside the request's unit of work.
import type { Tx } from '@albero/db';
import type { PersonFacts } from './actor.js';
import { NotFoundError } from './errors.js';
import type { ResourceFacts } from './policies.js';

/**
 * The caller's person record, matched by the token's subject (or, for people not yet linked to the
 * identity provider, by username), with the units they belong to and every unit below those.
 */
export async function loadPersonFacts(tx: Tx, chamberId: string, subject: string, username: string | null): Promise<PersonFacts | null> {
  const rows = await tx.$queryRaw<{ id: string; units: string[]; heads: string[] }[]>`
    WITH RECURSIVE me AS (
      SELECT p.id FROM person p
       WHERE p.chamber_id = ${chamberId}::uuid AND p.active
         AND (p.subject = ${subject} OR (p.subject IS NULL AND lower(p.username) = lower(${username ?? ''})))
       ORDER BY (p.subject = ${subject}) DESC NULLS LAST
       LIMIT 1
    ), units AS (
      SELECT pu.unit_id, pu.head FROM person_unit pu JOIN me ON pu.person_id = me.id WHERE pu.chamber_id = ${chamberId}::uuid
      UNION
      SELECT u.id, false FROM org_unit u JOIN units ON u.parent_id = units.unit_id WHERE u.chamber_id = ${chamberId}::uuid
    )
    SELECT me.id,
           COALESCE((SELECT array_agg(DISTINCT unit_id) FROM units), '{}') AS units,
           COALESCE((SELECT array_agg(DISTINCT unit_id) FROM units WHERE head), '{}') AS heads
      FROM me`;
  const row = rows[0];
  return row ? { personId: row.id, unitIds: row.units, headOf: row.heads } : null;
}

/**
 * Who answers for a node: the units of the node or, when it has none, of its nearest ancestor that has
 * some; and the people assigned to the node or to any of its ancestors (an individual objective's owner).
 */
export async function loadNodeFacts(tx: Tx, chamberId: string, nodeId: string): Promise<ResourceFacts & { cycleId: string }> {
  const rows = await tx.$queryRaw<{ depth: number; cycle_id: string; units: string[]; people: string[] }[]>`
    WITH RECURSIVE up AS (
      SELECT n.id, n.parent_id, n.cycle_id, 0 AS depth FROM plan_node n WHERE n.chamber_id = ${chamberId}::uuid AND n.id = ${nodeId}::uuid
      UNION ALL
      SELECT n.id, n.parent_id, n.cycle_id, up.depth + 1 FROM plan_node n JOIN up ON n.chamber_id = ${chamberId}::uuid AND n.id = up.parent_id
    )
    SELECT up.depth, up.cycle_id,
           ARRAY(SELECT u.unit_id FROM plan_node_unit u WHERE u.chamber_id = ${chamberId}::uuid AND u.node_id = up.id) AS units,
           ARRAY(SELECT p.person_id FROM plan_node_person p WHERE p.chamber_id = ${chamberId}::uuid AND p.node_id = up.id) AS people
      FROM up ORDER BY up.depth`;
  if (rows.length === 0) throw new NotFoundError('PlanNode', nodeId);
  const unitIds = rows.find((r) => r.units.length > 0)?.units ?? [];
  const personIds = [...new Set(rows.flatMap((r) => r.people))];
  return { unitIds, personIds, cycleId: rows[0]!.cycle_id };
}

/**
 * Links the caller's person record, matched by username, to the identity provider's subject (Keycloak's
 * first-login account linking). Done in a request that writes anyway, so that a read never writes; from then on
 * the values the person entered, submitted or reviewed (recorded by subject) carry their name.
 */
export async function linkPersonSubject(tx: Tx, chamberId: string, subject: string, username: string | null): Promise<void> {
  if (username === null) return;
  await tx.$executeRaw`
    UPDATE person p SET subject = ${subject}
     WHERE p.chamber_id = ${chamberId}::uuid AND p.subject IS NULL AND lower(p.username) = lower(${username})
       AND NOT EXISTS (SELECT 1 FROM person q WHERE q.chamber_id = ${chamberId}::uuid AND q.subject = ${subject})`;
}

/** The display name of the chamber's person linked to an identity-provider subject, or null. */
export async function personNameBySubject(tx: Tx, chamberId: string, subject: string): Promise<string | null> {
  const row = await tx.person.findUnique({ where: { chamberId_subject: { chamberId, subject } }, select: { displayName: true } });
  return row?.displayName ?? null;
}

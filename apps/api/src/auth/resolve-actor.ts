// From a verified identity to the request's actor: the tenant comes from the token's organisation,
// matched case-insensitively against the chambers' codes; a chamber named by the client is only a choice
// among the token's organisations ("unverified" until checked here).
import type pg from 'pg';
import type { ApiActor } from '../actor.js';
import { ForbiddenError } from '../errors.js';
import { isChamberRole, type Identity } from './identity.js';

type ChamberEntry = { id: string; code: string; status: string };

/** Chamber lookups by code, cached briefly: every authenticated request needs one, chambers rarely change. */
export type ChamberDirectory = {
  find(codes: string[]): Promise<ChamberEntry[]>;
  /** Forget cached entries (after a subscription change in this process). */
  invalidate(): void;
};

/** A directory over the chamber table (readable by everyone), with a short cache of found codes. */
export function createChamberDirectory(pool: pg.Pool, ttlMs = 10_000): ChamberDirectory {
  const cache = new Map<string, { entry: ChamberEntry; at: number }>();
  return {
    async find(codes) {
      const now = Date.now();
      const wanted = codes.map((c) => c.toLowerCase());
      const missing = wanted.filter((c) => {
        const hit = cache.get(c);
        return hit === undefined || now - hit.at > ttlMs;
      });
      if (missing.length > 0) {
        const { rows } = await pool.query<ChamberEntry>(
          'SELECT id, code, subscription_status AS status FROM chamber WHERE lower(code) = ANY($1::text[])',
          [missing],
        );
        for (const row of rows) cache.set(row.code.toLowerCase(), { entry: row, at: now });
        // Unknown codes are not cached: a chamber subscribed a moment ago is found at once.
        for (const code of missing) if (!rows.some((r) => r.code.toLowerCase() === code)) cache.delete(code);
      }
      return wanted.flatMap((c) => {
        const hit = cache.get(c);
        return hit ? [hit.entry] : [];
      });
    },
    invalidate: () => cache.clear(),
  };
}

const ACTIVE = new Set(['trial', 'active']);

/**
 * The actor of a verified identity. Platform-admin and Unioncamere analysts act outside any chamber;
 * everyone else needs exactly one known, active organisation (or names one of theirs in `unverifiedChamber`).
 */
export async function resolveActor(identity: Identity, directory: ChamberDirectory, unverifiedChamber: string | undefined): Promise<ApiActor> {
  const { subject, username } = identity;
  if (identity.roles.includes('platform-admin')) return { kind: 'platform', subject, username };
  if (identity.roles.includes('unioncamere-analyst')) return { kind: 'unioncamere', subject, username };

  const candidates = unverifiedChamber === undefined ? identity.organizations : identity.organizations.filter((o) => o === unverifiedChamber.trim().toLowerCase());
  if (identity.organizations.length === 0) throw new ForbiddenError('the token names no organisation (chamber)');
  if (candidates.length === 0) throw new ForbiddenError('the requested chamber is not among the token\'s organisations');
  if (candidates.length > 1) throw new ForbiddenError('the token names several organisations: choose one with the X-Albero-Chamber header');

  const [chamber] = await directory.find(candidates);
  if (chamber === undefined) throw new ForbiddenError('the token\'s organisation is not a chamber of this platform');
  if (!ACTIVE.has(chamber.status)) throw new ForbiddenError(`the chamber's subscription is ${chamber.status}`);
  return { kind: 'member', subject, username, chamberId: chamber.id, chamberCode: chamber.code, roles: identity.roles.filter(isChamberRole) };
}

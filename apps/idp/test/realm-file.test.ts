import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildRealm, readDemoPlans, renderRealm, uuidV5 } from '../src/generate-realm.js';
import { defaultRealmFile, developmentRealmFile, loadRealm, organizationsOf, productionRealmFile } from '../src/realm.js';

describe('infra/keycloak/development/albero-realm.json', () => {
  it('is exactly what generate-realm produces from data/demo (run `pnpm --filter @albero/idp generate-realm` after changing a plan)', async () => {
    expect(defaultRealmFile).toBe(developmentRealmFile);
    expect(await readFile(developmentRealmFile, 'utf8')).toBe(renderRealm(await readDemoPlans(), 'development'));
    expect(await readFile(productionRealmFile, 'utf8')).toBe(renderRealm(await readDemoPlans(), 'production'));
  });

  it('gives every demo chamber an organization with its admin, manager, staff and OIV, and every person its plans name', async () => {
    const plans = await readDemoPlans();
    const realm = await loadRealm(defaultRealmFile);
    // When a chamber has several plans, a person keeps the name of the latest cycle and every role ever given.
    const expected = new Map<string, { alias: string; name: string; roles: Set<string> }>();
    for (const plan of [...plans].sort((a, b) => a.cycle.year - b.cycle.year)) {
      const alias = plan.chamber.code.toLowerCase();
      for (const person of plan.people) {
        const roles = expected.get(person.username)?.roles ?? new Set<string>();
        expected.set(person.username, { alias, name: person.name, roles: new Set([...roles, ...person.roles]) });
      }
    }
    for (const plan of plans) {
      const alias = plan.chamber.code.toLowerCase();
      const members = realm.organizations.find((o) => o.alias === alias)?.members.map((m) => m.username) ?? [];
      for (const prefix of ['admin', 'manager', 'staff', 'oiv']) expect(members).toContain(`${prefix}.${alias}`);
    }
    for (const [username, person] of expected) {
      const user = realm.users.find((u) => u.username === username);
      expect(user && organizationsOf(realm, user).map((o) => o.alias)).toEqual([person.alias]);
      expect(user?.realmRoles).toEqual([...person.roles].sort());
      expect(`${user?.firstName} ${user?.lastName}`).toBe(person.name);
    }
  });

  it('has the platform users outside any organization, with their realm roles', async () => {
    const realm = await loadRealm(defaultRealmFile);
    for (const [username, role] of [['platform', 'platform-admin'], ['unioncamere', 'unioncamere-analyst']] as const) {
      const user = realm.users.find((u) => u.username === username);
      expect(user?.realmRoles).toEqual([role]);
      expect(user && organizationsOf(realm, user)).toEqual([]);
    }
  });

  it('keeps ids stable: the same name always gives the same RFC 4122 version 5 id', () => {
    // RFC 4122 appendix B test vector (DNS namespace, "www.example.com").
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(buildRealm([])).toEqual(buildRealm([]));
  });

  it('refuses a username claimed by two chambers', async () => {
    const [plan] = await readDemoPlans();
    if (!plan) throw new Error('no demo plans');
    const other = { ...plan, chamber: { ...plan.chamber, code: 'ZZ' } };
    expect(() => buildRealm([plan, other])).toThrow(/listed by two chambers/);
  });
});

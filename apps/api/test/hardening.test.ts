// Hardening of the GraphQL edge, against a server started in production mode: limits on depth, cost,
// aliases, page sizes and body size; no introspection or landing page; CSRF prevention; errors masked to
// stable codes with no stack or SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/limits.js';
import { codes, demo, startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2024'), production: true });
});
afterAll(() => stack?.stop());

describe('query limits', () => {
  it('refuses a query deeper than the limit before running it', async () => {
    let selection = 'id';
    for (let i = 0; i < LIMITS.depth; i++) selection = `parent { ${selection} }`;
    const r = await stack.gql(`{ cycle(year: 2024) { nodes { ${selection} } } }`, {}, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions).toMatchObject({ limit: 'depth' });
    expect(r.data).toBeNull();
  });

  it('refuses a query whose cost exceeds the limit (lists multiply their selections)', async () => {
    const r = await stack.gql('{ cycles { nodes { children { children { indicators { targets { id } measurements { id } } } } } } }', {}, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions).toMatchObject({ limit: 'complexity' });
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: viewer { kind }`).join(' ');
    const r = await stack.gql(`{ ${aliases} }`, {}, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.message).toContain('aliases');
  });

  it('caps page sizes at the limit', async () => {
    const r = await stack.gql<{ auditTrail: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(`{ auditTrail(first: ${LIMITS.pageSize * 10}) { edges { node { id } } pageInfo { hasNextPage } } }`, {}, { as: 'admin.so' });
    if (r.errors) expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    else {
      expect(r.data!.auditTrail.edges.length).toBe(LIMITS.pageSize);
      expect(r.data!.auditTrail.pageInfo.hasNextPage).toBe(true);
    }
  });

  it('refuses a request body larger than the limit with 413', async () => {
    const padding = 'x'.repeat(LIMITS.bodyBytes + 1);
    const response = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token('admin.so')}` },
      body: JSON.stringify({ query: '{ viewer { kind } }', variables: { padding } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: `request body larger than ${LIMITS.bodyBytes} bytes`, extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('production mode', () => {
  it('has introspection off', async () => {
    const r = await stack.gql('{ __schema { types { name } } }', {}, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.data).toBeUndefined();
  });

  it('serves no landing page', async () => {
    // What a browser sends when someone opens the endpoint: the development server answers with Apollo's page.
    const response = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await response.text()).not.toMatch(/sandbox|embeddable|<html/i);
  });

  it('does not suggest field names to a client that guesses', async () => {
    const r = await stack.gql('{ viewr { kind } }', {}, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.message).not.toContain('Did you mean');
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple cross-site form POST (text/plain) and a GET without a preflight header', async () => {
    const form = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ viewer { kind } }"}' });
    expect(form.status).toBe(400);
    const get = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('{ publicReport(chamberCode: "SO", year: 2024) { year } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toContain('CSRF');
  });

  it('allows the same GET with the preflight header Apollo asks for', async () => {
    const get = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('{ publicReport(chamberCode: "SO", year: 2024) { year } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { publicReport: { year: 2024 } } });
  });

  it('refuses a mutation sent as GET', async () => {
    const get = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('mutation { subscribeChamber(code: "ZZ", name: "Camera") { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${await stack.token('platform')}` },
    });
    expect(get.status).toBe(405);
  });
});

describe('error masking', () => {
  it('answers an unexpected failure with INTERNAL_SERVER_ERROR and nothing else: no stack, no SQL, no detail', async () => {
    // A corrupt SMVP makes the scoring configuration fail inside the resolver.
    await stack.db.pool.query(`UPDATE cycle SET smvp = '{"rounding": "nonsense"}' WHERE year = 2024`);
    try {
      const r = await stack.gql('{ cycle(year: 2024) { scorecard { entity } } }', {}, { as: 'admin.so' });
      expect(r.errors).toEqual([{ message: 'Unexpected error', locations: [{ line: 1, column: 23 }], path: ['cycle', 'scorecard'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    } finally {
      await stack.db.pool.query(`UPDATE cycle SET smvp = smvp - 'rounding' WHERE year = 2024`);
    }
  });

  it('turns a database error into a masked error too (an invalid value reaching SQL)', async () => {
    const r = await stack.gql('{ cycle(year: 2024) { scorecard(periodId: "00000000-0000-0000-0000-000000000000") { entity } } }', {}, { as: 'admin.so' });
    expect(codes(r)).toEqual(['NOT_FOUND']);
    const malformed = await stack.gql('{ node(id: "1; DROP TABLE plan_node") { id } }', {}, { as: 'admin.so' });
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(malformed)).not.toMatch(/prisma|postgres|SELECT|stack/i);
  });
});

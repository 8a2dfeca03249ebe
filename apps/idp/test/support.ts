// Test helpers: a browser-like HTTP client (cookie jar, manual redirects) and token decoding.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { defaultRealmFile } from '../src/realm.js';

/** Keeps cookies across requests like a browser would (paths are ignored: all cookies go everywhere). */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, { method: 'POST', body: new URLSearchParams(fields) });
  }
}

/** The absolute URL a redirect response points to. */
export function location(response: Response): string {
  const value = response.headers.get('location');
  if (!value) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(value, response.url).href;
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function decode(token: string) {
  return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
}

export type TokenResponse = {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  refresh_expires_in?: number;
  token_type: string;
  scope?: string;
  session_state?: string;
  'not-before-policy'?: number;
};

/** The password grant, as a test or script would call it. */
export async function passwordGrant(issuer: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'albero-web', scope: 'openid', ...fields }),
  });
}

export async function tokensFor(issuer: string, username: string, fields: Record<string, string> = {}): Promise<TokenResponse> {
  const response = await passwordGrant(issuer, { username, password: 'demo', ...fields });
  if (response.status !== 200) throw new Error(`password grant for ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** A copy of the committed realm file with some changes, for tests that need another configuration. */
export async function realmVariant(change: (realm: RealmJson) => void): Promise<string> {
  const realm = JSON.parse(await readFile(defaultRealmFile, 'utf8')) as RealmJson;
  change(realm);
  const dir = await mkdtemp(join(tmpdir(), 'albero-idp-'));
  const file = join(dir, 'realm.json');
  await writeFile(file, JSON.stringify(realm));
  return file;
}

export type RealmJson = {
  clientScopes: { name: string; protocolMappers: { protocolMapper: string; config: Record<string, string> }[] }[];
  organizations: { id: string; alias: string }[];
  users: { username: string; id: string }[];
  [key: string]: unknown;
};

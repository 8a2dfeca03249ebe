// Signing keys: RS256, like a fresh Keycloak realm. Generated at start unless given; optionally kept in a
// file (under the gitignored .data/) so that tokens issued before a restart still verify after it.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** A private RSA signing key as oidc-provider wants it: with kid, alg and use. */
export type SigningKey = JWK & { kid: string; alg: 'RS256'; use: 'sig' };

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  // Keycloak's kid is an opaque string too; the RFC 7638 thumbprint is stable for the key and unique.
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

/** Reads the keys file, or creates it with a new key; the file holds private keys, so it is owner-only. */
export async function loadOrCreateSigningKeys(file: string): Promise<SigningKey[]> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { keys?: SigningKey[] };
    if (Array.isArray(stored.keys) && stored.keys.length > 0) return stored.keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read signing keys from ${file}`, { cause: error });
  }
  const keys = [await generateSigningKey()];
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

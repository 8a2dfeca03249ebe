// oidc-provider's storage for sessions, codes, grants and refresh tokens. Its bundled in-memory adapter is
// shared by every provider in the process and warns at each start; this one belongs to one provider, which
// keeps parallel test servers apart. Nothing survives a restart, as with Keycloak's dev mode.
import type { Adapter, AdapterPayload } from 'oidc-provider';

type Entry = { payload: AdapterPayload; expiresAt: number };

// Models whose records carry a grantId and must disappear when the grant is revoked (logout, reuse).
const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/** The adapter factory oidc-provider uses, plus the revocations Keycloak-style logouts need. */
export type MemoryStore = {
  factory: (model: string) => Adapter;
  /** Deletes the grant and every token issued under it (refresh tokens, codes). */
  revokeGrant(grantId: string): void;
  /** Deletes every session, grant and token of an account (Keycloak's admin "log out user"). */
  revokeAccount(accountId: string): void;
};

export function createMemoryStore(): MemoryStore {
  const records = new Map<string, Entry>();
  const byGrant = new Map<string, Set<string>>();
  const bySessionUid = new Map<string, string>();
  const byUserCode = new Map<string, string>();

  const read = (key: string | undefined): AdapterPayload | undefined => {
    if (key === undefined) return undefined;
    const entry = records.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      records.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const revokeGrant = (grantId: string) => {
    for (const member of byGrant.get(grantId) ?? []) records.delete(member);
    byGrant.delete(grantId);
    records.delete(`Grant:${grantId}`);
  };

  const factory = (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      // The interface is asynchronous (real adapters talk to a database); a Map answers at once.
      upsert(id, payload, expiresIn) {
        records.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
        if (GRANTABLE.has(model) && payload.grantId) {
          const members = byGrant.get(payload.grantId) ?? new Set<string>();
          byGrant.set(payload.grantId, members.add(key(id)));
        }
        if (model === 'Session' && payload.uid) bySessionUid.set(payload.uid, id);
        if (payload.userCode) byUserCode.set(payload.userCode, id);
        return Promise.resolve();
      },
      find(id) {
        return Promise.resolve(read(key(id)));
      },
      findByUid(uid) {
        const id = bySessionUid.get(uid);
        return Promise.resolve(id === undefined ? undefined : read(key(id)));
      },
      findByUserCode(userCode) {
        const id = byUserCode.get(userCode);
        return Promise.resolve(id === undefined ? undefined : read(key(id)));
      },
      consume(id) {
        const payload = read(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy(id) {
        records.delete(key(id));
        return Promise.resolve();
      },
      revokeByGrantId(grantId) {
        for (const member of byGrant.get(grantId) ?? []) records.delete(member);
        byGrant.delete(grantId);
        return Promise.resolve();
      },
    };
  };

  return {
    factory,
    revokeGrant,
    revokeAccount(accountId) {
      for (const [recordKey, entry] of [...records]) {
        if (entry.payload.accountId !== accountId) continue;
        if (recordKey.startsWith('Grant:')) revokeGrant(recordKey.slice('Grant:'.length));
        records.delete(recordKey);
      }
    },
  };
}

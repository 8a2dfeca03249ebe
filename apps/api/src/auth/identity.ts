// The identity port: what the API knows about a caller once a bearer token has been verified. Only
// auth/keycloak.ts knows how tokens are checked; everything else depends on these types.

/** The realm roles the API understands; any other role in a token is ignored. */
export const REALM_ROLES = ['platform-admin', 'unioncamere-analyst', 'chamber-admin', 'manager', 'staff', 'oiv'] as const;
export type RealmRole = (typeof REALM_ROLES)[number];

/** The chamber roles among the realm roles. */
export const CHAMBER_ROLES = ['chamber-admin', 'manager', 'staff', 'oiv'] as const;
export type ChamberRole = (typeof CHAMBER_ROLES)[number];

/** A verified caller: subject, username, known realm roles and the organisation aliases of the token. */
export type Identity = {
  subject: string;
  username: string | null;
  roles: RealmRole[];
  /** Keycloak Organization aliases (lower case), from either shape of the `organization` claim. */
  organizations: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
};

/** Verifies a bearer token and returns its identity; rejects with UnauthenticatedError otherwise. */
export type VerifyBearer = (token: string) => Promise<Identity>;

/** True for the realm roles the API understands. */
export function isRealmRole(role: unknown): role is RealmRole {
  return typeof role === 'string' && (REALM_ROLES as readonly string[]).includes(role);
}

/** True for the chamber roles. */
export function isChamberRole(role: RealmRole): role is ChamberRole {
  return (CHAMBER_ROLES as readonly string[]).includes(role);
}

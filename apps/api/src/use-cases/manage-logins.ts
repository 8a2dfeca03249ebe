// People's logins in Keycloak, administered through its Admin REST API as the service account albero-admin:
// a chamber administrator lists, invites, grants and removes chamber roles, disables and re-enables logins and
// resends invitations, only for members of their own chamber's Keycloak Organization (checked against
// Keycloak's membership, not the token), and only the chamber roles. Every refusal happens before the first
// call that changes anything in Keycloak. The platform operator's subscription may invite the first administrator.
import type { Tx } from '@albero/db';
import { CHAMBER_ROLES, type ChamberRole } from '../auth/identity.js';
import { KeycloakAdminError, type KeycloakAdmin, type KeycloakUser } from '../auth/keycloak-admin.js';
import { authorizeInChamber } from '../domain/guards.js';
import { BadInputError, ConflictError, ForbiddenError, IdentityProviderUnavailableError, NotFoundError } from '../errors.js';
import type { TenantScope } from '../tenant.js';

/** Roles only Keycloak's own administrators may grant: never through Albero's chamber administration. */
const PLATFORM_ROLES = ['platform-admin', 'unioncamere-analyst'];
const INVITATION_ACTIONS = ['UPDATE_PASSWORD'];

/** What the API shows of a login: Keycloak's user, its chamber roles and state, and the linked person record. */
export type LoginView = {
  id: string;
  username: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  enabled: boolean;
  /** The invitation has not been accepted: the person has not set a password yet. */
  invitationPending: boolean;
  roles: ChamberRole[];
  personId: string | null;
};

export type Invitee = { email: string; firstName: string; lastName: string };

type LoginScope = TenantScope & { keycloak: KeycloakAdmin | null };

export function requireKeycloak(keycloak: KeycloakAdmin | null): KeycloakAdmin {
  if (keycloak === null) throw new IdentityProviderUnavailableError({ cause: new Error('KEYCLOAK_ADMIN_CLIENT_SECRET is not set') });
  return keycloak;
}

/** The chamber roles asked for; a platform role is FORBIDDEN, an unknown one BAD_USER_INPUT. */
export function chamberRoles(roles: readonly string[]): ChamberRole[] {
  const wanted = [...new Set(roles.map((r) => r.trim()))];
  const platform = wanted.find((r) => PLATFORM_ROLES.includes(r));
  if (platform) throw new ForbiddenError(`Un amministratore della camera non può assegnare né togliere il ruolo ${platform}.`, { role: platform });
  const unknown = wanted.find((r) => !(CHAMBER_ROLES as readonly string[]).includes(r));
  if (unknown !== undefined) throw new BadInputError(`Ruolo sconosciuto: ${unknown}. Ruoli ammessi: ${CHAMBER_ROLES.join(', ')}.`, { field: 'roles', allowed: [...CHAMBER_ROLES] });
  if (wanted.length === 0) throw new BadInputError('Indicare almeno un ruolo.', { field: 'roles' });
  return wanted as ChamberRole[];
}

function invitee(input: Invitee): Invitee {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new BadInputError('Indirizzo e-mail non valido.', { field: 'email' });
  const firstName = input.firstName.trim();
  const lastName = input.lastName.trim();
  if (!firstName) throw new BadInputError('Il nome è obbligatorio.', { field: 'firstName' });
  if (!lastName) throw new BadInputError('Il cognome è obbligatorio.', { field: 'lastName' });
  return { email, firstName, lastName };
}

async function organizationId(keycloak: KeycloakAdmin, chamberCode: string): Promise<string> {
  const organization = await keycloak.findOrganizationByAlias(chamberCode.toLowerCase());
  if (!organization) throw new NotFoundError('Organization', chamberCode, 'La camera non ha un\u2019organizzazione nel servizio di autenticazione.');
  return organization.id;
}

/** The user, when Keycloak says they are a member of the chamber's organization; NOT_FOUND otherwise (as another chamber's rows). */
async function member(keycloak: KeycloakAdmin, chamberCode: string, userId: string): Promise<KeycloakUser> {
  const organization = await organizationId(keycloak, chamberCode);
  if (!(await keycloak.isMember(organization, userId))) throw new NotFoundError('Login', userId, 'Account non trovato tra le persone della camera.');
  return keycloak.getUser(userId);
}

/** A login whose holder has a platform role is not the chamber administrator's to change. */
async function assertNotPlatformUser(keycloak: KeycloakAdmin, userId: string): Promise<string[]> {
  const roles = await keycloak.realmRolesOf(userId);
  if (roles.some((r) => PLATFORM_ROLES.includes(r))) throw new ForbiddenError('Questo account ha un ruolo di piattaforma: solo l\u2019amministrazione della piattaforma può modificarlo.');
  return roles;
}

async function view(tx: Tx, chamberId: string, user: KeycloakUser, realmRoles: string[]): Promise<LoginView> {
  const person = await tx.person.findUnique({ where: { chamberId_subject: { chamberId, subject: user.id } }, select: { id: true } });
  return {
    id: user.id,
    username: user.username,
    email: user.email ?? null,
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    enabled: user.enabled,
    invitationPending: (user.requiredActions ?? []).includes('UPDATE_PASSWORD'),
    roles: realmRoles.filter((r): r is ChamberRole => (CHAMBER_ROLES as readonly string[]).includes(r)).sort(),
    personId: person?.id ?? null,
  };
}

/**
 * Creates the user, adds them to the organization, grants the roles and sends the invitation (set a password).
 * If a step after the creation fails, the user is deleted again, so a retry starts clean.
 */
async function createInvitedUser(keycloak: KeycloakAdmin, organization: string, who: Invitee, roles: readonly string[], afterMembership?: (userId: string) => Promise<void>): Promise<string> {
  const roleReps = await Promise.all(roles.map((r) => keycloak.getRealmRole(r)));
  let userId: string;
  try {
    userId = await keycloak.createUser({ username: who.email, email: who.email, firstName: who.firstName, lastName: who.lastName, enabled: true, requiredActions: INVITATION_ACTIONS });
  } catch (error) {
    if (error instanceof KeycloakAdminError && error.status === 409) throw new ConflictError('Esiste già un account con questo indirizzo e-mail.', { field: 'email' });
    throw error;
  }
  try {
    await keycloak.addMember(organization, userId);
    await keycloak.addRealmRoles(userId, roleReps);
    await afterMembership?.(userId);
    await keycloak.executeActionsEmail(userId, INVITATION_ACTIONS);
  } catch (error) {
    await keycloak.deleteUser(userId).catch(() => undefined);
    throw error;
  }
  return userId;
}

/** Links the chamber's person record to the Keycloak user (by username or e-mail), or creates one already linked. */
async function linkPerson(tx: Tx, chamberId: string, userId: string, who: Invitee): Promise<void> {
  const existing = await tx.person.findFirst({
    where: { chamberId, subject: null, OR: [{ username: { equals: who.email, mode: 'insensitive' } }, { email: { equals: who.email, mode: 'insensitive' } }] },
    select: { id: true },
  });
  if (existing) {
    await tx.person.update({ where: { chamberId_id: { chamberId, id: existing.id } }, data: { subject: userId, email: who.email } });
    return;
  }
  if (await tx.person.findUnique({ where: { chamberId_username: { chamberId, username: who.email } }, select: { id: true } })) {
    throw new ConflictError('Una persona della camera con questo nome utente è già collegata a un altro account.', { field: 'email' });
  }
  await tx.person.create({ data: { chamberId, username: who.email, displayName: `${who.firstName} ${who.lastName}`, email: who.email, subject: userId } });
}

// --- the chamber administrator's operations ---------------------------------------------------------------

export async function listLogins(scope: LoginScope): Promise<LoginView[]> {
  authorizeInChamber(scope, 'login.manage');
  const keycloak = requireKeycloak(scope.keycloak);
  const organization = await organizationId(keycloak, scope.actor.chamberCode);
  const users = await keycloak.members(organization);
  const views = await Promise.all(users.map(async (u) => view(scope.tx, scope.chamberId, u, await keycloak.realmRolesOf(u.id))));
  return views.sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
}

export async function inviteLogin(scope: LoginScope, input: Invitee & { roles: readonly string[] }): Promise<LoginView> {
  authorizeInChamber(scope, 'login.manage');
  authorizeInChamber(scope, 'person.manage');
  const roles = chamberRoles(input.roles);
  const who = invitee(input);
  const keycloak = requireKeycloak(scope.keycloak);
  const organization = await organizationId(keycloak, scope.actor.chamberCode);
  const userId = await createInvitedUser(keycloak, organization, who, roles, (id) => linkPerson(scope.tx, scope.chamberId, id, who));
  return view(scope.tx, scope.chamberId, await keycloak.getUser(userId), roles);
}

export async function assignLoginRoles(scope: LoginScope, userId: string, requested: readonly string[]): Promise<LoginView> {
  authorizeInChamber(scope, 'login.manage');
  const roles = chamberRoles(requested);
  const keycloak = requireKeycloak(scope.keycloak);
  const user = await member(keycloak, scope.actor.chamberCode, userId);
  await assertNotPlatformUser(keycloak, userId);
  await keycloak.addRealmRoles(userId, await Promise.all(roles.map((r) => keycloak.getRealmRole(r))));
  return view(scope.tx, scope.chamberId, user, await keycloak.realmRolesOf(userId));
}

export async function removeLoginRoles(scope: LoginScope, userId: string, requested: readonly string[]): Promise<LoginView> {
  authorizeInChamber(scope, 'login.manage');
  const roles = chamberRoles(requested);
  if (userId === scope.actor.subject && roles.includes('chamber-admin')) {
    throw new BadInputError('Non puoi togliere a te stesso il ruolo di amministratore della camera.', { field: 'roles' });
  }
  const keycloak = requireKeycloak(scope.keycloak);
  const user = await member(keycloak, scope.actor.chamberCode, userId);
  const held = await assertNotPlatformUser(keycloak, userId);
  const removed = roles.filter((r) => held.includes(r));
  if (removed.length > 0) await keycloak.removeRealmRoles(userId, await Promise.all(removed.map((r) => keycloak.getRealmRole(r))));
  return view(scope.tx, scope.chamberId, user, await keycloak.realmRolesOf(userId));
}

/** Disabling also ends every session of the login (Keycloak's user logout), so refreshes stop at once. */
export async function setLoginEnabled(scope: LoginScope, userId: string, enabled: boolean): Promise<LoginView> {
  authorizeInChamber(scope, 'login.manage');
  if (userId === scope.actor.subject && !enabled) throw new BadInputError('Non puoi disabilitare il tuo stesso account.', { field: 'enabled' });
  const keycloak = requireKeycloak(scope.keycloak);
  await member(keycloak, scope.actor.chamberCode, userId);
  await assertNotPlatformUser(keycloak, userId);
  await keycloak.updateUser(userId, { enabled });
  if (!enabled) await keycloak.logoutUser(userId);
  return view(scope.tx, scope.chamberId, await keycloak.getUser(userId), await keycloak.realmRolesOf(userId));
}

export async function resendInvitation(scope: LoginScope, userId: string): Promise<LoginView> {
  authorizeInChamber(scope, 'login.manage');
  const keycloak = requireKeycloak(scope.keycloak);
  const user = await member(keycloak, scope.actor.chamberCode, userId);
  const roles = await assertNotPlatformUser(keycloak, userId);
  if (!user.enabled) throw new BadInputError('L\u2019account è disabilitato: riabilitarlo prima di inviare di nuovo l\u2019invito.', { field: 'userId' });
  if (!user.email) throw new BadInputError('L\u2019account non ha un indirizzo e-mail.', { field: 'userId' });
  await keycloak.updateUser(userId, { requiredActions: [...new Set([...(user.requiredActions ?? []), ...INVITATION_ACTIONS])] });
  await keycloak.executeActionsEmail(userId, INVITATION_ACTIONS);
  return view(scope.tx, scope.chamberId, await keycloak.getUser(userId), roles);
}

// --- the platform operator's subscription ---------------------------------------------------------------

/**
 * The chamber's Keycloak Organization (alias: the chamber code in lower case; an existing one with that alias is
 * reused, e.g. after a subscription that failed later on) and, when given, its first administrator.
 */
export async function provisionChamber(keycloak: KeycloakAdmin, chamber: { code: string; name: string }, firstAdministrator: Invitee | null | undefined): Promise<{ organizationId: string; administratorId: string | null }> {
  const alias = chamber.code.toLowerCase();
  const who = firstAdministrator ? invitee(firstAdministrator) : null;
  let organization = (await keycloak.findOrganizationByAlias(alias))?.id;
  if (organization === undefined) {
    try {
      organization = await keycloak.createOrganization({ name: chamber.name, alias, description: `${chamber.name} (${chamber.code})` });
    } catch (error) {
      if (error instanceof KeycloakAdminError && error.status === 409) {
        throw new ConflictError('Nel servizio di autenticazione esiste già un\u2019organizzazione con questo nome.', { field: 'name' });
      }
      throw error;
    }
  }
  if (!who) return { organizationId: organization, administratorId: null };
  return { organizationId: organization, administratorId: await createInvitedUser(keycloak, organization, who, ['chamber-admin']) };
}

// People's logins in Keycloak (issue 10): the chamber administrator's view of who may sign in to the chamber,
// with their roles and state, and the operations on them. Keycloak is the source of truth; the API reaches it
// through its Admin REST API (auth/keycloak-admin.ts) and checks membership there on every operation.
import { z } from 'zod';
import { builder } from '../builder.js';
import { tenant } from '../tenant.js';
import { assignLoginRoles, inviteLogin, listLogins, removeLoginRoles, resendInvitation, setLoginEnabled, type LoginView } from '../use-cases/manage-logins.js';

const KeycloakId = z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'identificativo dell\u2019account non valido');

export const Login = builder.objectRef<LoginView>('Login').implement({
  description: 'A login of the chamber (a Keycloak user, member of the chamber\u2019s organization).',
  authScopes: { can: 'login.manage' },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The Keycloak user id (the `sub` of their tokens).' }),
    username: t.exposeString('username'),
    email: t.exposeString('email', { nullable: true }),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    enabled: t.exposeBoolean('enabled', { description: 'False: the login is disabled and cannot sign in.' }),
    invitationPending: t.exposeBoolean('invitationPending', { description: 'The person has not set their password from the invitation yet.' }),
    roles: t.exposeStringList('roles', { description: 'Chamber roles: chamber-admin, manager, staff, oiv.' }),
    personId: t.exposeID('personId', { nullable: true, description: 'The chamber\u2019s person record linked to this login, if any.' }),
  }),
});

export const InviteeInput = builder.inputType('InviteeInput', {
  description: 'A person to invite: Keycloak sends them an e-mail to set their password.',
  fields: (t) => ({
    email: t.string({ required: true, validate: z.email('indirizzo e-mail non valido') }),
    firstName: t.string({ required: true, validate: z.string().trim().min(1, 'il nome è obbligatorio').max(100) }),
    lastName: t.string({ required: true, validate: z.string().trim().min(1, 'il cognome è obbligatorio').max(100) }),
  }),
});

const Roles = z.array(z.string().max(50)).min(1, 'indicare almeno un ruolo').max(4);

builder.queryField('chamberLogins', (t) =>
  t.field({
    type: [Login],
    authScopes: { can: 'login.manage' },
    description: 'The logins of the caller\u2019s chamber, with roles and state (chamber administrator).',
    resolve: (_root, _args, ctx) => listLogins({ ...tenant(ctx), keycloak: ctx.keycloakAdmin }),
  }),
);

builder.mutationField('inviteLogin', (t) =>
  t.field({
    type: Login,
    authScopes: { can: 'login.manage' },
    description: 'Creates a login in the chamber\u2019s organization with the chosen chamber roles, links or creates its person record and sends the invitation e-mail.',
    args: { person: t.arg({ type: InviteeInput, required: true }), roles: t.arg.stringList({ required: true, validate: Roles }) },
    resolve: (_root, args, ctx) => inviteLogin({ ...tenant(ctx), keycloak: ctx.keycloakAdmin }, { ...args.person, roles: args.roles }),
  }),
);

builder.mutationField('assignLoginRoles', (t) =>
  t.field({
    type: Login,
    authScopes: { can: 'login.manage' },
    description: 'Grants chamber roles to a login of the chamber.',
    args: { userId: t.arg.id({ required: true, validate: KeycloakId }), roles: t.arg.stringList({ required: true, validate: Roles }) },
    resolve: (_root, args, ctx) => assignLoginRoles({ ...tenant(ctx), keycloak: ctx.keycloakAdmin }, args.userId, args.roles),
  }),
);

builder.mutationField('removeLoginRoles', (t) =>
  t.field({
    type: Login,
    authScopes: { can: 'login.manage' },
    description: 'Removes chamber roles from a login of the chamber (never one\u2019s own chamber-admin).',
    args: { userId: t.arg.id({ required: true, validate: KeycloakId }), roles: t.arg.stringList({ required: true, validate: Roles }) },
    resolve: (_root, args, ctx) => removeLoginRoles({ ...tenant(ctx), keycloak: ctx.keycloakAdmin }, args.userId, args.roles),
  }),
);

builder.mutationField('setLoginEnabled', (t) =>
  t.field({
    type: Login,
    authScopes: { can: 'login.manage' },
    description: 'Disables (ending every session) or re-enables a login of the chamber.',
    args: { userId: t.arg.id({ required: true, validate: KeycloakId }), enabled: t.arg.boolean({ required: true }) },
    resolve: (_root, args, ctx) => setLoginEnabled({ ...tenant(ctx), keycloak: ctx.keycloakAdmin }, args.userId, args.enabled),
  }),
);

builder.mutationField('resendInvitation', (t) =>
  t.field({
    type: Login,
    authScopes: { can: 'login.manage' },
    description: 'Sends the invitation e-mail (set a password) again.',
    args: { userId: t.arg.id({ required: true, validate: KeycloakId }) },
    resolve: (_root, args, ctx) => resendInvitation({ ...tenant(ctx), keycloak: ctx.keycloakAdmin }, args.userId),
  }),
);

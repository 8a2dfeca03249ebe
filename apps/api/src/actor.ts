// Who is calling, as the API's rules see it: derived once per request from the verified identity.
import type { Actor as DbActor } from '@albero/db';
import type { ChamberRole } from './auth/identity.js';

/** A chamber user: the tenant comes from the token's organisation, checked against the chamber table. */
export type MemberActor = {
  kind: 'member';
  subject: string;
  username: string | null;
  chamberId: string;
  chamberCode: string;
  roles: ChamberRole[];
};

/** The caller of a request: nobody, the platform operator, a Unioncamere analyst, or a chamber user. */
export type ApiActor =
  | { kind: 'anonymous' }
  | { kind: 'platform'; subject: string; username: string | null }
  | { kind: 'unioncamere'; subject: string; username: string | null }
  | MemberActor;

/** The person record of a member, with the units they belong to (loaded when a rule needs it). */
export type PersonFacts = { personId: string; unitIds: string[]; headOf: string[] };

/** The actor written to the audit trail by the database triggers. */
export function dbActor(actor: ApiActor): DbActor {
  switch (actor.kind) {
    case 'anonymous':
      return { kind: 'public', subject: null };
    case 'platform':
      return { kind: 'platform', subject: actor.subject };
    case 'unioncamere':
      return { kind: 'unioncamere', subject: actor.subject };
    case 'member':
      return { kind: 'user', subject: actor.subject };
  }
}

// The tenant of a resolver: established once per request before any resolver runs (http/graphql-handler.ts);
// a resolver that runs without one fails loudly instead of guessing a chamber.
import type { Tx } from '@albero/db';
import type { MemberActor, PersonFacts } from './actor.js';
import type { Context } from './builder.js';

/** What a use case receives to act inside the caller's chamber. */
export type TenantScope = {
  tx: Tx;
  chamberId: string;
  actor: MemberActor;
  person: () => Promise<PersonFacts | null>;
};

/**
 * The caller's chamber scope. Field auth scopes only let chamber users reach the resolvers that call
 * this, so reaching it otherwise is a programming error, reported as an internal error.
 */
export function tenant(ctx: Context): TenantScope {
  if (ctx.actor.kind !== 'member') throw new Error(`tenant resolver reached by a ${ctx.actor.kind} caller`);
  if (ctx.tx === null) throw new Error('tenant resolver ran without the request unit of work');
  return { tx: ctx.tx, chamberId: ctx.actor.chamberId, actor: ctx.actor, person: ctx.person };
}

/** The request's unit of work for callers that are not chamber users (platform operator). */
export function unitOfWork(ctx: Context): Tx {
  if (ctx.tx === null) throw new Error('resolver ran without the request unit of work');
  return ctx.tx;
}

import { HandleOptions } from '../../../application/shared/command-handling';
import { ActorRole } from '../../../domain/shared';
import { Actor } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';

/** `If-Match: "7"` (or `7`, or `W/"7"`) pins the dispute revision the caller last saw. */
export function ifMatch(value: string | undefined): Pick<HandleOptions, 'expectedRevision'> {
  if (value === undefined || value === '' || value === '*') return {};
  const match = /^(?:W\/)?"?(\d{1,18})"?$/.exec(value.trim());
  if (!match) {
    throw new ProblemException(
      400,
      'INVALID_IF_MATCH',
      'If-Match must carry a revision, e.g. "3"',
      { value },
    );
  }
  return { expectedRevision: BigInt(match[1]) };
}

/** The mediation role staff act under: the active one when it is mediator or admin. */
export function mediationRole(actor: Actor): ActorRole {
  if (actor.activeRole === 'mediator' || actor.activeRole === 'admin') return actor.activeRole;
  return actor.has('mediator') ? 'mediator' : 'admin';
}

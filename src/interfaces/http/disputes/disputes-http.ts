import { HandleOptions } from '../../../application/shared/command-handling';
import { ActorRole } from '../../../domain/shared';
import { Actor } from '../auth/actor';
import { ifMatchRevision } from '../etag/entity-tag';

/** `If-Match: "7"` (or `7`, or `W/"7"`) pins the dispute revision the caller last saw. */
export function ifMatch(value: string | undefined): Pick<HandleOptions, 'expectedRevision'> {
  const expectedRevision = ifMatchRevision(value);
  return expectedRevision === undefined ? {} : { expectedRevision };
}

/** The mediation role staff act under: the active one when it is mediator or admin. */
export function mediationRole(actor: Actor): ActorRole {
  if (actor.activeRole === 'mediator' || actor.activeRole === 'admin') return actor.activeRole;
  return actor.has('mediator') ? 'mediator' : 'admin';
}

import type { MissionEvent } from './mission.events';

/** Where a mission event keeps personal data outside `data.personal`, and whose data it is. */
export interface MissionPersonalFields {
  /** The `data` field naming the person whose key encrypts the fields. */
  readonly owner: string;
  /** Dotted paths inside `data`. */
  readonly paths: readonly string[];
}

/**
 * A person's own words and the client's address are their personal data: each is encrypted with
 * its author's key, so erasing the account shreds them from the log (the place's postal code,
 * city and coordinates stay in clear: the dispatch index and the money facts need them).
 *
 * The same rule as elsewhere in the platform: review comments and a dispute opener's statement
 * "go with" their author on erasure (see the profiles and mediation read models), so an
 * appreciation's comment, a recommendation and a reported problem's statement are shredded too;
 * the appreciation's value stays on the provider's profile.
 *
 * `MissionCancelled.reason` has no owner when the system cancels: the store then leaves that
 * system text in clear (nobody's personal data).
 */
export const MISSIONS_PERSONAL_FIELDS = {
  MissionRequested: { owner: 'clientId', paths: ['place.address', 'details'] },
  MissionRequestChanged: { owner: 'clientId', paths: ['place.address', 'details'] },
  MissionChangeProposed: { owner: 'proposedBy', paths: ['proposed.details'] },
  MissionChangeAccepted: { owner: 'clientId', paths: ['details'] },
  MissionMessagePosted: { owner: 'authorId', paths: ['text'] },
  MissionRefusedByProvider: { owner: 'providerId', paths: ['comment'] },
  MissionCancelled: { owner: 'actorId', paths: ['reason'] },
  MissionProblemReported: { owner: 'reportedBy', paths: ['statement'] },
  MissionAppreciated: { owner: 'clientId', paths: ['comment'] },
  MissionRecommended: { owner: 'clientId', paths: ['text'] },
} as const satisfies Partial<Record<MissionEvent['type'], MissionPersonalFields>>;

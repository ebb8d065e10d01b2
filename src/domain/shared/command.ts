export const PARTY_ROLES = ['client', 'provider', 'volunteer', 'association'] as const;
export const STAFF_ROLES = ['mediator', 'finance', 'admin'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
/** `system` is a worker acting on a recorded deadline, never a person. */
export type ActorRole = PartyRole | StaffRole | 'system';

/** Who issues a command and when: deciders never read the clock. */
export interface CommandMeta {
  /** ISO-8601 instant. */
  now: string;
  actorId: string;
  actorRole: ActorRole;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly meta: CommandMeta;
}

export function isStaff(role: ActorRole): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

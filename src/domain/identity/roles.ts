import { PARTY_ROLES, PartyRole, STAFF_ROLES, StaffRole } from '../shared';
import {
  notAStaffRole,
  rolesRequired,
  staffRoleNotSelfAssignable,
  unknownRole,
} from './account.errors';

export type Role = PartyRole | StaffRole;
export const ROLES: readonly Role[] = [...PARTY_ROLES, ...STAFF_ROLES];

export const ROLE_LABELS: Record<Role, string> = {
  client: 'Client',
  provider: 'Prestataire',
  volunteer: 'Bénévole',
  association: 'Association',
  mediator: 'Médiateur',
  finance: 'Finance',
  admin: 'Administrateur',
};

export function isPartyRole(value: unknown): value is PartyRole {
  return (PARTY_ROLES as readonly unknown[]).includes(value);
}

export function isStaffRole(value: unknown): value is StaffRole {
  return (STAFF_ROLES as readonly unknown[]).includes(value);
}

export function parseRole(value: unknown): Role {
  if (isPartyRole(value) || isStaffRole(value)) return value;
  throw unknownRole(value);
}

/** A role a person may take for themselves: never a staff role. */
export function parsePartyRole(value: unknown): PartyRole {
  const role = parseRole(value);
  if (!isPartyRole(role)) throw staffRoleNotSelfAssignable(role);
  return role;
}

/** A role only an administrator hands out. */
export function parseStaffRole(value: unknown): StaffRole {
  const role = parseRole(value);
  if (!isStaffRole(role)) throw notAStaffRole(role);
  return role;
}

/** The first roles chosen at sign-up: non-empty, party roles only, duplicates dropped. */
export function parseRegistrationRoles(value: unknown): PartyRole[] {
  if (!Array.isArray(value) || value.length === 0) throw rolesRequired();
  const roles: PartyRole[] = [];
  for (const item of value) {
    const role = parsePartyRole(item);
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

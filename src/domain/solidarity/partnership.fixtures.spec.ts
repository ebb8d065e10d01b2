import type { ActorRole } from '../shared';
import type { PartnershipCommand } from './partnership.commands';
import type {
  AssociationPartnershipEnded,
  AssociationPartnershipGranted,
} from './partnership.events';

/** Givens of the partnership specs (not a test file: jest runs only `*.unit.spec.ts`). */

export const ASSOCIATION_ID = 'assoc-1';
export const ADMIN_ID = 'admin-1';
export const NOW = '2026-03-02T10:00:00.000Z';
export const LATER = '2026-05-01T10:00:00.000Z';
export const meta = (role: ActorRole = 'admin', now = NOW) => ({
  now,
  actorId: ADMIN_ID,
  actorRole: role,
});
export const VERIFIED = { verified: true, officialName: 'Les Restos du Cœur de Lyon' };

export const grant = (
  data: Partial<Extract<PartnershipCommand, { type: 'GrantPartnership' }>['data']> = {},
  role: ActorRole = 'admin',
  now = NOW,
): PartnershipCommand => ({
  type: 'GrantPartnership',
  data: { associationId: ASSOCIATION_ID, note: 'Banque alimentaire', standing: VERIFIED, ...data },
  meta: meta(role, now),
});
export const end = (
  reason: unknown = 'Activité cessée',
  role: ActorRole = 'admin',
): PartnershipCommand => ({
  type: 'EndPartnership',
  data: { associationId: ASSOCIATION_ID, reason },
  meta: meta(role, LATER),
});

export const granted = (at = NOW): AssociationPartnershipGranted => ({
  type: 'AssociationPartnershipGranted',
  data: {
    associationId: ASSOCIATION_ID,
    name: 'Les Restos du Cœur de Lyon',
    note: 'Banque alimentaire',
    grantedBy: ADMIN_ID,
    grantedAt: at,
  },
});
export const ended: AssociationPartnershipEnded = {
  type: 'AssociationPartnershipEnded',
  data: {
    associationId: ASSOCIATION_ID,
    reason: 'Activité cessée',
    endedBy: ADMIN_ID,
    endedAt: LATER,
  },
};

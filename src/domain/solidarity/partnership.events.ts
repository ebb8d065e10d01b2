import { DomainEvent, EventVersions } from '../shared';

/**
 * Which verified associations are partners of the solidarity pot (seed 000: "5 % de notre chiffre
 * d'affaires est reversé chaque mois aux associations partenaires, selon les votes des
 * utilisateurs"), one stream per association `partnership-<associationId>` (docs/solidarity.md).
 * Staff grant a partnership only to an association account whose verification is approved.
 * An association is a partner for a month's vote and share if it is a partner when the month closes.
 */
export const PARTNERSHIP_CATEGORY = 'partnership';
export const partnershipStream = (associationId: string): string =>
  `${PARTNERSHIP_CATEGORY}-${associationId}`;

export type AssociationPartnershipGranted = DomainEvent<
  'AssociationPartnershipGranted',
  {
    associationId: string;
    /** The association's public name as verified (shown on the vote page and the monthly report). */
    name: string;
    /** Why staff chose it (shown to staff only). */
    note: string | null;
    grantedBy: string;
    grantedAt: string;
  }
>;

export type AssociationPartnershipEnded = DomainEvent<
  'AssociationPartnershipEnded',
  { associationId: string; reason: string; endedBy: string; endedAt: string }
>;

export type PartnershipEvent = AssociationPartnershipGranted | AssociationPartnershipEnded;

export const PARTNERSHIP_EVENT_VERSIONS: EventVersions<PartnershipEvent['type']> = {
  AssociationPartnershipGranted: 1,
  AssociationPartnershipEnded: 1,
};

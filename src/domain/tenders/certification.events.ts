import { DomainEvent, EventVersions } from '../shared';

/**
 * A provider's certification "Prestataire Certifié" (seed 003, the SCP questions), one stream per
 * provider `certification-<providerId>` (docs/tenders-certification.md). Client references are
 * asked by e-mail (a link with a single-use token; only its SHA-256 is stored), confirm or decline,
 * then the SCP (staff, role admin) approves or refuses each confirmed one with a reason. The
 * provider is certified by 3 approved references, or by reputation: client reviews of finished
 * projects, each counted here once.
 */
export const CERTIFICATION_CATEGORY = 'certification';
export const certificationStream = (providerId: string): string =>
  `${CERTIFICATION_CATEGORY}-${providerId}`;

export const CERTIFICATION_BASES = ['references', 'reputation'] as const;
export type CertificationBasis = (typeof CERTIFICATION_BASES)[number];

/** The reference's contact details: personal data, encrypted with the provider's key. */
export interface ReferenceContact {
  name: string;
  email: string;
}

export type CertificationReferenceAdded = DomainEvent<
  'CertificationReferenceAdded',
  {
    providerId: string;
    referenceId: string;
    /** Encrypted in the log (see certification.personal-data.ts). */
    contact: ReferenceContact;
    company: string;
    /** What the provider did for this client. */
    work: string;
    year: number;
    tokenHash: string;
    linkExpiresAt: string;
    addedAt: string;
  }
>;

/** A new link replaces the one before ("mon client n'a pas reçu le mail"). */
export type CertificationReferenceLinkResent = DomainEvent<
  'CertificationReferenceLinkResent',
  {
    providerId: string;
    referenceId: string;
    tokenHash: string;
    linkExpiresAt: string;
    resentAt: string;
  }
>;

export type CertificationReferenceConfirmed = DomainEvent<
  'CertificationReferenceConfirmed',
  { providerId: string; referenceId: string; comment: string | null; confirmedAt: string }
>;

export type CertificationReferenceDeclined = DomainEvent<
  'CertificationReferenceDeclined',
  { providerId: string; referenceId: string; comment: string | null; declinedAt: string }
>;

export type CertificationReferenceApproved = DomainEvent<
  'CertificationReferenceApproved',
  {
    providerId: string;
    referenceId: string;
    reason: string | null;
    approvedBy: string;
    approvedAt: string;
  }
>;

/** The SCP's reason is shown to the provider. */
export type CertificationReferenceRefused = DomainEvent<
  'CertificationReferenceRefused',
  { providerId: string; referenceId: string; reason: string; refusedBy: string; refusedAt: string }
>;

/** A client's review of a finished project, counted once towards the reputation path. */
export type CertificationReviewCounted = DomainEvent<
  'CertificationReviewCounted',
  { providerId: string; projectId: string; rating: number; countedAt: string }
>;

export type ProviderCertified = DomainEvent<
  'ProviderCertified',
  {
    providerId: string;
    basis: CertificationBasis;
    /** The approved references that made it (basis `references`), else empty. */
    referenceIds: string[];
    /** The reputation at that instant: client-reviewed finished projects and their average. */
    reviewedProjects: number;
    averageRating: number | null;
    certifiedAt: string;
  }
>;

export type ProviderCertificationWithdrawn = DomainEvent<
  'ProviderCertificationWithdrawn',
  { providerId: string; reason: string; withdrawnBy: string; withdrawnAt: string }
>;

export type CertificationEvent =
  | CertificationReferenceAdded
  | CertificationReferenceLinkResent
  | CertificationReferenceConfirmed
  | CertificationReferenceDeclined
  | CertificationReferenceApproved
  | CertificationReferenceRefused
  | CertificationReviewCounted
  | ProviderCertified
  | ProviderCertificationWithdrawn;

export const CERTIFICATION_EVENT_VERSIONS: EventVersions<CertificationEvent['type']> = {
  CertificationReferenceAdded: 1,
  CertificationReferenceLinkResent: 1,
  CertificationReferenceConfirmed: 1,
  CertificationReferenceDeclined: 1,
  CertificationReferenceApproved: 1,
  CertificationReferenceRefused: 1,
  CertificationReviewCounted: 1,
  ProviderCertified: 1,
  ProviderCertificationWithdrawn: 1,
};

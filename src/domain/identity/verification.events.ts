import { DomainEvent, EventVersions } from '../shared';

/** Seed 001, "Quelles sont les vérifications effectuées auprès des vendeurs ?". */
export const DOCUMENT_KINDS = [
  'kbis_or_cfe',
  'rib',
  'urssaf_vigilance',
  'tax_compliance',
  'rc_pro',
  'dpae',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Calendar months an approved document stays valid; `null` never expires. */
export const DOCUMENT_VALIDITY_MONTHS: Record<DocumentKind, number | null> = {
  kbis_or_cfe: null,
  rib: null,
  urssaf_vigilance: 6,
  tax_compliance: 6,
  rc_pro: 12,
  dpae: null,
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  kbis_or_cfe: 'Extrait Kbis ou certificat de dépôt au CFE',
  rib: 'RIB',
  urssaf_vigilance: 'Attestation de vigilance URSSAF',
  tax_compliance: 'Attestation de régularité fiscale',
  rc_pro: 'Attestation de responsabilité civile professionnelle',
  dpae: 'Déclaration préalable à l’embauche (portage salarial)',
};

export type DocumentSubmitted = DomainEvent<
  'DocumentSubmitted',
  {
    providerId: string;
    documentId: string;
    kind: DocumentKind;
    /** Opaque key of the stored file; the file itself never enters the log. */
    uploadRef: string;
    submittedAt: string;
  }
>;

export type DocumentApproved = DomainEvent<
  'DocumentApproved',
  {
    providerId: string;
    documentId: string;
    kind: DocumentKind;
    reviewedBy: string;
    approvedAt: string;
    /** Computed once from the kind at approval, so a later change of rules never moves it. */
    expiresAt: string | null;
  }
>;

export type DocumentRejected = DomainEvent<
  'DocumentRejected',
  {
    providerId: string;
    documentId: string;
    kind: DocumentKind;
    reviewedBy: string;
    reason: string;
    rejectedAt: string;
  }
>;

export type DocumentExpired = DomainEvent<
  'DocumentExpired',
  { providerId: string; documentId: string; kind: DocumentKind; expiredAt: string }
>;

/** Salary portage makes the DPAE a required document. */
export type SalaryPortageDeclared = DomainEvent<
  'SalaryPortageDeclared',
  { providerId: string; salaryPortage: boolean; declaredAt: string }
>;

export type VerificationEvent =
  DocumentSubmitted | DocumentApproved | DocumentRejected | DocumentExpired | SalaryPortageDeclared;

/** Stored schema version per event type; raise one only with an upcaster (docs/event-store.md). */
export const VERIFICATION_EVENT_VERSIONS: EventVersions<VerificationEvent['type']> = {
  DocumentSubmitted: 1,
  DocumentApproved: 1,
  DocumentRejected: 1,
  DocumentExpired: 1,
  SalaryPortageDeclared: 1,
};

export const verificationStreamName = (providerId: string): string => `verification-${providerId}`;

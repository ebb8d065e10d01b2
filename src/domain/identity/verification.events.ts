import { DomainEvent, EventVersions } from '../shared';
import type { Address } from './profile';

/** Seed 001, "Quelles sont les vérifications effectuées auprès des vendeurs ?". */
export const DOCUMENT_KINDS = [
  'kbis_or_cfe',
  'rib',
  'urssaf_vigilance',
  'tax_compliance',
  'rc_pro',
  'dpae',
] as const;
export type ProviderDocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * An association's documents (issue 18): its statutes, and the prefecture's declaration receipt or
 * an extract of the RNA (Répertoire national des associations). Both are required; neither expires.
 */
export const ASSOCIATION_DOCUMENT_KINDS = [
  'association_statutes',
  'association_registration_receipt',
] as const;
export type AssociationDocumentKind = (typeof ASSOCIATION_DOCUMENT_KINDS)[number];

export type DocumentKind = ProviderDocumentKind | AssociationDocumentKind;

/** Whose file a document belongs to: the provider's (the default) or the association's. */
export type VerificationSubject = 'provider' | 'association';

/** Calendar months an approved document stays valid; `null` never expires. */
export const DOCUMENT_VALIDITY_MONTHS: Record<DocumentKind, number | null> = {
  kbis_or_cfe: null,
  rib: null,
  urssaf_vigilance: 6,
  tax_compliance: 6,
  rc_pro: 12,
  dpae: null,
  association_statutes: null,
  association_registration_receipt: null,
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  kbis_or_cfe: 'Extrait Kbis ou certificat de dépôt au CFE',
  rib: 'RIB',
  urssaf_vigilance: 'Attestation de vigilance URSSAF',
  tax_compliance: 'Attestation de régularité fiscale',
  rc_pro: 'Attestation de responsabilité civile professionnelle',
  dpae: 'Déclaration préalable à l’embauche (portage salarial)',
  association_statutes: 'Statuts de l’association',
  association_registration_receipt: 'Récépissé de déclaration en préfecture ou extrait du RNA',
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

/**
 * An association's registration details (issue 18), declared or corrected by the association
 * account. They are the association's public identity, not personal data; only the contact
 * person's name is, so it sits under `data.personal` (encrypted with the account's key).
 */
export interface AssociationRegistration {
  /** The official name, as declared at the prefecture. */
  officialName: string;
  /** RNA number: `W` followed by 9 digits. */
  rnaNumber: string;
  /** SIREN (9 digits, Luhn), for an association that has one. */
  siren: string | null;
  /** Registered office (siège social). */
  address: Address;
  /** The association's object, as in its statutes. */
  purpose: string;
}

export type AssociationRegistrationDeclared = DomainEvent<
  'AssociationRegistrationDeclared',
  AssociationRegistration & {
    /** The association account's id (the stream's `providerId`). */
    accountId: string;
    declaredAt: string;
    personal: { contactName: string };
  }
>;

export type VerificationEvent =
  | DocumentSubmitted
  | DocumentApproved
  | DocumentRejected
  | DocumentExpired
  | SalaryPortageDeclared
  | AssociationRegistrationDeclared;

/** Stored schema version per event type; raise one only with an upcaster (docs/event-store.md). */
export const VERIFICATION_EVENT_VERSIONS: EventVersions<VerificationEvent['type']> = {
  DocumentSubmitted: 1,
  DocumentApproved: 1,
  DocumentRejected: 1,
  DocumentExpired: 1,
  SalaryPortageDeclared: 1,
  AssociationRegistrationDeclared: 1,
};

export const verificationStreamName = (providerId: string): string => `verification-${providerId}`;

import { isAtOrAfter } from './calendar';
import { providerNotVerified } from './verification.errors';
import {
  ASSOCIATION_DOCUMENT_KINDS,
  AssociationDocumentKind,
  AssociationRegistration,
  DOCUMENT_KINDS,
  DocumentKind,
} from './verification.events';
import { VerificationState } from './verification.state';

export const EXPIRY_WARNING_DAYS = 15;
const EXPIRY_WARNING_MS = EXPIRY_WARNING_DAYS * 86_400_000;

export interface VerificationStatus {
  verified: boolean;
  /** Required kinds never approved (nothing sent, pending review, or rejected). */
  missing: DocumentKind[];
  /** Required kinds whose approved documents have all expired. */
  expired: DocumentKind[];
  /** Required kinds still valid but whose latest validity ends within 15 days. */
  expiringWithin15Days: DocumentKind[];
}

/** The DPAE is asked for only when the provider works through salary portage. */
export function requiredDocumentKinds(salaryPortage: boolean): DocumentKind[] {
  return DOCUMENT_KINDS.filter((kind) => kind !== 'dpae' || salaryPortage);
}

export interface AssociationVerificationStatus {
  /** Registration details declared and every required association document approved and in date. */
  verified: boolean;
  /** Whether the registration details have been declared. */
  registered: boolean;
  /** The public registration details (no contact person), or null before the declaration. */
  registration: AssociationRegistration | null;
  missing: AssociationDocumentKind[];
  expired: AssociationDocumentKind[];
}

/**
 * An association's verification (issue 18), read from the same file as a provider's: only its
 * registration details and the association kinds count, so one account may hold both files.
 */
export function associationVerificationStatus(
  state: VerificationState,
  now: string,
): AssociationVerificationStatus {
  const documents = state.status === 'tracking' ? Object.values(state.documents) : [];
  const declared = state.status === 'tracking' ? state.association : undefined;
  const missing: AssociationDocumentKind[] = [];
  const expired: AssociationDocumentKind[] = [];
  for (const kind of ASSOCIATION_DOCUMENT_KINDS) {
    const everApproved = documents.filter(
      (d) => d.kind === kind && (d.status === 'approved' || d.status === 'expired'),
    );
    const valid = everApproved.filter(
      (d) => d.status === 'approved' && (d.expiresAt === null || !isAtOrAfter(now, d.expiresAt)),
    );
    if (valid.length === 0) (everApproved.length === 0 ? missing : expired).push(kind);
  }
  const registration: AssociationRegistration | null = declared
    ? {
        officialName: declared.officialName,
        rnaNumber: declared.rnaNumber,
        siren: declared.siren,
        address: declared.address,
        purpose: declared.purpose,
      }
    : null;
  return {
    verified: declared !== undefined && missing.length === 0 && expired.length === 0,
    registered: declared !== undefined,
    registration,
    missing,
    expired,
  };
}

/** Computed from `now`, so a document past its date counts as expired before the worker runs. */
export function verificationStatus(state: VerificationState, now: string): VerificationStatus {
  const documents = state.status === 'tracking' ? Object.values(state.documents) : [];
  const salaryPortage = state.status === 'tracking' && state.salaryPortage;
  const missing: DocumentKind[] = [];
  const expired: DocumentKind[] = [];
  const expiringWithin15Days: DocumentKind[] = [];
  for (const kind of requiredDocumentKinds(salaryPortage)) {
    const everApproved = documents.filter(
      (d) => d.kind === kind && (d.status === 'approved' || d.status === 'expired'),
    );
    const valid = everApproved.filter(
      (d) => d.status === 'approved' && (d.expiresAt === null || !isAtOrAfter(now, d.expiresAt)),
    );
    if (valid.length === 0) {
      (everApproved.length === 0 ? missing : expired).push(kind);
      continue;
    }
    if (valid.some((d) => d.expiresAt === null)) continue;
    // The newest renewal counts: an older copy about to lapse is no reason to warn.
    const lastsUntil = Math.max(...valid.map((d) => Date.parse(d.expiresAt as string)));
    if (lastsUntil - Date.parse(now) <= EXPIRY_WARNING_MS) expiringWithin15Days.push(kind);
  }
  return {
    verified: missing.length === 0 && expired.length === 0,
    missing,
    expired,
    expiringWithin15Days,
  };
}

/**
 * For the application services that let a provider publish an offer or accept work:
 * 403 `PROVIDER_NOT_VERIFIED` with `details.missingDocuments` (missing and expired kinds).
 */
export function assertProviderVerified(state: VerificationState, now: string): void {
  const status = verificationStatus(state, now);
  if (!status.verified) throw providerNotVerified(status.missing, status.expired);
}

import { CommandMeta } from '../shared';
import { VerificationCommand } from './verification.commands';
import {
  DOCUMENT_VALIDITY_MONTHS,
  DocumentApproved,
  DocumentKind,
  DocumentSubmitted,
  AssociationRegistrationDeclared,
  SalaryPortageDeclared,
} from './verification.events';
import { addCalendarMonths } from './calendar';
import { IN_A_DAY, NOW } from './identity.fixtures.spec';

/** Givens of the verification specs (not a test file: jest runs only `*.unit.spec.ts`). */

export const PROVIDER_ID = 'prov-1';
export const MEDIATOR_ID = 'med-1';

export const provider = (now = NOW): CommandMeta => ({
  now,
  actorId: PROVIDER_ID,
  actorRole: 'provider',
});
export const mediator = (now = NOW): CommandMeta => ({
  now,
  actorId: MEDIATOR_ID,
  actorRole: 'mediator',
});

export const submitted = (
  kind: DocumentKind,
  documentId = `doc-${kind}`,
  at = NOW,
): DocumentSubmitted => ({
  type: 'DocumentSubmitted',
  data: {
    providerId: PROVIDER_ID,
    documentId,
    kind,
    uploadRef: `uploads/${documentId}.pdf`,
    submittedAt: at,
  },
});

export const approved = (
  kind: DocumentKind,
  documentId = `doc-${kind}`,
  at = NOW,
): DocumentApproved => {
  const months = DOCUMENT_VALIDITY_MONTHS[kind];
  return {
    type: 'DocumentApproved',
    data: {
      providerId: PROVIDER_ID,
      documentId,
      kind,
      reviewedBy: MEDIATOR_ID,
      approvedAt: at,
      expiresAt: months === null ? null : addCalendarMonths(at, months),
    },
  };
};

/** Submitted then approved at `at`. */
export const valid = (kind: DocumentKind, documentId = `doc-${kind}`, at = NOW) => [
  submitted(kind, documentId, at),
  approved(kind, documentId, at),
];

export const submit = (
  kind: string,
  documentId = `doc-${kind}`,
  uploadRef = `uploads/${documentId}.pdf`,
  meta = provider(),
): VerificationCommand => ({
  type: 'SubmitDocument',
  data: { providerId: PROVIDER_ID, documentId, kind, uploadRef },
  meta,
});
export const approve = (
  documentId: string,
  meta: CommandMeta = mediator(IN_A_DAY),
): VerificationCommand => ({
  type: 'ApproveDocument',
  data: { documentId },
  meta,
});
export const reject = (
  documentId: string,
  reason: string,
  meta: CommandMeta = mediator(IN_A_DAY),
): VerificationCommand => ({
  type: 'RejectDocument',
  data: { documentId, reason },
  meta,
});
export const expire = (documentId: string, meta: CommandMeta): VerificationCommand => ({
  type: 'ExpireDocument',
  data: { documentId },
  meta,
});
export const declare = (salaryPortage: boolean, meta = provider()): VerificationCommand => ({
  type: 'DeclareSalaryPortage',
  data: { providerId: PROVIDER_ID, salaryPortage },
  meta,
});
export const portageDeclared = (salaryPortage: boolean): SalaryPortageDeclared => ({
  type: 'SalaryPortageDeclared',
  data: { providerId: PROVIDER_ID, salaryPortage, declaredAt: NOW },
});

/** An association's registration details, declared by the account `PROVIDER_ID` (issue 18). */
export const associationDeclared = (at = NOW): AssociationRegistrationDeclared => ({
  type: 'AssociationRegistrationDeclared',
  data: {
    accountId: PROVIDER_ID,
    officialName: 'Les Restos du Cœur de Lyon',
    rnaNumber: 'W691234567',
    siren: '775672272',
    address: {
      line1: '12 rue des Lilas',
      line2: null,
      postalCode: '69003',
      city: 'Lyon',
      country: 'FR',
    },
    purpose: 'Aide alimentaire.',
    declaredAt: at,
    personal: { contactName: 'Camille Martin' },
  },
});

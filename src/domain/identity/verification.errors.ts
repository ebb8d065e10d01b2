import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared';
import { DocumentKind } from './verification.events';

export const VERIFICATION_ERROR_CODES = {
  // 400
  UNKNOWN_DOCUMENT_KIND: 'UNKNOWN_DOCUMENT_KIND',
  INVALID_DOCUMENT_ID: 'INVALID_DOCUMENT_ID',
  INVALID_UPLOAD_REF: 'INVALID_UPLOAD_REF',
  INVALID_SALARY_PORTAGE: 'INVALID_SALARY_PORTAGE',
  REJECTION_REASON_REQUIRED: 'REJECTION_REASON_REQUIRED',
  // 403
  NOT_A_PARTY: 'NOT_A_PARTY',
  NOT_A_REVIEWER: 'NOT_A_REVIEWER',
  CANNOT_REVIEW_OWN_DOCUMENT: 'CANNOT_REVIEW_OWN_DOCUMENT',
  SYSTEM_ONLY: 'SYSTEM_ONLY',
  PROVIDER_NOT_VERIFIED: 'PROVIDER_NOT_VERIFIED',
  // 404
  DOCUMENT_NOT_FOUND: 'DOCUMENT_NOT_FOUND',
  // 409
  DOCUMENT_ALREADY_SUBMITTED: 'DOCUMENT_ALREADY_SUBMITTED',
  DOCUMENT_NOT_IN_REVIEW: 'DOCUMENT_NOT_IN_REVIEW',
  DOCUMENT_NOT_APPROVED: 'DOCUMENT_NOT_APPROVED',
  DOCUMENT_DOES_NOT_EXPIRE: 'DOCUMENT_DOES_NOT_EXPIRE',
  DOCUMENT_NOT_YET_EXPIRED: 'DOCUMENT_NOT_YET_EXPIRED',
} as const;
export type VerificationErrorCode =
  (typeof VERIFICATION_ERROR_CODES)[keyof typeof VERIFICATION_ERROR_CODES];

const C = VERIFICATION_ERROR_CODES;

export const unknownDocumentKind = (kind: unknown) =>
  new ValidationError(C.UNKNOWN_DOCUMENT_KIND, 'Unknown document kind', { kind: String(kind) });

export const invalidDocumentId = () =>
  new ValidationError(C.INVALID_DOCUMENT_ID, 'The document id is missing', {
    field: 'documentId',
  });

export const invalidUploadRef = () =>
  new ValidationError(C.INVALID_UPLOAD_REF, 'The uploaded file reference is missing', {
    field: 'uploadRef',
  });

export const invalidSalaryPortage = () =>
  new ValidationError(C.INVALID_SALARY_PORTAGE, 'Answer yes or no', { field: 'salaryPortage' });

export const rejectionReasonRequired = () =>
  new ValidationError(C.REJECTION_REASON_REQUIRED, 'Say why the document is rejected', {
    field: 'reason',
  });

export const notTheProvider = () =>
  new ForbiddenError(C.NOT_A_PARTY, 'Only the provider may manage their documents');

export const notAReviewer = () =>
  new ForbiddenError(C.NOT_A_REVIEWER, 'Only a mediator or an administrator reviews documents');

export const cannotReviewOwnDocument = () =>
  new ForbiddenError(C.CANNOT_REVIEW_OWN_DOCUMENT, 'Staff cannot review their own documents');

export const verificationSystemOnly = () =>
  new ForbiddenError(C.SYSTEM_ONLY, 'Only the platform expires documents');

export const providerNotVerified = (missing: DocumentKind[], expired: DocumentKind[]) =>
  new ForbiddenError(C.PROVIDER_NOT_VERIFIED, 'Required verification documents are missing', {
    missingDocuments: [...missing, ...expired],
    expiredDocuments: [...expired],
  });

export const documentNotFound = (documentId: string) =>
  new NotFoundError(C.DOCUMENT_NOT_FOUND, 'Document not found', { documentId });

export const documentAlreadySubmitted = (documentId: string, currentStatus: string) =>
  new IllegalStateError(C.DOCUMENT_ALREADY_SUBMITTED, 'Another document has this id', {
    documentId,
    currentStatus,
  });

export const documentNotInReview = (documentId: string, currentStatus: string) =>
  new IllegalStateError(C.DOCUMENT_NOT_IN_REVIEW, 'The document has already been reviewed', {
    documentId,
    currentStatus,
  });

export const documentNotApproved = (documentId: string, currentStatus: string) =>
  new IllegalStateError(C.DOCUMENT_NOT_APPROVED, 'Only an approved document expires', {
    documentId,
    currentStatus,
  });

export const documentDoesNotExpire = (documentId: string, currentStatus: string) =>
  new IllegalStateError(C.DOCUMENT_DOES_NOT_EXPIRE, 'This kind of document does not expire', {
    documentId,
    currentStatus,
  });

export const documentNotYetExpired = (
  documentId: string,
  currentStatus: string,
  expiresAt: string,
) =>
  new IllegalStateError(C.DOCUMENT_NOT_YET_EXPIRED, 'The document is still valid', {
    documentId,
    currentStatus,
    expiresAt,
  });

/** Association registration (issue 18). */
export const ASSOCIATION_VERIFICATION_ERROR_CODES = {
  // 400
  INVALID_RNA_NUMBER: 'INVALID_RNA_NUMBER',
  INVALID_SIREN: 'INVALID_SIREN',
  INVALID_ASSOCIATION_FIELD: 'INVALID_ASSOCIATION_FIELD',
} as const;

const A = ASSOCIATION_VERIFICATION_ERROR_CODES;

export const invalidRnaNumber = () =>
  new ValidationError(A.INVALID_RNA_NUMBER, 'An RNA number is W followed by 9 digits', {
    field: 'rnaNumber',
  });

export const invalidSiren = () =>
  new ValidationError(A.INVALID_SIREN, 'A SIREN is 9 digits with a valid check digit', {
    field: 'siren',
  });

export const invalidAssociationField = (field: string, maxLength: number) =>
  new ValidationError(
    A.INVALID_ASSOCIATION_FIELD,
    `The field is missing, too long (at most ${maxLength} characters) or holds control characters`,
    { field, maxLength },
  );

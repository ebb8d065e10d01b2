import type { Command } from '../shared';

/** The stream is `verification-<providerId>`; the provider id is the account id. */
export type SubmitDocument = Command<
  'SubmitDocument',
  {
    providerId: string;
    documentId: string;
    kind: string;
    uploadRef: string;
    /** `association` takes the association's kinds; absent or `provider`, the provider's. */
    subject?: 'provider' | 'association';
  }
>;
export type DeclareSalaryPortage = Command<
  'DeclareSalaryPortage',
  { providerId: string; salaryPortage: boolean }
>;
export type ApproveDocument = Command<'ApproveDocument', { documentId: string }>;
export type RejectDocument = Command<'RejectDocument', { documentId: string; reason: string }>;
export type ExpireDocument = Command<'ExpireDocument', { documentId: string }>;

/** Raw input, checked by the decider; `siren` absent or null when the association has none. */
export type DeclareAssociationRegistration = Command<
  'DeclareAssociationRegistration',
  {
    accountId: string;
    officialName: unknown;
    rnaNumber: unknown;
    siren?: unknown;
    address: unknown;
    purpose: unknown;
    contactName: unknown;
  }
>;

export type VerificationCommand =
  | SubmitDocument
  | DeclareSalaryPortage
  | ApproveDocument
  | RejectDocument
  | ExpireDocument
  | DeclareAssociationRegistration;

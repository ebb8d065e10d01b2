import type { Command } from '../shared';

/** The stream is `verification-<providerId>`; the provider id is the account id. */
export type SubmitDocument = Command<
  'SubmitDocument',
  { providerId: string; documentId: string; kind: string; uploadRef: string }
>;
export type DeclareSalaryPortage = Command<
  'DeclareSalaryPortage',
  { providerId: string; salaryPortage: boolean }
>;
export type ApproveDocument = Command<'ApproveDocument', { documentId: string }>;
export type RejectDocument = Command<'RejectDocument', { documentId: string; reason: string }>;
export type ExpireDocument = Command<'ExpireDocument', { documentId: string }>;

export type VerificationCommand =
  SubmitDocument | DeclareSalaryPortage | ApproveDocument | RejectDocument | ExpireDocument;

import type { Command } from '../shared';

/** The provider names a client reference; the handler draws the token and passes its hash. */
export type AddCertificationReference = Command<
  'AddCertificationReference',
  {
    providerId: string;
    referenceId: string;
    name: unknown;
    email: unknown;
    company: unknown;
    work: unknown;
    year: unknown;
    tokenHash: string;
  }
>;

export type ResendCertificationReference = Command<
  'ResendCertificationReference',
  { providerId: string; referenceId: string; tokenHash: string }
>;

/** The reference answers through the public link (no account): the token's hash must match. */
export type AnswerCertificationReference = Command<
  'AnswerCertificationReference',
  {
    providerId: string;
    referenceId: string;
    tokenHash: string;
    answer: 'confirm' | 'decline';
    comment?: unknown;
  }
>;

/** The SCP (admin) approves or refuses a confirmed reference; a refusal needs a reason. */
export type ReviewCertificationReference = Command<
  'ReviewCertificationReference',
  { providerId: string; referenceId: string; decision: 'approve' | 'refuse'; reason?: unknown }
>;

/** A client reviewed a finished project of the provider (sent by the reviews reactor). */
export type CountCertificationReview = Command<
  'CountCertificationReview',
  { providerId: string; projectId: string; rating: number }
>;

export type WithdrawCertification = Command<
  'WithdrawCertification',
  { providerId: string; reason: unknown }
>;

export type CertificationCommand =
  | AddCertificationReference
  | ResendCertificationReference
  | AnswerCertificationReference
  | ReviewCertificationReference
  | CountCertificationReview
  | WithdrawCertification;

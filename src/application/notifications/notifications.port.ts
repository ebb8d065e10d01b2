/**
 * The one port every e-mail of the platform goes through (confirmation, reset, order events...).
 * Inject `Notifications` (a global provider of the identity module).
 */
export interface NotificationRecipient {
  /** The account to write to; its current e-mail is looked up at send time. */
  accountId?: string;
  /** An explicit address; when both are given the address wins and the account links the row for erasure. */
  email?: string;
}

export interface NotificationRequest {
  to: NotificationRecipient;
  /** Stable template name, `<context>.<name>`, e.g. `identity.email_confirmation`. */
  template: string;
  /** Template values; plain JSON, kept in the outbox and shown to staff, so never a secret. */
  data: Record<string, unknown>;
  /**
   * Values only the recipient's mailbox may read (single-use codes): rendered into the message at
   * send time, never stored, listed or logged in production.
   */
  secrets?: Record<string, string>;
  /** Derived from the event that caused the e-mail, so a retried handler never sends twice. */
  idempotencyKey: string;
}

export type NotificationStatus = 'queued' | 'sent' | 'failed';

export interface NotificationReceipt {
  notificationId: string;
  status: NotificationStatus;
  /** True when an earlier call with the same idempotency key already recorded it. */
  duplicate: boolean;
}

/** What the outbox keeps of a notification: its secrets are never part of it. */
export interface NotificationRecord {
  notificationId: string;
  idempotencyKey: string;
  template: string;
  recipientAccountId: string | null;
  recipientEmail: string | null;
  data: Record<string, unknown>;
  channel: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  redactedAt: string | null;
}

export interface NotificationFilter {
  template?: string;
  recipientAccountId?: string;
  status?: NotificationStatus;
  limit: number;
  /** Rows created strictly before this instant (keyset paging). */
  before?: string;
}

export abstract class Notifications {
  abstract send(request: NotificationRequest): Promise<NotificationReceipt>;
  abstract list(filter: NotificationFilter): Promise<NotificationRecord[]>;
  /** Erasure: drops the address and template data of every notification to this account. */
  abstract forgetRecipient(accountId: string): Promise<void>;
}

/** Resolves an account's current e-mail address; implemented by the identity context. */
export abstract class RecipientDirectory {
  abstract emailOf(accountId: string): Promise<string | null>;
}

export class NoRecipientError extends Error {
  readonly code = 'NO_RECIPIENT';
  constructor(readonly accountId: string | undefined) {
    super(`No e-mail address for ${accountId ?? 'an unnamed recipient'}`);
    this.name = 'NoRecipientError';
  }
}

import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  NoRecipientError,
  NotificationFilter,
  NotificationReceipt,
  NotificationRecord,
  NotificationRequest,
  Notifications,
  NotificationStatus,
  RecipientDirectory,
} from '../../application/notifications/notifications.port';
import { renderNotification } from './notification-templates';

/** Delivers one rendered e-mail; the SMTP adapter implements it. */
export interface MailTransport {
  readonly channel: string;
  deliver(message: { to: string; subject: string; text: string; messageId: string }): Promise<void>;
}

const NO_TRANSPORT = 'no mail transport: SMTP_URL is not set';

interface OutboxRow {
  notification_id: string;
  idempotency_key: string;
  template: string;
  recipient_account_id: string | null;
  recipient_email: string | null;
  data: Record<string, unknown>;
  channel: string;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  redacted_at: Date | null;
}

/**
 * Every notification is first recorded in `notification_outbox` (one row per idempotency key),
 * then handed to the transport at once; the row says `sent` or `failed`. The row keeps the
 * template data but never the request's `secrets`: they live in memory only until the message is
 * rendered and handed over, so the recipient's mailbox is the only place a code can be read.
 * Without a transport (production without SMTP) the row is `failed`: nothing can carry the code.
 */
export class OutboxNotifications extends Notifications {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly pool: Pool,
    private readonly recipients: RecipientDirectory,
    private readonly transport: MailTransport | null = null,
  ) {
    super();
  }

  async send(request: NotificationRequest): Promise<NotificationReceipt> {
    const email =
      request.to.email ??
      (request.to.accountId ? await this.recipients.emailOf(request.to.accountId) : null);
    if (!email) throw new NoRecipientError(request.to.accountId);
    const id = randomUUID();
    const { rows } = await this.pool.query<{ notification_id: string; status: NotificationStatus }>(
      `INSERT INTO notification_outbox (notification_id, idempotency_key, template, recipient_account_id, recipient_email, data, channel, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued')
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING notification_id, status`,
      [
        id,
        request.idempotencyKey,
        request.template,
        request.to.accountId ?? null,
        email,
        JSON.stringify(request.data),
        this.transport?.channel ?? 'none',
      ],
    );
    if (rows.length === 0) {
      const existing = await this.pool.query<{
        notification_id: string;
        status: NotificationStatus;
      }>('SELECT notification_id, status FROM notification_outbox WHERE idempotency_key = $1', [
        request.idempotencyKey,
      ]);
      return {
        notificationId: existing.rows[0].notification_id,
        status: existing.rows[0].status,
        duplicate: true,
      };
    }
    return { notificationId: id, status: await this.deliver(id, email, request), duplicate: false };
  }

  async list(filter: NotificationFilter): Promise<NotificationRecord[]> {
    const { rows } = await this.pool.query<OutboxRow>(
      `SELECT * FROM notification_outbox
        WHERE ($1::text IS NULL OR template = $1) AND ($2::uuid IS NULL OR recipient_account_id = $2)
          AND ($3::text IS NULL OR status = $3) AND ($4::timestamptz IS NULL OR created_at < $4)
        ORDER BY created_at DESC, notification_id LIMIT $5`,
      [
        filter.template ?? null,
        filter.recipientAccountId ?? null,
        filter.status ?? null,
        filter.before ?? null,
        filter.limit,
      ],
    );
    return rows.map((r) => ({
      notificationId: r.notification_id,
      idempotencyKey: r.idempotency_key,
      template: r.template,
      recipientAccountId: r.recipient_account_id,
      recipientEmail: r.recipient_email,
      data: r.data,
      channel: r.channel,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      redactedAt: r.redacted_at?.toISOString() ?? null,
    }));
  }

  async forgetRecipient(accountId: string): Promise<void> {
    await this.pool.query(
      `UPDATE notification_outbox SET recipient_email = NULL, data = '{}'::jsonb, last_error = NULL, redacted_at = coalesce(redacted_at, now())
        WHERE recipient_account_id = $1`,
      [accountId],
    );
  }

  /** A failed delivery is recorded, not thrown: the caller's business fact already happened. */
  private async deliver(
    id: string,
    email: string,
    request: NotificationRequest,
  ): Promise<NotificationStatus> {
    if (this.transport === null) return this.recordFailure(id, request.template, NO_TRANSPORT);
    const { subject, text } = renderNotification(request.template, {
      ...request.data,
      ...request.secrets,
    });
    try {
      await this.transport.deliver({
        to: email,
        subject,
        text,
        messageId: `<${id}@notifications.marketplace.local>`,
      });
      await this.pool.query(
        `UPDATE notification_outbox SET status = 'sent', attempts = attempts + 1, sent_at = now() WHERE notification_id = $1`,
        [id],
      );
      return 'sent';
    } catch (error) {
      return this.recordFailure(
        id,
        request.template,
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  private async recordFailure(
    id: string,
    template: string,
    message: string,
  ): Promise<NotificationStatus> {
    this.logger.warn(`delivery of ${template} failed: ${message}`);
    await this.pool.query(
      `UPDATE notification_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE notification_id = $1`,
      [id, message.slice(0, 500)],
    );
    return 'failed';
  }
}

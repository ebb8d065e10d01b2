import { Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { RecipientDirectory } from '../../application/notifications/notifications.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { NotificationOutboxScrubSecrets1732386312000 } from '../database/migrations/identity/1732386312000-notification-outbox-scrub-secrets';
import { LogMailTransport } from './log-mail-transport';
import { mailTransportFor } from './mail-transport';
import { MailTransport, OutboxNotifications } from './outbox-notifications';
import { SmtpMailTransport } from './smtp-mail-transport';

class Directory extends RecipientDirectory {
  constructor(private readonly emails: Record<string, string>) {
    super();
  }
  async emailOf(accountId: string) {
    return this.emails[accountId] ?? null;
  }
}

/** Keeps what it was handed, as a mailbox would. */
class RecordingTransport implements MailTransport {
  readonly channel = 'test';
  readonly delivered: { to: string; subject: string; text: string }[] = [];
  async deliver(message: { to: string; subject: string; text: string }) {
    this.delivered.push(message);
  }
}

describe('OutboxNotifications', () => {
  let db: TestDatabase;
  const accountId = randomUUID();
  const directory = new Directory({ [accountId]: 'camille@example.fr' });
  const code = () => randomBytes(48).toString('base64url');
  /** Every byte the outbox table holds, as text. */
  const wholeTable = async () =>
    JSON.stringify((await db.pool.query('SELECT * FROM notification_outbox')).rows);

  beforeAll(async () => {
    db = await createTestDatabase('mk_int_outbox');
  });
  afterAll(async () => db.drop());

  it('records one row per idempotency key, addressed to the account, and sends it once', async () => {
    const transport = new RecordingTransport();
    const outbox = new OutboxNotifications(db.pool, directory, transport);
    const request = {
      to: { accountId },
      template: 'identity.document_rejected',
      data: { kind: 'rib', reason: 'illisible' },
      idempotencyKey: `k-${randomUUID()}`,
    };
    const first = await outbox.send(request);
    const second = await outbox.send(request);
    expect(first).toMatchObject({ status: 'sent', duplicate: false });
    expect(second).toEqual({
      notificationId: first.notificationId,
      status: 'sent',
      duplicate: true,
    });
    expect(transport.delivered).toHaveLength(1);
    const [row] = await outbox.list({ recipientAccountId: accountId, limit: 10 });
    expect(row).toMatchObject({
      recipientEmail: 'camille@example.fr',
      data: { kind: 'rib', reason: 'illisible' },
      channel: 'test',
      sentAt: expect.any(String),
    });
  });

  it('puts a secret in the message only: neither the table nor the staff listing ever holds it', async () => {
    const transport = new RecordingTransport();
    const outbox = new OutboxNotifications(db.pool, directory, transport);
    const secret = code();
    const sent = await outbox.send({
      to: { accountId },
      template: 'identity.password_reset',
      data: { expiresAt: '2030-01-01T00:00:00.000Z' },
      secrets: { token: secret },
      idempotencyKey: randomUUID(),
    });
    expect(sent.status).toBe('sent');
    expect(transport.delivered.pop()).toMatchObject({
      to: 'camille@example.fr',
      subject: 'Réinitialisation de votre mot de passe',
      text: expect.stringContaining(secret),
    });
    const listed = await outbox.list({ template: 'identity.password_reset', limit: 100 });
    expect(listed.find((r) => r.notificationId === sent.notificationId)).toMatchObject({
      data: { expiresAt: '2030-01-01T00:00:00.000Z' },
      status: 'sent',
    });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(await wholeTable()).not.toContain(secret);
  });

  it('refuses a notification with nobody to send it to', async () => {
    const outbox = new OutboxNotifications(db.pool, directory);
    await expect(
      outbox.send({
        to: { accountId: randomUUID() },
        template: 't',
        data: {},
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'NO_RECIPIENT' });
  });

  it('sends through SMTP (nodemailer) when a transport is configured, and records failures', async () => {
    const smtp = new SmtpMailTransport(
      { jsonTransport: true },
      'Marketplace <no-reply@marketplace.local>',
    );
    const secret = code();
    const sent = await new OutboxNotifications(db.pool, directory, smtp).send({
      to: { email: 'dominique@example.fr' },
      template: 'identity.email_confirmation',
      data: { expiresAt: '2030-01-01T00:00:00.000Z' },
      secrets: { token: secret },
      idempotencyKey: randomUUID(),
    });
    expect(sent.status).toBe('sent');
    const broken: MailTransport = {
      channel: 'smtp',
      deliver: async () => Promise.reject(new Error('connection refused')),
    };
    const failed = await new OutboxNotifications(db.pool, directory, broken).send({
      to: { accountId },
      template: 'identity.email_confirmation',
      data: {},
      secrets: { token: secret },
      idempotencyKey: randomUUID(),
    });
    expect(failed.status).toBe('failed');
    const [row] = await new OutboxNotifications(db.pool, directory).list({
      status: 'failed',
      limit: 1,
    });
    expect(row).toMatchObject({ lastError: 'connection refused', attempts: 1 });
    // A failed send keeps no code either: the recipient asks for a new one.
    expect(await wholeTable()).not.toContain(secret);
  });

  it('records a mail as failed when no transport is configured (production without SMTP)', async () => {
    const result = await new OutboxNotifications(db.pool, directory, null).send({
      to: { accountId },
      template: 'identity.password_reset',
      data: {},
      secrets: { token: code() },
      idempotencyKey: randomUUID(),
    });
    expect(result.status).toBe('failed');
    const [row] = await new OutboxNotifications(db.pool, directory).list({
      status: 'failed',
      limit: 1,
    });
    expect(row).toMatchObject({ channel: 'none', lastError: expect.stringContaining('SMTP_URL') });
  });

  it('prints mails (codes included) to the log outside production only', () => {
    const base = { SMTP_URL: undefined, MAIL_FROM: 'x <x@example.fr>' };
    expect(mailTransportFor({ ...base, NODE_ENV: 'production' })).toBeNull();
    expect(mailTransportFor({ ...base, NODE_ENV: 'development' })).toBeInstanceOf(LogMailTransport);
    expect(
      mailTransportFor({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' }),
    ).toBeInstanceOf(SmtpMailTransport);
  });

  it('the development log shows the code, so sign-up works without SMTP', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const secret = code();
      await new OutboxNotifications(db.pool, directory, new LogMailTransport()).send({
        to: { accountId },
        template: 'identity.email_confirmation',
        data: {},
        secrets: { token: secret },
        idempotencyKey: randomUUID(),
      });
      expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toContain(secret);
      expect(await wholeTable()).not.toContain(secret);
    } finally {
      log.mockRestore();
    }
  });

  it('the scrub migration removes codes stored in clear by earlier versions', async () => {
    const secret = code();
    const id = randomUUID();
    await db.pool.query(
      `INSERT INTO notification_outbox (notification_id, idempotency_key, template, recipient_account_id, recipient_email, data, channel, status)
       VALUES ($1, $2, 'identity.password_reset', $3, 'camille@example.fr', $4, 'outbox', 'queued')`,
      [id, randomUUID(), accountId, JSON.stringify({ token: secret, expiresAt: '2030-01-01' })],
    );
    const runner = { query: (sql: string, params?: unknown[]) => db.pool.query(sql, params) };
    await new NotificationOutboxScrubSecrets1732386312000().up(runner as unknown as QueryRunner);
    expect(await wholeTable()).not.toContain(secret);
    const { rows } = await db.pool.query(
      'SELECT data FROM notification_outbox WHERE notification_id = $1',
      [id],
    );
    expect(rows[0].data).toEqual({ expiresAt: '2030-01-01' });
  });

  it('forgets the recipient on erasure: no address, no template data', async () => {
    const outbox = new OutboxNotifications(db.pool, directory);
    await outbox.forgetRecipient(accountId);
    const rows = await outbox.list({ recipientAccountId: accountId, limit: 10 });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatchObject({ recipientEmail: null, data: {}, redactedAt: expect.any(String) });
  });
});

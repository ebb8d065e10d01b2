import { randomUUID } from 'node:crypto';
import { RecipientDirectory } from '../../application/notifications/notifications.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
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

describe('OutboxNotifications', () => {
  let db: TestDatabase;
  const accountId = randomUUID();
  const directory = new Directory({ [accountId]: 'camille@example.fr' });
  beforeAll(async () => {
    db = await createTestDatabase('mk_int_outbox');
  });
  afterAll(async () => db.drop());

  it('records one queued row per idempotency key, addressed to the account', async () => {
    const outbox = new OutboxNotifications(db.pool, directory);
    const request = {
      to: { accountId },
      template: 'identity.password_reset',
      data: { token: 'abc' },
      idempotencyKey: `k-${randomUUID()}`,
    };
    const first = await outbox.send(request);
    const second = await outbox.send(request);
    expect(first).toMatchObject({ status: 'queued', duplicate: false });
    expect(second).toEqual({
      notificationId: first.notificationId,
      status: 'queued',
      duplicate: true,
    });
    const [row] = await outbox.list({ recipientAccountId: accountId, limit: 10 });
    expect(row).toMatchObject({
      recipientEmail: 'camille@example.fr',
      data: { token: 'abc' },
      channel: 'outbox',
    });
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
    const sent = await new OutboxNotifications(db.pool, directory, smtp).send({
      to: { email: 'dominique@example.fr' },
      template: 'identity.email_confirmation',
      data: { token: 'xyz', expiresAt: '2030-01-01T00:00:00.000Z' },
      idempotencyKey: randomUUID(),
    });
    expect(sent.status).toBe('sent');
    const broken: MailTransport = {
      channel: 'smtp',
      deliver: async () => Promise.reject(new Error('connection refused')),
    };
    const failed = await new OutboxNotifications(db.pool, directory, broken).send({
      to: { accountId },
      template: 't',
      data: {},
      idempotencyKey: randomUUID(),
    });
    expect(failed.status).toBe('failed');
    const [row] = await new OutboxNotifications(db.pool, directory).list({
      status: 'failed',
      limit: 1,
    });
    expect(row).toMatchObject({ lastError: 'connection refused', attempts: 1 });
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

import { Logger } from '@nestjs/common';
import { MailTransport } from './outbox-notifications';

/**
 * Development only (never wired in production): prints each e-mail, codes included, to the log,
 * so a newcomer can confirm an account or reset a password without an SMTP server.
 */
export class LogMailTransport implements MailTransport {
  readonly channel = 'log';
  private readonly logger = new Logger('DevelopmentMail');

  async deliver(message: { to: string; subject: string; text: string }): Promise<void> {
    this.logger.log(`e-mail to ${message.to}: ${message.subject}\n${message.text}`);
  }
}

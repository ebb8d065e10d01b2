import { AppConfig } from '../config/config';
import { LogMailTransport } from './log-mail-transport';
import { MailTransport } from './outbox-notifications';
import { SmtpMailTransport } from './smtp-mail-transport';

/** SMTP when configured; otherwise the log outside production, and nothing in production (codes never reach its logs). */
export function mailTransportFor(
  config: Pick<AppConfig, 'SMTP_URL' | 'MAIL_FROM' | 'NODE_ENV'>,
): MailTransport | null {
  if (config.SMTP_URL) return new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM);
  return config.NODE_ENV === 'production' ? null : new LogMailTransport();
}

import { createTransport, Transporter } from 'nodemailer';
import { MailTransport } from './outbox-notifications';

/** Sends through nodemailer; used when `SMTP_URL` is set. */
export class SmtpMailTransport implements MailTransport {
  readonly channel = 'smtp';
  private readonly transporter: Transporter;

  constructor(
    options: string | Parameters<typeof createTransport>[0],
    private readonly from: string,
  ) {
    this.transporter = createTransport(options);
  }

  async deliver(message: {
    to: string;
    subject: string;
    text: string;
    messageId: string;
  }): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
    });
  }

  close(): void {
    this.transporter.close();
  }
}

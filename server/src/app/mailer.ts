import { createTransport } from 'nodemailer';
import type { Mailer } from '../auth/mailer.js';

/**
 * E-mails through the SMTP server of SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`) with nodemailer, or, when
 * none is configured, printed in the server's log so that an instance without mail can still be entered.
 */
export function createMailer(smtpUrl: string | undefined, from: string, log: (line: string) => void): Mailer {
  if (!smtpUrl) {
    return {
      async send({ to, subject, text }) {
        log(`E-mail not sent (no SMTP_URL configured) — to: ${to} — ${subject}\n${text}`);
      },
    };
  }
  const transport = createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

/** Where the server's e-mails go: an SMTP server when one is configured, the server's log otherwise (app/mailer.ts). */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

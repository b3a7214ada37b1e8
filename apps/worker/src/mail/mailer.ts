import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Resolves with the SMTP message id once the server has accepted the message. */
  send(email: OutgoingEmail): Promise<string>;
  close(): void;
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(email) {
      const info = await transport.sendMail({ from, ...email });
      return info.messageId;
    },
    close: () => transport.close(),
  };
}

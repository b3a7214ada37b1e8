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

/**
 * The server refused the message for good (a 5xx reply): sending again will not help.
 * Its message carries the SMTP code only, because servers echo the recipient's address.
 */
export class DeliveryRefused extends Error {
  constructor(readonly smtpCode: number) {
    super(`the mail server refused the message (SMTP ${smtpCode})`);
    this.name = 'DeliveryRefused';
  }
}

/** The server or network could not take the message now (4xx, connection): try again later. */
export class DeliveryDeferred extends Error {
  constructor(readonly reason: string) {
    super(`delivery deferred (${reason})`);
    this.name = 'DeliveryDeferred';
  }
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(email) {
      try {
        const info = await transport.sendMail({ from, ...email });
        return info.messageId;
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transport.close(),
  };
}

export function classifySmtpError(error: unknown): DeliveryRefused | DeliveryDeferred {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600) {
    return new DeliveryRefused(responseCode);
  }
  return new DeliveryDeferred(
    typeof responseCode === 'number' ? `SMTP ${responseCode}` : (code ?? 'network error'),
  );
}

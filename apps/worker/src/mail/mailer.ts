import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The notification row the email is sent for. Its id becomes the Message-ID, so a message sent
   * again after a crash (between the relay's acceptance and the row marked sent) carries the
   * same Message-ID as the first, and mail systems and clients can drop the duplicate.
   */
  notificationId: string;
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
    async send({ notificationId, ...email }) {
      try {
        const info = await transport.sendMail({
          from,
          ...email,
          messageId: messageIdOf(notificationId, from),
        });
        return info.messageId;
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transport.close(),
  };
}

/** `<notification-id@the sender's domain>`: the same for every attempt at one notification. */
export function messageIdOf(notificationId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'safeguarding.invalid';
  return `<${notificationId}@${domain}>`;
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

import { classifySmtpError, DeliveryDeferred, DeliveryRefused, messageIdOf } from './mailer';

describe('SMTP error classification', () => {
  it('treats a 5xx reply as a permanent refusal, without echoing the server text', () => {
    const error = Object.assign(new Error('550 5.1.1 <margaret@example.org>: unknown user'), {
      responseCode: 550,
    });
    const classified = classifySmtpError(error);
    expect(classified).toBeInstanceOf(DeliveryRefused);
    expect(classified.message).toBe('the mail server refused the message (SMTP 550)');
  });

  it('treats a 4xx reply and connection failures as worth retrying', () => {
    expect(classifySmtpError(Object.assign(new Error('451'), { responseCode: 451 }))).toEqual(
      new DeliveryDeferred('SMTP 451'),
    );
    expect(classifySmtpError(Object.assign(new Error('refused'), { code: 'ECONNECTION' }))).toEqual(
      new DeliveryDeferred('ECONNECTION'),
    );
  });
});

describe('Message-ID', () => {
  it('is the notification id at the sender’s domain, the same for every attempt', () => {
    const id = '7b0c6a52-2f1e-4d7e-9a51-0d5b6f3c9e10';
    expect(messageIdOf(id, 'Safeguarding <no-reply@northshire.gov.uk>')).toBe(
      `<${id}@northshire.gov.uk>`,
    );
    expect(messageIdOf(id, 'reminders@test.example')).toBe(`<${id}@test.example>`);
    expect(messageIdOf(id, 'no address')).toBe(`<${id}@safeguarding.invalid>`);
  });
});

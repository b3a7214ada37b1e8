import { classifySmtpError, DeliveryDeferred, DeliveryRefused } from './mailer';

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

import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, MailDeliveryError } from '../mail/index.js';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher.js';

describe('smtp catcher', () => {
  let catcher: SmtpCatcher | undefined;
  afterEach(async () => {
    await catcher?.close();
    catcher = undefined;
  });

  it('receives a multipart message over real SMTP with its envelope and headers', async () => {
    catcher = await startSmtpCatcher();
    const mailer = createMailer({ mailTransport: catcher.url, mailFrom: 'Tribune <news@example.org>' });
    const receipt = await mailer.send({
      to: 'reader@example.org',
      subject: 'Daily brief',
      text: 'Plain body',
      html: '<p>HTML body</p>',
      headers: { 'List-Unsubscribe': '<https://example.org/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    mailer.close();
    expect(receipt.response).toMatch(/^250/);
    const [message] = await catcher.waitFor((messages) => messages.length === 1);
    expect(message!.from).toBe('news@example.org');
    expect(message!.to).toEqual(['reader@example.org']);
    expect(message!.subject).toBe('Daily brief');
    expect(message!.text.trim()).toBe('Plain body');
    expect(message!.html).toContain('<p>HTML body</p>');
    expect(message!.headers['list-unsubscribe']).toBe('<https://example.org/u/abc>');
    expect(message!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(catcher.messagesTo('READER@example.org')).toHaveLength(1);
  });

  it('rejects chosen recipients with a 5xx (permanent) or a 4xx (temporary) at RCPT', async () => {
    catcher = await startSmtpCatcher();
    const mailer = createMailer({ mailTransport: catcher.url, mailFrom: 'news@example.org' });
    catcher.reject('gone@example.org', 'hard');
    catcher.reject('busy@example.org', 'soft', 1);

    const hard = await mailer.send({ to: 'gone@example.org', subject: 's', text: 't' }).catch((error: unknown) => error);
    expect(hard).toBeInstanceOf(MailDeliveryError);
    expect((hard as MailDeliveryError).permanent).toBe(true);
    expect((hard as MailDeliveryError).responseCode).toBe(550);

    const soft = await mailer.send({ to: 'busy@example.org', subject: 's', text: 't' }).catch((error: unknown) => error);
    expect(soft).toBeInstanceOf(MailDeliveryError);
    expect((soft as MailDeliveryError).permanent).toBe(false);
    expect((soft as MailDeliveryError).responseCode).toBe(451);

    // A soft rejection limited to once: the retry goes through.
    await mailer.send({ to: 'busy@example.org', subject: 's', text: 't' });
    mailer.close();
    expect(catcher.messages.map((message) => message.to[0])).toEqual(['busy@example.org']);
  });

  it('closes cleanly so its port can be reused', async () => {
    catcher = await startSmtpCatcher();
    const { port } = catcher;
    await catcher.close();
    catcher = await startSmtpCatcher({ port });
    expect(catcher.port).toBe(port);
  });
});

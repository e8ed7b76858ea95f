import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
}

/** A message as the file transport stores it: what tests and developers read. */
export interface StoredMail extends MailMessage {
  from: string;
  date: string;
  file: string;
}

/** What the transport reported on acceptance: the server's final reply (e.g. `250 2.0.0 Ok: queued as …`). */
export interface MailReceipt {
  messageId: string;
  response: string;
}

/**
 * The relay refused the message. `permanent` is a 5xx reply (a hard bounce: the address should stop
 * receiving mail); otherwise a 4xx or a connection problem, worth retrying later.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | undefined,
    readonly response: string,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

export interface Mailer {
  send(message: MailMessage): Promise<MailReceipt>;
  close(): void;
}

interface NodemailerError extends Error {
  responseCode?: number;
  response?: string;
  rejectedErrors?: NodemailerError[];
}

function deliveryError(error: NodemailerError): MailDeliveryError {
  // A message to one recipient refused at RCPT arrives as EENVELOPE with the per-recipient reply inside.
  const cause = error.rejectedErrors?.[0] ?? error;
  const code = cause.responseCode ?? error.responseCode;
  return new MailDeliveryError(cause.message || error.message, code !== undefined && code >= 500 && code < 600, code, cause.response ?? error.response ?? '');
}

/**
 * `file:DIR` writes one JSON file per message (development and tests read them); `smtp://` and
 * `smtps://` send through nodemailer's SMTP transport (options such as `?pool=true` go in the URL).
 */
export function createMailer(config: Pick<Config, 'mailTransport' | 'mailFrom'>): Mailer {
  if (config.mailTransport.startsWith('file:')) return fileMailer(config.mailTransport.slice('file:'.length), config.mailFrom);
  const transport = nodemailer.createTransport(config.mailTransport);
  return {
    async send(message) {
      try {
        const info = (await transport.sendMail({ from: config.mailFrom, ...message })) as { messageId?: string; response?: string };
        return { messageId: info.messageId ?? '', response: info.response ?? '' };
      } catch (error) {
        throw deliveryError(error as NodemailerError);
      }
    },
    close() {
      transport.close();
    },
  };
}

function fileMailer(dir: string, from: string): Mailer {
  let counter = 0;
  return {
    async send(message) {
      mkdirSync(dir, { recursive: true });
      counter += 1;
      // Time first so a directory listing is in sending order; written then renamed so a reader never sees half a file.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(counter).padStart(6, '0')}-${randomBytes(4).toString('hex')}.json`;
      const stored = { from, date: new Date().toISOString(), ...message };
      const temporary = join(dir, `.${name}.tmp`);
      writeFileSync(temporary, JSON.stringify(stored, null, 2));
      renameSync(temporary, join(dir, name));
      return { messageId: name, response: `250 stored ${name}` };
    },
    close() {},
  };
}

/** Every message a `file:` transport wrote to DIR, oldest first. */
export function readMailbox(dir: string): StoredMail[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  } catch {
    return [];
  }
  return names.sort().map((file) => ({ ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<StoredMail, 'file'>), file }));
}

/** The folder a `file:DIR` transport writes to, or undefined for SMTP. */
export function mailboxDir(config: Pick<Config, 'mailTransport'>): string | undefined {
  return config.mailTransport.startsWith('file:') ? config.mailTransport.slice('file:'.length) : undefined;
}

import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message as the catcher received it: the SMTP envelope plus the parsed MIME content. */
export interface CaughtMail {
  /** MAIL FROM. */
  from: string;
  /** RCPT TO addresses that were accepted for this message. */
  to: string[];
  subject: string;
  /** Header names lower-cased, values as sent (unfolded, still MIME-encoded if they were). */
  headers: Record<string, string>;
  text: string;
  html: string;
  raw: string;
  receivedAt: Date;
}

export type Rejection = 'hard' | 'soft';

export interface SmtpCatcher {
  port: number;
  /** `smtp://127.0.0.1:PORT` for `TRIBUNE_MAIL_TRANSPORT`. */
  url: string;
  messages: CaughtMail[];
  /** Messages whose envelope includes this address (case-insensitive). */
  messagesTo(address: string): CaughtMail[];
  /** Answer RCPT TO for this address with 550 (`hard`) or 451 (`soft`) until `accept()`; `times` limits soft rejections. */
  reject(address: string, kind: Rejection, times?: number): void;
  accept(address: string): void;
  /** Resolves once `predicate(messages)` holds; checks on every message received. */
  waitFor(predicate: (messages: CaughtMail[]) => boolean, options?: { timeoutMs?: number }): Promise<CaughtMail[]>;
  clear(): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback for tests: the mailer talks to it over TCP exactly as it would to a
 * relay, so delivery, envelope, headers and rejections are the real thing.
 */
export interface CatcherOptions {
  port?: number;
  /**
   * Called with each complete message before the server answers its DATA: `refuse` answers 451 and
   * keeps nothing, as a relay that never confirmed the message (a fault test kills the sender here).
   */
  beforeReply?: (mail: CaughtMail, received: number) => 'accept' | 'refuse' | Promise<'accept' | 'refuse'>;
}

export async function startSmtpCatcher(options: CatcherOptions = {}): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const rejections = new Map<string, { kind: Rejection; remaining: number }>();
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Big sends open many connections; the default cap would turn load into spurious failures.
    maxClients: 1000,
    size: 25 * 1024 * 1024,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const key = address.address.toLowerCase();
      const rejection = rejections.get(key);
      if (rejection) {
        if (rejection.kind === 'soft') {
          rejection.remaining -= 1;
          if (rejection.remaining <= 0) rejections.delete(key);
        }
        const error = new Error(rejection.kind === 'hard' ? `5.1.1 <${address.address}>: mailbox unavailable` : `4.2.1 <${address.address}>: try again later`) as Error & { responseCode: number };
        error.responseCode = rejection.kind === 'hard' ? 550 : 451;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then(async (parsed) => {
            const headers: Record<string, string> = {};
            // Raw header lines, unfolded: mailparser restructures some (List-*) into objects.
            for (const { key, line } of parsed.headerLines) headers[key.toLowerCase()] = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
            const envelopeFrom = session.envelope.mailFrom;
            const mail: CaughtMail = {
              from: envelopeFrom ? envelopeFrom.address : '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              headers,
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              raw: raw.toString('utf8'),
              receivedAt: new Date(),
            };
            if ((await options.beforeReply?.(mail, messages.length)) === 'refuse') {
              const error = new Error('4.3.0 not accepted') as Error & { responseCode: number };
              error.responseCode = 451;
              callback(error);
              return;
            }
            messages.push(mail);
            callback();
            notify();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors on client sockets (a sender killed mid-message) must not crash the test process.
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    messagesTo(address) {
      const wanted = address.toLowerCase();
      return messages.filter((message) => message.to.some((recipient) => recipient.toLowerCase() === wanted));
    },
    reject(address, kind, times = Number.POSITIVE_INFINITY) {
      rejections.set(address.toLowerCase(), { kind, remaining: times });
    },
    accept(address) {
      rejections.delete(address.toLowerCase());
    },
    waitFor(predicate, { timeoutMs = 60_000 } = {}) {
      if (predicate(messages)) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(messages)) return;
          cleanup();
          resolve(messages);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`smtp-catcher: condition not met after ${timeoutMs} ms (${messages.length} messages received)`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
      });
    },
    clear() {
      messages.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

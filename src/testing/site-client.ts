import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { HUNG_AFTER_MS } from './wait.js';

export interface SiteResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Milliseconds from sending to the last byte. */
  ms: number;
  json<T = Record<string, unknown>>(): T;
}

export interface RequestOptions {
  json?: unknown;
  form?: Record<string, string | string[]>;
  /** Raw body with its own content type (malformed JSON, huge bodies). */
  raw?: { body: string | Buffer; type: string };
  headers?: Record<string, string>;
  /** Send the CSRF token this client holds and a browser's Origin/Sec-Fetch-Site (default: on for state-changing methods). */
  csrf?: boolean;
  timeoutMs?: number;
}

const CSRF_META = /<meta name="csrf-token" content="([^"]*)">/;

/**
 * A browser-like HTTP client for loopback tests: keeps its cookies, carries the page's CSRF token, and
 * can send from another loopback address (127.0.0.x) so per-address limits see a different visitor.
 */
export class SiteClient {
  readonly cookies = new Map<string, string>();
  csrf = '';
  private readonly agent: Agent;

  constructor(
    readonly base: string,
    readonly options: { localAddress?: string; maxSockets?: number } = {},
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16, localAddress: options.localAddress });
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<SiteResponse> {
    const url = new URL(path, this.base);
    const headers: Record<string, string> = { accept: 'application/json, text/html;q=0.9', ...options.headers };
    let body: string | Buffer | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.form) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(options.form)) for (const item of [value].flat()) params.append(name, item);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.raw) {
      body = options.raw.body;
      headers['content-type'] = options.raw.type;
    }
    if (options.csrf ?? method !== 'GET') {
      // As a browser sends them on every state-changing request: the server judges the origin by these.
      headers.origin ??= url.origin;
      headers['sec-fetch-site'] ??= 'same-origin';
      if (this.csrf && !headers['x-csrf-token']) headers['x-csrf-token'] = this.csrf;
    }
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const started = performance.now();
    return new Promise<SiteResponse>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent: this.agent, timeout: options.timeoutMs ?? HUNG_AFTER_MS },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            this.keepCookies(res.headers['set-cookie']);
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              ms: performance.now() - started,
              json: <T>() => JSON.parse(text) as T,
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }

  post(path: string, options?: RequestOptions) {
    return this.request('POST', path, options);
  }

  /** Loads a page and keeps its CSRF token, as a browser holding that page would. */
  async loadPage(path = '/login'): Promise<SiteResponse> {
    const page = await this.get(path, { headers: { accept: 'text/html' } });
    // Public pages carry an empty token for visitors without a session (the browser's headers protect them).
    const token = CSRF_META.exec(page.text)?.[1];
    if (token === undefined) throw new Error(`no CSRF token on ${path} (${page.status})`);
    this.csrf = token;
    return page;
  }

  /** Signs in through the login form's JSON answer; the session cookie stays in this client. */
  async signIn(email: string, password: string): Promise<void> {
    await this.loadPage('/login');
    const response = await this.post('/login', { json: { email, password } });
    if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${response.text.slice(0, 200)}`);
    // A signed-in page gives the token bound to this session's CSRF secret.
    await this.loadPage('/');
  }

  /** A guest starting over: no guest cookie, so the next post is a new guest. */
  forgetGuest(): void {
    this.cookies.delete('tribune_guest');
  }

  close(): void {
    this.agent.destroy();
  }

  private keepCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=thu, 01 jan 1970/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The demo newsroom's admin (seeded by `serve --demo`). */
export const DEMO_ADMIN = { email: 'admin@tribune.test', password: 'tribune-demo-admin' } as const;

/** Comment settings as the admin screen's form posts them; unspecified fields keep the defaults. */
export interface CommentSettingsForm {
  guestsAllowed?: boolean;
  maxLength?: number;
  editWindowMinutes?: number;
  autoCloseDays?: number;
  embedOrigins?: string[];
  postsPerMinutePerIp?: number;
  postsPerMinutePerReader?: number;
}

/** Saves the comments box of /admin/settings the way the admin's browser does (form post, 303). */
export async function saveCommentSettings(admin: SiteClient, values: CommentSettingsForm): Promise<void> {
  await admin.loadPage('/admin/settings');
  const form: Record<string, string> = {
    _csrf: admin.csrf,
    maxLength: String(values.maxLength ?? 5000),
    editWindowMinutes: String(values.editWindowMinutes ?? 15),
    autoCloseDays: String(values.autoCloseDays ?? 14),
    embedOrigins: (values.embedOrigins ?? []).join('\n'),
    postsPerMinutePerIp: String(values.postsPerMinutePerIp ?? 10),
    postsPerMinutePerReader: String(values.postsPerMinutePerReader ?? 5),
  };
  if (values.guestsAllowed ?? true) form.guestsAllowed = '1';
  const response = await admin.post('/admin/settings/comments', { form, csrf: false });
  if (response.status !== 303) throw new Error(`saving comment settings failed: ${response.status} ${response.text.slice(0, 300)}`);
}

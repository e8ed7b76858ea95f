import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import type { TestApp, TestIdentity } from '../../testing/test-app.js';

export const PASSWORD = 'correct horse battery staple';
export const SETUP = '/admin/account/two-factor';
export const STEP = '/login/two-factor';

let address = 0;
/** Each sign-in from its own address, so per-address limits never answer in place of the rule under test. */
export function nextAddress(): string {
  address += 1;
  return `10.9.${(address >> 8) & 255}.${address & 255}`;
}

/** The code an authenticator app would show at `at`, computed independently of the server with otpauth. */
export function appCode(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
}

export function form(values: Record<string, string>) {
  return { payload: new URLSearchParams(values).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } };
}

/** `name=value` exactly as the server set it, for the next request's Cookie header. */
export function setCookie(response: LightMyRequestResponse, name: string): string | undefined {
  const headers = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const line = headers.find((header) => header.startsWith(`${name}=`));
  return line?.split(';')[0];
}

/** A browser that holds extra cookies besides its CSRF (and maybe session) cookie. */
export function withCookies(identity: TestIdentity, ...cookies: (string | undefined)[]): TestIdentity {
  return { ...identity, cookie: [identity.cookie, ...cookies.filter(Boolean)].join('; ') };
}

/** Sets up the authenticator app through the setup page, as a person would; returns its secret and recovery codes. */
export async function enrolTotp(t: TestApp, as: TestIdentity): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await t.request({ method: 'POST', url: `${SETUP}/totp`, as, ...form({}) });
  if (start.statusCode !== 303) throw new Error(`setup did not start: ${start.statusCode} ${start.body.slice(0, 300)}`);
  const page = await t.request({ method: 'GET', url: SETUP, as, headers: { accept: 'text/html' } });
  const secret = /data-totp-secret>([A-Z2-7 ]+)</.exec(page.body)?.[1].replace(/ /g, '');
  if (!secret) throw new Error('no secret on the setup page');
  const confirm = await t.request({ method: 'POST', url: `${SETUP}/totp/confirm`, as, ...form({ code: appCode(secret, t.clock.now()) }) });
  if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.statusCode} ${confirm.body.slice(0, 300)}`);
  return { secret, recoveryCodes: recoveryCodesIn(confirm.body) };
}

export function recoveryCodesIn(body: string): string[] {
  return [...body.matchAll(/<li><code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})<\/code><\/li>/g)].map((match) => match[1]);
}

/** The password step, from a fresh browser: the response, and that browser holding whatever it set. */
export async function passwordStep(t: TestApp, email: string, next?: string): Promise<{ response: LightMyRequestResponse; browser: TestIdentity }> {
  const anonymous = t.anonymous();
  const response = await t.request({
    method: 'POST', url: '/login', as: anonymous, remoteAddress: nextAddress(),
    ...form({ email, password: PASSWORD, ...(next ? { next } : {}) }),
  });
  return { response, browser: withCookies(anonymous, setCookie(response, 'tribune_2fa')) };
}

/** The second step with a code (or a recovery code), from the browser that did the password step. */
export function secondStep(t: TestApp, browser: TestIdentity, code: string, kind: 'totp' | 'recovery' = 'totp') {
  return t.request({ method: 'POST', url: kind === 'totp' ? STEP : `${STEP}/recovery`, as: browser, remoteAddress: nextAddress(), ...form({ code }) });
}

/** Whether a response started a session that opens the admin. */
export async function opensAdmin(t: TestApp, response: LightMyRequestResponse): Promise<boolean> {
  const session = setCookie(response, 'tribune_session');
  if (!session || session === 'tribune_session=') return false;
  const admin = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie: session, accept: 'text/html' } });
  return admin.statusCode === 200;
}

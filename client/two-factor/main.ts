// Passkeys on the two-factor pages: adding one on the setup page, and using one as the second step of
// signing in. Everything else on those pages is plain forms that work without this script.
import { browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import type { PasskeyAdded, SecondStepDone } from '../../src/accounts/contract.js';

const SETUP_PATH = '/admin/account/two-factor';
const SIGN_IN_PATH = '/login/two-factor';

function csrf(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) throw new Error(data.message ?? `The server answered ${response.status}.`);
  return data;
}

/** The browser's own errors in words a person can act on. */
function describe(error: unknown): string {
  if (error instanceof WebAuthnError) {
    if (error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'This passkey is already registered on your account.';
    if (error.code === 'ERROR_CEREMONY_ABORTED') return 'Cancelled.';
  }
  if (error instanceof Error && error.name === 'NotAllowedError') return 'Cancelled, or no passkey answered in time.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

function say(status: HTMLElement | null, message: string): void {
  if (status) status.textContent = message;
}

/** Fresh recovery codes from adding the first passkey: shown once, here, before going on. */
function showRecoveryCodes(form: HTMLElement, codes: string[], onward: string): void {
  const box = document.createElement('section');
  box.className = 'card two-factor-codes';
  box.setAttribute('data-recovery-codes', '');
  const title = document.createElement('h2');
  title.textContent = 'Save your recovery codes';
  const text = document.createElement('p');
  text.textContent = 'Each code signs you in once if you lose your passkey. Keep them somewhere safe. They are shown only now.';
  const list = document.createElement('ol');
  list.className = 'two-factor-codes__list';
  for (const code of codes) {
    const item = document.createElement('li');
    const value = document.createElement('code');
    value.textContent = code;
    item.append(value);
    list.append(item);
  }
  const go = document.createElement('a');
  go.className = 'button';
  go.href = onward;
  go.textContent = 'I saved them, continue';
  const paragraph = document.createElement('p');
  paragraph.append(go);
  box.append(title, text, list, paragraph);
  form.replaceWith(box);
  title.tabIndex = -1;
  title.focus();
}

function setUpRegistration(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-passkey-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!browserSupportsWebAuthn()) {
    say(status, 'This browser cannot use passkeys.');
    if (button) button.disabled = true;
    return;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = (form.elements.namedItem('name') as HTMLInputElement | null)?.value.trim() ?? '';
    if (button) button.disabled = true;
    say(status, 'Follow your browser’s prompt…');
    try {
      const optionsJSON = await postJson<Parameters<typeof startRegistration>[0]['optionsJSON']>(`${SETUP_PATH}/passkeys/options`, {});
      const response = await startRegistration({ optionsJSON });
      const result = await postJson<PasskeyAdded>(`${SETUP_PATH}/passkeys`, { name, response });
      const next = form.dataset.next;
      const onward = `${SETUP_PATH}?done=passkey-added${next ? `&next=${encodeURIComponent(next)}` : ''}`;
      if (result.recoveryCodes) showRecoveryCodes(form, result.recoveryCodes, onward);
      else window.location.assign(onward);
    } catch (error) {
      say(status, describe(error));
      if (button) button.disabled = false;
    }
  });
}

function setUpSignIn(box: HTMLElement): void {
  const button = box.querySelector<HTMLButtonElement>('[data-passkey-sign-in-button]');
  const status = box.querySelector<HTMLElement>('[data-passkey-status]');
  if (!button) return;
  if (!browserSupportsWebAuthn()) {
    say(status, 'This browser cannot use passkeys.');
    button.disabled = true;
    return;
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    say(status, 'Follow your browser’s prompt…');
    try {
      const optionsJSON = await postJson<Parameters<typeof startAuthentication>[0]['optionsJSON']>(`${SIGN_IN_PATH}/passkey/options`, {});
      const response = await startAuthentication({ optionsJSON });
      const result = await postJson<SecondStepDone>(`${SIGN_IN_PATH}/passkey`, { response });
      say(status, 'Signed in.');
      window.location.assign(result.next);
    } catch (error) {
      say(status, describe(error));
      button.disabled = false;
    }
  });
}

const registration = document.querySelector<HTMLFormElement>('form[data-passkey-register]');
if (registration) setUpRegistration(registration);
const signIn = document.querySelector<HTMLElement>('[data-passkey-sign-in]');
if (signIn) setUpSignIn(signIn);

import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { addSeconds } from '../../db/time.js';
import { newId } from '../../db/ids.js';
import { twoFactorErrors } from './errors.js';
import * as queries from './queries.js';
import { afterFactorRemoved, assertMayRemoveFactor, issueRecoveryCodes, type TwoFactorDeps } from './service.js';

/** How long the browser may wait for the authenticator, and the server for its answer. */
const CEREMONY_SECONDS = 300;

export interface RelyingParty {
  /** The site's host name: passkeys are bound to it (an IP address cannot hold passkeys). */
  rpID: string;
  origin: string;
  name: string;
}

export function relyingParty(baseUrl: string, siteName: string): RelyingParty {
  const url = new URL(baseUrl);
  return { rpID: url.hostname, origin: url.origin, name: siteName };
}

function transportsOf(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Options for navigator.credentials.create(); the challenge waits server-side for the answer. */
export async function passkeyRegistrationOptions(
  deps: Pick<TwoFactorDeps, 'db' | 'now'>,
  rp: RelyingParty,
  user: { id: string; email: string; displayName: string },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await queries.listPasskeys(deps.db, user.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.rpID,
    // An opaque handle, not the email: authenticators may show or sync it.
    userID: new TextEncoder().encode(user.id),
    userName: user.email,
    userDisplayName: user.displayName,
    timeout: CEREMONY_SECONDS * 1000,
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.id, transports: transportsOf(row.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  const created = deps.now();
  await queries.deleteRegistrations(deps.db, user.id);
  await queries.insertPending(deps.db, {
    id: newId(created),
    user_id: user.id,
    purpose: 'register',
    next: null,
    challenge: options.challenge,
    created_at: created.toISOString(),
    expires_at: addSeconds(created, CEREMONY_SECONDS).toISOString(),
  });
  return options;
}

/**
 * Checks the authenticator's answer against the challenge this user was given (used once) and keeps
 * the credential. Returns recovery codes when this is the account's first second factor.
 */
export async function registerPasskey(
  deps: Pick<TwoFactorDeps, 'db' | 'now'>,
  rp: RelyingParty,
  userId: string,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<{ id: string; recoveryCodes: string[] | null }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 60) throw twoFactorErrors.raise('PASSKEY_NAME_INVALID', undefined, 'name');
  const now = deps.now();
  const registration = await queries.findRegistration(deps.db, userId, now.toISOString());
  if (!registration?.challenge || !(await queries.claimPending(deps.db, registration.id))) throw twoFactorErrors.raise('PASSKEY_FAILED');
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: registration.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch {
    throw twoFactorErrors.raise('PASSKEY_FAILED');
  }
  if (!verified.verified) throw twoFactorErrors.raise('PASSKEY_FAILED');
  const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo;
  if (await queries.findPasskey(deps.db, credential.id)) throw twoFactorErrors.raise('PASSKEY_EXISTS');
  const hadFactor = await queries.hasSecondFactor(deps.db, userId);
  await queries.insertPasskey(deps.db, {
    id: credential.id,
    user_id: userId,
    name,
    public_key: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: JSON.stringify(credential.transports ?? input.response.response.transports ?? []),
    device_type: credentialDeviceType,
    backed_up: credentialBackedUp ? 1 : 0,
    created_at: now.toISOString(),
    last_used_at: null,
  });
  return { id: credential.id, recoveryCodes: hadFactor ? null : await issueRecoveryCodes(deps, userId) };
}

/** Options for navigator.credentials.get(), limited to this user's passkeys (it is a second step). */
export async function passkeySignInOptions(
  deps: Pick<TwoFactorDeps, 'db'>,
  rp: RelyingParty,
  pending: { id: string; userId: string },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await queries.listPasskeys(deps.db, pending.userId);
  if (passkeys.length === 0) throw twoFactorErrors.raise('TWO_FACTOR_METHOD_UNAVAILABLE');
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: passkeys.map((row) => ({ id: row.id, transports: transportsOf(row.transports) })),
    userVerification: 'preferred',
    timeout: CEREMONY_SECONDS * 1000,
  });
  await queries.setPendingChallenge(deps.db, pending.id, options.challenge);
  return options;
}

/** Verifies a signature from one of the user's passkeys over the pending sign-in's challenge. */
export async function verifyPasskeySignIn(
  deps: Pick<TwoFactorDeps, 'db' | 'now'>,
  rp: RelyingParty,
  pending: { userId: string; challenge: string | null },
  response: AuthenticationResponseJSON,
): Promise<void> {
  const row = await queries.findPasskey(deps.db, response.id);
  if (!pending.challenge || !row || row.user_id !== pending.userId) throw twoFactorErrors.raise('PASSKEY_FAILED');
  const counter = Number(row.counter);
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: row.id, publicKey: Buffer.from(row.public_key, 'base64url'), counter, transports: transportsOf(row.transports) },
      requireUserVerification: false,
    });
  } catch {
    throw twoFactorErrors.raise('PASSKEY_FAILED');
  }
  if (!result.verified) throw twoFactorErrors.raise('PASSKEY_FAILED');
  // Compare and set: the library refused a counter that went back (a cloned key); this refuses a
  // second answer checked against the same stored counter at the same time.
  const moved = await queries.advancePasskeyCounter(deps.db, row.id, counter, result.authenticationInfo.newCounter, deps.now().toISOString());
  if (!moved) throw twoFactorErrors.raise('PASSKEY_FAILED');
}

export async function removePasskey(deps: Pick<TwoFactorDeps, 'db'>, userId: string, id: string, required: boolean): Promise<void> {
  const row = await queries.findPasskey(deps.db, id);
  if (!row || row.user_id !== userId) throw twoFactorErrors.raise('PASSKEY_NOT_FOUND');
  await assertMayRemoveFactor(deps, userId, required, { passkeyId: id });
  if (!(await queries.deletePasskey(deps.db, userId, id))) throw twoFactorErrors.raise('PASSKEY_NOT_FOUND');
  await afterFactorRemoved(deps, userId);
}

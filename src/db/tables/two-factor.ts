import type { Generated } from 'kysely';

/**
 * A staff member's authenticator app. The secret is stored encrypted (AES-256-GCM under a key derived
 * from TRIBUNE_SECRET), so a database dump or a site export alone does not let anyone mint codes.
 */
export interface TwoFactorTotpTable {
  user_id: string;
  /** `v1.<base64url(iv | tag | ciphertext)>`, with the user id as associated data. */
  secret_ciphertext: string;
  /** Null while enrolment waits for the first correct code; the app counts only once confirmed. */
  confirmed_at: string | null;
  /** The 30-second step of the last accepted code: a code is accepted once, and never an older one. */
  last_used_step: number | null;
  /** Wrong codes in a row, across sign-in attempts; reset by a right one. */
  failed_attempts: Generated<number>;
  /** After too many wrong codes, codes are refused until then. */
  locked_until: string | null;
  created_at: string;
}

/** One-time recovery codes: only a SHA-256 of each (they are random, 60 bits), used once. */
export interface TwoFactorRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

/** A WebAuthn credential (passkey or security key) registered as a second factor. */
export interface TwoFactorPasskeysTable {
  /** The credential id, base64url, as the authenticator reports it. */
  id: string;
  user_id: string;
  name: string;
  /** COSE public key, base64url. */
  public_key: string;
  /** Signature counter the authenticator last reported; a lower one means a cloned key. */
  counter: number;
  /** JSON list of transports ("internal", "usb", "hybrid"…), a hint for the browser. */
  transports: string;
  device_type: string;
  backed_up: number;
  created_at: string;
  last_used_at: string | null;
}

/**
 * Short-lived, one-time state: a sign-in waiting for its second step (`sign-in`, the id is the SHA-256
 * of the nonce in the signed cookie), or a passkey registration waiting for the authenticator
 * (`register`). `challenge` is the WebAuthn challenge the answer must sign.
 */
export interface TwoFactorPendingTable {
  id: string;
  user_id: string;
  purpose: 'sign-in' | 'register';
  next: string | null;
  challenge: string | null;
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
}

export interface TwoFactorTables {
  two_factor_totp: TwoFactorTotpTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  two_factor_passkeys: TwoFactorPasskeysTable;
  two_factor_pending: TwoFactorPendingTable;
}

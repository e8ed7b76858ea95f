import type { Generated } from 'kysely';

export type Role = 'reader' | 'moderator' | 'editor' | 'admin';
export type UserStatus = 'active' | 'suspended' | 'banned';

/** Staff and readers alike: a reader is a user with role `reader` and usually no password. */
export interface UsersTable {
  id: string;
  /** Lower-cased; null for imported or guest authors who never signed in. */
  email: string | null;
  display_name: string;
  role: Role;
  password_hash: string | null;
  status: Generated<UserStatus>;
  suspended_until: string | null;
  /** 1: every comment by this reader is held for review. */
  premoderate: Generated<number>;
  /** 1: email me when someone replies to my comment. */
  notify_replies: Generated<number>;
  bio: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token, so a leaked database does not leak live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** Updated at most every few minutes, so reading a page rarely writes. */
  last_seen_at: string | null;
  /** The browser's User-Agent when the session began (cut to 300 characters), to tell sessions apart. */
  user_agent: string | null;
}

export interface MagicLinksTable {
  token_hash: string;
  email: string;
  return_to: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

export interface AccountsTables {
  users: UsersTable;
  sessions: SessionsTable;
  magic_links: MagicLinksTable;
  settings: SettingsTable;
}

import type { Kysely } from 'kysely';
import type { Database, Role, UserStatus } from '../db/schema.js';

/** A reader account as the members admin lists it. */
export interface MemberAccount {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  suspendedUntil: string | null;
  createdAt: string;
}

/** Every reader with an email address (staff are listed under Staff), newest first. */
export async function listMemberAccounts(db: Kysely<Database>): Promise<MemberAccount[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'status', 'suspended_until', 'created_at'])
    .where('role', '=', 'reader')
    .where('email', 'is not', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    email: row.email ?? '',
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    suspendedUntil: row.suspended_until,
    createdAt: row.created_at,
  }));
}

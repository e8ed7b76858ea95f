import type { Transaction } from 'kysely';
import type { Database, Role } from '../db/schema.js';
import type { Deps } from '../runtime.js';
import { accountErrors } from './errors.js';
import { STAFF_ROLES } from './queries.js';
import { endUserSessions } from './sessions.js';

type StaffDeps = Pick<Deps, 'db' | 'dialect' | 'now'>;

/**
 * Runs `change` only if at least one active admin remains afterwards. On PostgreSQL the admin rows
 * are locked first, so two admins demoting each other at once cannot both succeed.
 */
async function keepingAnAdmin(deps: StaffDeps, userId: string, change: (trx: Transaction<Database>) => Promise<void>, staysAdmin: boolean) {
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
    if (!user || !STAFF_ROLES.includes(user.role)) throw accountErrors.raise('USER_NOT_FOUND');
    let admins = trx.selectFrom('users').select('id').where('role', '=', 'admin').where('status', '=', 'active');
    if (deps.dialect === 'postgres') admins = admins.forUpdate();
    const remaining = (await admins.execute()).filter((admin) => admin.id !== userId || staysAdmin);
    if (remaining.length === 0) throw accountErrors.raise('LAST_ADMIN');
    await change(trx);
  });
}

export async function changeStaffRole(deps: StaffDeps, userId: string, role: Role): Promise<void> {
  if (!STAFF_ROLES.includes(role)) throw accountErrors.raise('INVALID_ROLE', undefined, 'role');
  await keepingAnAdmin(deps, userId, async (trx) => {
    await trx.updateTable('users').set({ role, updated_at: deps.now().toISOString() }).where('id', '=', userId).execute();
  }, role === 'admin');
}

/**
 * Takes someone off the staff: no password, no sessions, role `reader`. The row stays, so their
 * byline on published stories and their comments keep an author.
 */
export async function removeStaff(deps: StaffDeps, userId: string): Promise<void> {
  await keepingAnAdmin(deps, userId, async (trx) => {
    await trx.updateTable('users').set({ role: 'reader', password_hash: null, updated_at: deps.now().toISOString() }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }, false);
}

/** Ends every session of a staff member (an admin's "Sign out everywhere"); `keepSessionId` spares the admin's own. */
export async function signOutStaffEverywhere(deps: Pick<Deps, 'db'>, userId: string, keepSessionId?: string): Promise<number> {
  const user = await deps.db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
  if (!user || !STAFF_ROLES.includes(user.role)) throw accountErrors.raise('USER_NOT_FOUND');
  return endUserSessions(deps.db, userId, keepSessionId);
}

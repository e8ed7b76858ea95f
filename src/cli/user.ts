import { randomBytes } from 'node:crypto';
import { createStaffUser } from '../accounts/index.js';
import type { Config } from '../config.js';
import type { Role } from '../db/schema.js';
import { createRuntime } from '../runtime.js';
import { parseCommandArgs, UsageError } from './args.js';

export const USER_USAGE = `usage: tribune user add --email EMAIL --role admin|editor|moderator [--name NAME] [--password PASSWORD]

Adds a staff member. Without --password one is generated and printed once.
`;

export async function userCommand(config: Config, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'add') throw new UsageError(USER_USAGE.trimEnd());
  const { values } = parseCommandArgs(rest, {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
  });
  if (!values.email) throw new UsageError('--email is required');
  if (!values.role || !['admin', 'editor', 'moderator'].includes(values.role)) throw new UsageError('--role must be admin, editor or moderator');
  const password = values.password ?? randomBytes(12).toString('base64url');
  const runtime = await createRuntime(config);
  try {
    await createStaffUser(runtime, { email: values.email, role: values.role as Role, displayName: values.name, password });
  } finally {
    await runtime.close();
  }
  process.stdout.write(`Added ${values.role} ${values.email}${values.password ? '' : ` with password ${password}`}\n`);
}

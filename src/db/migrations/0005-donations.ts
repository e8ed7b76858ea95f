import type { AnyDb, MigrationFactory } from './context.js';

// Owned by the donations domain: its tables are created here.
export const donations: MigrationFactory = () => ({
  async up(_db: AnyDb) {},
});

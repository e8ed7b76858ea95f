import type { AnyDb, MigrationFactory } from './context.js';

// Owned by the comments domain: its tables are created here.
export const comments: MigrationFactory = () => ({
  async up(_db: AnyDb) {},
});

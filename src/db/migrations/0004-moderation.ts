import type { AnyDb, MigrationFactory } from './context.js';

// Owned by the moderation domain: its tables are created here.
export const moderation: MigrationFactory = () => ({
  async up(_db: AnyDb) {},
});

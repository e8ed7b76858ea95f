import { hashPasswordsCheaplyInTests } from '../accounts/index.js';

// Runs in every `unit` and `pg` test worker before its files (vitest.config.ts setupFiles).
hashPasswordsCheaplyInTests();

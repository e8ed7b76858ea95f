import { classifier } from './classifier.js';
import { flood } from './flood.js';
import { links } from './links.js';
import { premoderation } from './premoderation.js';
import { readerStatus } from './reader-status.js';
import { repeatPost } from './repeat-post.js';
import { staff } from './staff.js';
import type { Phase } from './types.js';
import { words } from './words.js';

/** The order matters: the first phase that decides ends the chain. */
export const PHASES: readonly Phase[] = [
  readerStatus,
  staff,
  repeatPost,
  flood,
  words,
  classifier,
  links,
  premoderation,
];

export type { Phase, PhaseInput, PhaseResult } from './types.js';

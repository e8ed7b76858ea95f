import type { SlugStyle } from '../articles/index.js';
import type { Deps } from '../runtime.js';
import type { ProgressOutput } from './progress.js';

/** What imports, exports and the reader-data routes need from the runtime. */
export type TransferDeps = Pick<Deps, 'db' | 'dialect' | 'now' | 'settings'>;

export interface ImportFileOptions {
  file: string;
  /** Where the progress bar or lines go (stderr in the CLI); none when absent. */
  progress?: ProgressOutput;
  /** Where each problem is printed as it is met, with its line (stderr in the CLI). */
  problems?: (line: string) => void;
  /** Records per transaction. */
  batchSize?: number;
  /** Without a terminal: a progress line every this many records. */
  progressEvery?: number;
  /** `unicode` (default) keeps slugs in their own alphabet; `ascii` spells Latin, Greek and Cyrillic in a–z. */
  slugStyle?: SlugStyle;
  /** WordPress: a copy of the old site's `wp-content/uploads`; images missing there are downloaded from the old site. */
  mediaDir?: string;
}

import type { Deps } from '../runtime.js';
import { publishDue } from './queries.js';

export interface ArticleScheduler {
  start(): void;
  /** Stops the timer and waits for a pass in flight, so the database can close after it. */
  stop(): Promise<void>;
  /** One pass now; returns how many articles went live. */
  tick(): Promise<number>;
}

export const SCHEDULER_INTERVAL_MS = 15_000;

/**
 * Marks scheduled articles `published` once their time has passed. Pages never wait for it (a due
 * scheduled article is already public); it keeps the stored status honest for the newsroom's lists.
 * Every instance may run it: the update is one idempotent statement.
 */
export function createArticleScheduler(deps: Pick<Deps, 'db' | 'now' | 'log'>, intervalMs = SCHEDULER_INTERVAL_MS): ArticleScheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function tick(): Promise<number> {
    // A slow database must not pile passes on top of each other.
    running ??= publishDue(deps.db, deps.now()).finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        tick().then(
          (count) => {
            if (count > 0) deps.log.info({ count }, 'scheduled articles published');
          },
          (error: unknown) => deps.log.error({ err: error }, 'publishing scheduled articles failed'),
        );
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
    tick,
  };
}

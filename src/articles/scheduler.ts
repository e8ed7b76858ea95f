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
 * Every instance may run it: the update is one statement, and only the instance that changed a row
 * announces it (`article.published` on the `articles` channel).
 */
export const ARTICLES_CHANNEL = 'articles';

export function createArticleScheduler(deps: Pick<Deps, 'db' | 'now' | 'log' | 'events'>, intervalMs = SCHEDULER_INTERVAL_MS): ArticleScheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function tick(): Promise<number> {
    // A slow database must not pile passes on top of each other.
    running ??= publishDue(deps.db, deps.now())
      .then(async (published) => {
        // Exactly one instance's update changes each row, so each article is announced once.
        for (const article of published) await deps.events.publish(ARTICLES_CHANNEL, { type: 'article.published', ...article });
        return published.length;
      })
      .finally(() => {
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

import { hostname } from 'node:os';
import { AppError } from '../../errors.js';
import type { Deps } from '../../runtime.js';
import type { SiteAdaptation } from './store.js';

/** The refit starts at the first check after this hour, site time: after the evening's moderation. */
export const NIGHTLY_HOUR = 3;
export const NIGHTLY_CHECK_MS = 10 * 60_000;

export type NightlyOutcome = 'off' | 'waiting' | 'taken' | 'stored' | 'kept' | 'refused' | 'failed';

export interface NightlyLearning {
  start(): void;
  /** Stops the timer and waits for a run in flight. */
  stop(): Promise<void>;
  /** One check now: runs the refit if tonight's has not been claimed by any instance. */
  tick(): Promise<NightlyOutcome>;
}

type NightlyDeps = Pick<Deps, 'db' | 'now' | 'settings' | 'log'> & { adaptation: SiteAdaptation; instanceId?: string };

/** The site-local date and hour of an instant. */
export function siteClock(at: Date, timeZone: string): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * The opt-in nightly refit (`learnNightly`). Every instance checks on a timer; the first to insert
 * tonight's row into `site_adaptation_runs` (the site-local date is its primary key) runs it, the others
 * see the row and do nothing. An instance that dies mid-run leaves the night claimed: the next night runs.
 */
export function createNightlyLearning(deps: NightlyDeps, intervalMs = NIGHTLY_CHECK_MS): NightlyLearning {
  const claimedBy = deps.instanceId ?? `${hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<NightlyOutcome> | undefined;

  async function claim(night: string): Promise<boolean> {
    const result = await deps.db
      .insertInto('site_adaptation_runs')
      .values({ id: night, claimed_by: claimedBy, started_at: deps.now().toISOString(), finished_at: null, outcome: null, message: '' })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async function run(): Promise<NightlyOutcome> {
    const { moderation, site } = await deps.settings.get();
    if (!moderation.learnNightly) return 'off';
    const { date, hour } = siteClock(deps.now(), site.timeZone);
    if (hour < NIGHTLY_HOUR) return 'waiting';
    if (!(await claim(date))) return 'taken';
    let outcome: NightlyOutcome;
    let message = '';
    try {
      const result = await deps.adaptation.learn({ source: 'nightly' });
      outcome = result.stored ? 'stored' : 'kept';
      const { before, after } = result.report;
      message = `AUC ${before.auc.toFixed(3)} → ${after.auc.toFixed(3)} on the ${result.report.heldOut} most recent decisions`;
    } catch (error) {
      outcome = error instanceof AppError && error.status === 409 ? 'refused' : 'failed';
      message = (error as Error).message;
      if (outcome === 'failed') deps.log.error({ err: error }, 'nightly learning from moderators failed');
    }
    await deps.db
      .updateTable('site_adaptation_runs')
      .set({ finished_at: deps.now().toISOString(), outcome, message: message.slice(0, 1000) })
      .where('id', '=', date)
      .execute();
    deps.log.info({ night: date, outcome, message }, 'nightly learning from moderators');
    return outcome;
  }

  function tick(): Promise<NightlyOutcome> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => deps.log.error({ err: error }, 'nightly learning check failed'));
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

/** The last nightly run, for the settings screen. */
export async function lastNightlyRun(deps: Pick<Deps, 'db'>) {
  return deps.db.selectFrom('site_adaptation_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

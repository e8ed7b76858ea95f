import { defaultClassifier, type Classifier } from '../classifier/index.js';
import type { Deps } from '../../runtime.js';
import type { AdaptationSource, ScoreAdjustment } from '../types.js';
import { learnFromDecisions, type LearnReport, type ModeratorDecision } from './learn.js';
import { createScoreAdjustment, parseWeights } from './model.js';
import type { ModerationSettings } from './types.js';
import { modelVersion } from './version.js';

/** Every instance drops its copy when this is announced (Redis carries it across instances). */
export const ADAPTATION_CHANNEL = 'site-adaptation';
const SITE = 'site';
/** Even if an announcement is lost, an instance reads the stored adaptation again after this. */
const MAX_AGE_MS = 60_000;

export type AdaptationDeps = Pick<Deps, 'db' | 'events' | 'now' | 'settings'> & {
  /** The shipped classifier the adaptation sits on; the one `assess()` uses unless a script says otherwise. */
  classifier?: Classifier;
  /** The moderators' decisions to learn from: the moderation queue's log, given by whoever wires both. */
  decisions: () => Promise<ModeratorDecision[]>;
};

export interface AdaptationStatus {
  fittedAt: string;
  source: string;
  decisions: number;
  report: LearnReport;
  /** False when the shipped classifier changed since: it is ignored until learned again. */
  current: boolean;
}

export interface LearnOutcome {
  report: LearnReport;
  /** False when the fit was no better than the shipped model on the held-out decisions: nothing changed. */
  stored: boolean;
}

export interface SiteAdaptation extends AdaptationSource {
  /** Learns from the moderators' decisions and stores the result; throws the refusal when it cannot. */
  learn(options: { source: 'cli' | 'nightly'; onProgress?: (done: number, total: number) => void }): Promise<LearnOutcome>;
  status(): Promise<AdaptationStatus | undefined>;
  /** Deletes what was learned; new comments get the shipped scores again on every instance. */
  reset(): Promise<boolean>;
  stop(): void;
}

export function createSiteAdaptation(deps: AdaptationDeps): SiteAdaptation {
  const classifier = () => deps.classifier ?? defaultClassifier();
  let cached: { at: number; value: Promise<ScoreAdjustment | undefined> } | undefined;
  const unsubscribe = deps.events.subscribe(ADAPTATION_CHANNEL, () => {
    cached = undefined;
  });

  const read = () => deps.db.selectFrom('site_adaptation').selectAll().where('id', '=', SITE).executeTakeFirst();

  async function load(): Promise<ScoreAdjustment | undefined> {
    const row = await read();
    if (!row || row.model_version !== modelVersion(classifier())) return undefined;
    const weights = parseWeights(row.weights);
    return weights ? createScoreAdjustment(weights) : undefined;
  }

  async function changed(): Promise<void> {
    cached = undefined;
    await deps.events.publish(ADAPTATION_CHANNEL, { type: 'site-adaptation.changed' });
  }

  return {
    forSettings(settings: ModerationSettings) {
      if (!settings.learnFromModerators) return Promise.resolve(undefined);
      const now = deps.now().getTime();
      if (!cached || now - cached.at > MAX_AGE_MS || now < cached.at) {
        const value = load().catch((error: unknown) => {
          cached = undefined;
          throw error;
        });
        cached = { at: now, value };
      }
      return cached.value;
    },

    async learn({ source, onProgress }) {
      const { moderation } = await deps.settings.get();
      const decisions = await deps.decisions();
      const { weights, report } = await learnFromDecisions(decisions, { classifier: classifier(), settings: moderation, onProgress });
      if (!report.improves) return { report, stored: false };
      const row = {
        model_version: modelVersion(classifier()),
        weights: JSON.stringify(weights),
        report: JSON.stringify(report),
        decisions: report.fitted,
        source,
        fitted_at: deps.now().toISOString(),
      };
      await deps.db
        .insertInto('site_adaptation')
        .values({ id: SITE, ...row })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
        .execute();
      await changed();
      return { report, stored: true };
    },

    async status() {
      const row = await read();
      if (!row) return undefined;
      return {
        fittedAt: row.fitted_at,
        source: row.source,
        decisions: Number(row.decisions),
        report: JSON.parse(row.report) as LearnReport,
        current: row.model_version === modelVersion(classifier()),
      };
    },

    async reset() {
      const result = await deps.db.deleteFrom('site_adaptation').where('id', '=', SITE).executeTakeFirst();
      await changed();
      return Number(result.numDeletedRows) > 0;
    },

    stop: unsubscribe,
  };
}

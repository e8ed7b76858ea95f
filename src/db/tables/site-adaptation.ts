/**
 * The one current site adaptation (`id` = 'site'): weights fitted on top of the shipped classifier
 * from moderators' decisions, see src/moderation/adaptation/.
 */
export interface SiteAdaptationTable {
  id: string;
  /** Fingerprint of the shipped classifier it was fitted on; a different one means it is ignored. */
  model_version: string;
  /** JSON `AdaptationWeights`. */
  weights: string;
  /** JSON `LearnReport`: counts, and AUC and false-hold rate on held-out decisions, before and after. */
  report: string;
  /** Decisions it was fitted on. */
  decisions: number;
  /** `cli` or `nightly`. */
  source: string;
  fitted_at: string;
}

/** One row per nightly refit, keyed by the site-local date: inserting it is what claims the night. */
export interface SiteAdaptationRunsTable {
  id: string;
  claimed_by: string;
  started_at: string;
  finished_at: string | null;
  /** `stored`, `kept` (not better than before), `refused` (too few decisions) or `failed`. */
  outcome: string | null;
  message: string;
}

export interface SiteAdaptationTables {
  site_adaptation: SiteAdaptationTable;
  site_adaptation_runs: SiteAdaptationRunsTable;
}

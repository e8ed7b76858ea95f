export { assess, createAssess, type Assess, type AssessOptions } from './pipeline.js';
export { createAssessPool, defaultPoolSize, type AssessPool } from './assess-pool.js';
export { createClassifier, defaultClassifier, loadModel, type Classifier } from './classifier/index.js';
export { PHASES } from './phases/index.js';
export type { AdaptationSource, Assessment, AssessContext, CommentCandidate, Decision, FeaturedSource, GuestStanding, GuestStandingSource, Reason, ScoreAdjustment } from './types.js';
export { createWordMatcher } from './words/matcher.js';
// `tribune moderate` (src/cli/moderate.ts): the pipeline over JSON lines, with a site's stored settings.
export { createLineJudge } from './cli/stream.js';
export { readModerationSettings } from './cli/site-settings.js';
export {
  createNightlyLearning, createSiteAdaptation, learnReportLines, learningRoutes, learningSettingsSection, type ModeratorDecision, type NightlyLearning, type SiteAdaptation,
} from './adaptation/index.js';
export { parseCsv } from './classifier/training/csv.js';
// The domain's contract (contract.ts): what routes, other domains and client/ rely on.
export type { AdaptationEvent } from './contract.js';

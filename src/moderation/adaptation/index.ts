export { createSiteAdaptation, ADAPTATION_CHANNEL, type AdaptationStatus, type LearnOutcome, type SiteAdaptation } from './store.js';
export { createNightlyLearning, type NightlyLearning, type NightlyOutcome } from './nightly.js';
export { learningRoutes, learningSettingsSection } from './settings-section.js';
export { MIN_DECISIONS, type LearnReport, type ModeratorDecision } from './learn.js';
export { reportLines as learnReportLines } from './report.js';

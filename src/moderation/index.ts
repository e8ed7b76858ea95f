export { assess, createAssess, type Assess, type AssessOptions } from './pipeline.js';
export { createClassifier, defaultClassifier, loadModel, type Classifier } from './classifier/index.js';
export { PHASES } from './phases/index.js';
export type { AdaptationSource, Assessment, AssessContext, CommentCandidate, Decision, FeaturedSource, GuestStanding, GuestStandingSource, Reason, ScoreAdjustment } from './types.js';
export {
  moderationQueuePlugin, moderationSettingsSection, rejectedCommentsFor, renderRejectedComments, moderationErrors, createGuestStanding, standingOnAccount, dashboardModeration, createFeaturedSource,
  type ModerationQueueOptions, type RejectedComment,
} from './queue/index.js';
export {
  createNightlyLearning, createSiteAdaptation, learnReportLines, learningRoutes, learningSettingsSection, type NightlyLearning, type SiteAdaptation,
} from './adaptation/index.js';

export { assess, createAssess, type Assess, type AssessOptions } from './pipeline.js';
export { createClassifier, defaultClassifier, loadModel, type Classifier } from './classifier/index.js';
export { PHASES } from './phases/index.js';
export type { Assessment, AssessContext, CommentCandidate, Decision, Reason } from './types.js';
export {
  moderationQueuePlugin, moderationSettingsSection, rejectedCommentsFor, renderRejectedComments, moderationErrors,
  type ModerationQueueOptions, type RejectedComment,
} from './queue/index.js';

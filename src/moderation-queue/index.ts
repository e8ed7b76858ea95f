export { moderationQueuePlugin, type ModerationQueueOptions } from './plugin.js';
export { moderationSettingsSection } from './settings-section.js';
export { rejectedCommentsFor, renderRejectedComments, standingOnAccount, type RejectedComment } from './account.js';
export { createGuestStanding } from './guest-sanctions.js';
export { dashboardModeration } from './dashboard.js';
export { createFeaturedSource } from './editorial.js';
export { moderationErrors } from './errors.js';
export { recordAction, systemDecisionRecorder } from './audit.js';
export { moderatorDecisions } from './decisions.js';
export { sanctionsForReader, type ReaderSanction } from './reader-sanctions.js';
export type { AuditEntry, QueueCounts, QueueItem, QueueTab } from './types.js';
// The domain's contract (contract.ts): what routes, other domains and client/ rely on.
export type { ModerationActionEvent, QueueLiveEvent } from './contract.js';

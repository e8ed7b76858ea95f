export { moderationQueuePlugin, type ModerationQueueOptions } from './plugin.js';
export { moderationSettingsSection } from './settings-section.js';
export { rejectedCommentsFor, renderRejectedComments, standingOnAccount, type RejectedComment } from './account.js';
export { createGuestStanding } from './guest-sanctions.js';
export { dashboardModeration } from './dashboard.js';
export { createFeaturedSource } from './editorial.js';
export { moderationErrors } from './errors.js';
export { recordAction, recordSystemDecisions } from './audit.js';
export type { AuditEntry, QueueItem, QueueTab } from './types.js';

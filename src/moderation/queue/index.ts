export { moderationQueuePlugin, type ModerationQueueOptions } from './plugin.js';
export { moderationSettingsSection } from './settings-section.js';
export { rejectedCommentsFor, renderRejectedComments, type RejectedComment } from './account.js';
export { moderationErrors } from './errors.js';
export { recordAction, recordSystemDecisions } from './audit.js';
export type { AuditEntry, QueueItem, QueueTab } from './types.js';

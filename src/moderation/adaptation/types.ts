import type { SiteSettings } from '../../settings/index.js';

export type ModerationSettings = SiteSettings['moderation'];

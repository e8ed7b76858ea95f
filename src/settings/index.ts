export { defaultSettings, type NavigationLink, type SettingsGroup, type SiteSettings } from './defaults.js';
export { createSettingsService, type SettingsService } from './service.js';
export { settingsRoutes, type SettingsGuard } from './admin-routes.js';
// The domain's contract (contract.ts): what routes, other domains and client/ rely on.
export type { SettingsEvent } from './contract.js';

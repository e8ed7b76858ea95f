export { defaultSettings, type SettingsGroup, type SiteSettings } from './defaults.js';
export { createSettingsService, type SettingsService } from './service.js';

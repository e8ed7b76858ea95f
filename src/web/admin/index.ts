export { settingsRoutes } from './settings-routes.js';
export { coreSettingsSections, integerSetting, type FormValues, type SettingsSection } from './settings-sections.js';
export { usersRoutes } from './users-routes.js';
export { checkbox, csrfField, fieldError, formError, selectField, textArea, textField, type FormError } from './form.js';
export { withSiteEmbedSnippet } from './embed-snippet.js';

export { coreSettingsSections, integerSetting, type FormValues, type SettingsSection } from './settings-sections.js';
export { checkbox, csrfField, fieldError, formError, selectField, textArea, textField, type FormError } from './form.js';
export { withSiteEmbedSnippet } from './embed-snippet.js';

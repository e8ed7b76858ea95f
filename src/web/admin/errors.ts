import { defineErrors } from '../../errors.js';

export const settingsErrors = defineErrors({
  SETTING_INVALID: { status: 400, message: 'This setting is not valid.' },
  SETTINGS_SECTION_UNKNOWN: { status: 404, message: 'No such group of settings.' },
});

// The settings domain's public contract: the event every instance hears when a group of settings changes.
import type { SettingsGroup } from './defaults.js';

/** On the `settings` channel: each instance drops its cached copy. */
export type SettingsEvent = { type: 'settings.changed'; group: SettingsGroup | 'all' };

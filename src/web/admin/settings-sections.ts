import type { SettingsGroup, SiteSettings } from '../../settings/index.js';
import { isValidTimeZone } from '../dates.js';
import { html, type Html } from '../html.js';
import { settingsErrors } from './errors.js';
import { checkbox, selectField, textArea, textField, type FormError } from './form.js';

/** A form's fields as strings, the way the browser sends them (a checkbox is '1' or absent). */
export type FormValues = Record<string, string | undefined>;

/**
 * One box on /admin/settings, saving one settings group. Other domains add their own (moderation
 * thresholds, donation amounts) by pushing to the list app.ts hands to the settings routes.
 */
export interface SettingsSection {
  /** URL segment of its form: POST /admin/settings/<id>. */
  id: string;
  group: SettingsGroup;
  title: string;
  description?: string;
  toForm(settings: SiteSettings): FormValues;
  fields(values: FormValues, error: FormError | undefined): Html;
  /** The values to store; throws a 400 naming the field for anything invalid (may look things up first). */
  parse(values: FormValues): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** State that is not a setting (what moderation learned), drawn under the form with its own buttons. */
  status?(csrf: string): Promise<Html>;
}

function invalid(field: string, message: string): never {
  throw settingsErrors.raise('SETTING_INVALID', message, field);
}

export function integerSetting(values: FormValues, field: string, min: number, max: number): number {
  const text = (values[field] ?? '').trim();
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) invalid(field, `Enter a whole number from ${min} to ${max}.`);
  return Number(text);
}

function textSetting(values: FormValues, field: string, max: number, required = false): string {
  const text = (values[field] ?? '').trim();
  if (required && !text) invalid(field, 'This cannot be empty.');
  if (text.length > max) invalid(field, `At most ${max} characters.`);
  return text;
}

let timeZones: string[] | undefined;
function knownTimeZones(): string[] {
  timeZones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return timeZones;
}

export const siteSection: SettingsSection = {
  id: 'site',
  group: 'site',
  title: 'Site',
  description: 'How the site names and presents itself, and the time zone of its datelines.',
  toForm: ({ site }) => ({ ...site }),
  fields: (values, error) => html`
    ${textField({ name: 'name', label: 'Site name', value: values.name ?? '', error, required: true, attrs: html` maxlength="100"` })}
    ${textArea({ name: 'description', label: 'Description', value: values.description ?? '', error, rows: 2, hint: 'Under the name in search results and the footer.', attrs: html` maxlength="300"` })}
    ${textField({ name: 'logoUrl', label: 'Logo address', type: 'url', value: values.logoUrl ?? '', error, hint: 'Optional; a full https:// address of a small image.' })}
    ${textField({ name: 'timeZone', label: 'Time zone', value: values.timeZone ?? '', error, hint: 'IANA name, e.g. Europe/Berlin or America/Chicago.', attrs: html` list="time-zones" autocomplete="off"` })}
    <datalist id="time-zones">${knownTimeZones().map((zone) => html`<option value="${zone}">`)}</datalist>
    ${textField({ name: 'locale', label: 'Language and region', value: values.locale ?? '', error, hint: 'BCP 47 tag for dates and numbers, e.g. en-US, de-DE, fr-CA.', attrs: html` maxlength="35"` })}`,
  parse(values) {
    const logoUrl = textSetting(values, 'logoUrl', 2000);
    if (logoUrl && !/^https?:\/\/[^\s/]+/i.test(logoUrl)) invalid('logoUrl', 'Use a full http:// or https:// address, or leave it empty.');
    const timeZone = textSetting(values, 'timeZone', 100, true);
    if (!isValidTimeZone(timeZone)) invalid('timeZone', `“${timeZone}” is not a time zone this server knows.`);
    const localeText = textSetting(values, 'locale', 35, true);
    let locale: string;
    try {
      [locale] = Intl.getCanonicalLocales(localeText);
    } catch {
      invalid('locale', `“${localeText}” is not a language tag such as en-US.`);
    }
    return {
      name: textSetting(values, 'name', 100, true),
      description: textSetting(values, 'description', 300),
      logoUrl,
      timeZone: new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone,
      locale,
    };
  },
};

export const commentsSection: SettingsSection = {
  id: 'comments',
  group: 'comments',
  title: 'Comments',
  description: 'Defaults for every article; an editor can close or pre-moderate one article in its editor.',
  toForm: ({ comments }) => ({
    guestsAllowed: comments.guestsAllowed ? '1' : undefined,
    maxLength: String(comments.maxLength),
    editWindowMinutes: String(comments.editWindowMinutes),
    autoCloseDays: String(comments.autoCloseDays),
    embedOrigins: comments.embedOrigins.join('\n'),
    postsPerMinutePerIp: String(comments.postsPerMinutePerIp),
    postsPerMinutePerReader: String(comments.postsPerMinutePerReader),
    deletedReaderComments: comments.deletedReaderComments,
  }),
  fields: (values, error) => html`
    ${checkbox({ name: 'guestsAllowed', label: 'Readers may comment without an account', checked: values.guestsAllowed !== undefined })}
    ${textField({ name: 'maxLength', label: 'Longest comment (characters)', type: 'number', value: values.maxLength ?? '', error, attrs: html` min="100" max="100000"` })}
    ${textField({ name: 'editWindowMinutes', label: 'Readers may edit for (minutes)', type: 'number', value: values.editWindowMinutes ?? '', error, attrs: html` min="0" max="1440"` })}
    ${textField({ name: 'autoCloseDays', label: 'Close comments after (days)', type: 'number', value: values.autoCloseDays ?? '', error, hint: '0 keeps them open.', attrs: html` min="0" max="3650"` })}
    ${textField({ name: 'postsPerMinutePerIp', label: 'Comments per minute from one address', type: 'number', value: values.postsPerMinutePerIp ?? '', error, attrs: html` min="1" max="1000"` })}
    ${textField({ name: 'postsPerMinutePerReader', label: 'Comments per minute from one reader', type: 'number', value: values.postsPerMinutePerReader ?? '', error, attrs: html` min="1" max="1000"` })}
    ${textArea({ name: 'embedOrigins', label: 'Sites that may embed the comments', value: values.embedOrigins ?? '', error, rows: 3, hint: 'One origin per line, e.g. https://news.example.org' })}
    ${selectField({ name: 'deletedReaderComments', label: 'When a reader deletes their account, their comments', value: values.deletedReaderComments ?? 'anonymise', error, choices: DELETED_READER_CHOICES })}`,
  parse(values) {
    const origins = (values.embedOrigins ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const embedOrigins = origins.map((origin) => {
      let url: URL | undefined;
      try {
        url = new URL(origin);
      } catch {
        url = undefined;
      }
      if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
        invalid('embedOrigins', `“${origin}” is not an origin such as https://news.example.org (no path).`);
      }
      return url.origin;
    });
    return {
      guestsAllowed: values.guestsAllowed !== undefined,
      maxLength: integerSetting(values, 'maxLength', 100, 100_000),
      editWindowMinutes: integerSetting(values, 'editWindowMinutes', 0, 1440),
      autoCloseDays: integerSetting(values, 'autoCloseDays', 0, 3650),
      embedOrigins: [...new Set(embedOrigins)],
      postsPerMinutePerIp: integerSetting(values, 'postsPerMinutePerIp', 1, 1000),
      postsPerMinutePerReader: integerSetting(values, 'postsPerMinutePerReader', 1, 1000),
      deletedReaderComments: values.deletedReaderComments === 'remove' ? ('remove' as const) : ('anonymise' as const),
    };
  },
};

const DELETED_READER_CHOICES = [
  { value: 'anonymise', label: 'stay, shown as by “deleted reader”' },
  { value: 'remove', label: 'are removed (replies stay, under a tombstone)' },
];

export const donationCurrencySection: SettingsSection = {
  id: 'donation-currency',
  group: 'donations',
  title: 'Donations',
  description: 'The currency donation amounts are shown and charged in.',
  toForm: ({ donations }) => ({ currency: donations.currency }),
  fields: (values, error) => html`
    ${textField({ name: 'currency', label: 'Currency', value: values.currency ?? '', error, hint: 'Three-letter ISO 4217 code, e.g. USD, EUR, GBP.', attrs: html` maxlength="3" list="currencies" autocomplete="off"` })}
    <datalist id="currencies">${Intl.supportedValuesOf('currency').map((code) => html`<option value="${code}">`)}</datalist>`,
  parse(values) {
    const currency = (values.currency ?? '').trim().toUpperCase();
    if (!Intl.supportedValuesOf('currency').includes(currency)) invalid('currency', 'Use a three-letter currency code such as USD or EUR.');
    return { currency };
  },
};

export const coreSettingsSections: SettingsSection[] = [siteSection, commentsSection, donationCurrencySection];

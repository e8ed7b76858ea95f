import type { SiteSettings } from '../settings/index.js';
import { checkbox, integerSetting, textArea, textField, type FormValues, type SettingsSection } from '../web/admin/index.js';
import { html } from '../web/html.js';
import { createWordMatcher } from '../moderation/index.js';
import { moderationErrors } from './errors.js';

const MAX_WORDS = 2000;

function invalid(field: string, message: string): never {
  throw moderationErrors.raise('MOD_SETTING_INVALID', message, field);
}

/** A score threshold in 0..1 as typed: "0.5", ".85", "1". */
function threshold(values: FormValues, field: string): number {
  const text = (values[field] ?? '').trim().replace(',', '.');
  if (!/^(0?\.\d{1,3}|[01](\.\d{1,3})?)$/.test(text) || Number(text) > 1) invalid(field, 'Enter a number from 0 to 1, e.g. 0.5.');
  return Number(text);
}

/** One entry per line; a trailing `*` matches any ending. Blank lines and repeats are dropped. */
function wordList(values: FormValues, field: string): string[] {
  const words = [...new Set((values[field] ?? '').split(/\r?\n/).map((line) => line.trim().toLowerCase()).filter(Boolean))];
  if (words.length > MAX_WORDS) invalid(field, `At most ${MAX_WORDS} entries.`);
  for (const word of words) {
    if (word.length > 60) invalid(field, `“${word.slice(0, 20)}…” is too long: at most 60 characters per entry.`);
    if (/[\p{Cc}<>]/u.test(word)) invalid(field, `“${word}” contains characters a word cannot have.`);
    if (/^\*+$/.test(word) || word.replace(/\*$/, '').trim().length < 2) invalid(field, `“${word}” is too short: it would match too much.`);
  }
  try {
    const none: string[] = [];
    createWordMatcher({ bannedWords: field === 'bannedWords' ? words : none, suspectWords: field === 'suspectWords' ? words : none, allowedWords: field === 'allowedWords' ? words : none });
  } catch {
    invalid(field, 'One of these entries cannot be used as a word pattern; remove special characters.');
  }
  return words;
}

const lines = (list: readonly string[]) => list.join('\n');

/** /admin/settings → Moderation: thresholds, word lists, pre-moderation, links, nudge, reports. */
export const moderationSettingsSection: SettingsSection = {
  id: 'moderation',
  group: 'moderation',
  title: 'Moderation',
  description: 'How new comments are judged on arrival and when they wait for a moderator.',
  toForm: ({ moderation }: SiteSettings) => ({
    premoderateAll: moderation.premoderateAll ? '1' : undefined,
    holdThreshold: String(moderation.holdThreshold),
    rejectThreshold: String(moderation.rejectThreshold),
    newReaderPremoderateCount: String(moderation.newReaderPremoderateCount),
    linkMinApproved: String(moderation.linkMinApproved),
    nudge: moderation.nudge ? '1' : undefined,
    reportThreshold: String(moderation.reportThreshold),
    bannedWords: lines(moderation.bannedWords),
    suspectWords: lines(moderation.suspectWords),
    allowedWords: lines(moderation.allowedWords),
  }),
  fields: (values, error) => html`
    ${checkbox({ name: 'premoderateAll', label: 'Review every comment before it is published', checked: values.premoderateAll !== undefined })}
    ${textField({ name: 'holdThreshold', label: 'Hold for review at score', value: values.holdThreshold ?? '', error, hint: 'From 0 to 1: lower holds more.', attrs: html` inputmode="decimal"` })}
    ${textField({ name: 'rejectThreshold', label: 'Treat as severe at score', value: values.rejectThreshold ?? '', error, hint: 'From the hold score to 1.', attrs: html` inputmode="decimal"` })}
    ${textField({ name: 'newReaderPremoderateCount', label: 'Review the first comments of a new reader', type: 'number', value: values.newReaderPremoderateCount ?? '', error, hint: 'How many; 0 turns it off.', attrs: html` min="0" max="100"` })}
    ${textField({ name: 'linkMinApproved', label: 'Hold links from readers with fewer approved comments than', type: 'number', value: values.linkMinApproved ?? '', error, hint: '0 turns it off.', attrs: html` min="0" max="1000"` })}
    ${checkbox({ name: 'nudge', label: 'Ask readers to reconsider a comment that may break the rules before it is stored', checked: values.nudge !== undefined })}
    ${textField({ name: 'reportThreshold', label: 'Show in Reported after this many reports', type: 'number', value: values.reportThreshold ?? '', error, attrs: html` min="1" max="100"` })}
    ${textArea({ name: 'bannedWords', label: 'Banned words (rejected)', value: values.bannedWords ?? '', error, rows: 4, hint: 'One per line; end with * to match any ending.' })}
    ${textArea({ name: 'suspectWords', label: 'Suspect words (held for review)', value: values.suspectWords ?? '', error, rows: 4, hint: 'One per line.' })}
    ${textArea({ name: 'allowedWords', label: 'Allowed words', value: values.allowedWords ?? '', error, rows: 3, hint: 'Words that contain a listed word but are fine, e.g. Scunthorpe.' })}`,
  parse(values) {
    const holdThreshold = threshold(values, 'holdThreshold');
    const rejectThreshold = threshold(values, 'rejectThreshold');
    if (rejectThreshold < holdThreshold) invalid('rejectThreshold', 'The severe score cannot be below the hold score.');
    return {
      premoderateAll: values.premoderateAll !== undefined,
      holdThreshold,
      rejectThreshold,
      newReaderPremoderateCount: integerSetting(values, 'newReaderPremoderateCount', 0, 100),
      linkMinApproved: integerSetting(values, 'linkMinApproved', 0, 1000),
      nudge: values.nudge !== undefined,
      reportThreshold: integerSetting(values, 'reportThreshold', 1, 100),
      bannedWords: wordList(values, 'bannedWords'),
      suspectWords: wordList(values, 'suspectWords'),
      allowedWords: wordList(values, 'allowedWords'),
    };
  },
};

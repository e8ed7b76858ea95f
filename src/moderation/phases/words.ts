import type { Reason } from '../types.js';
import type { Phase } from './types.js';

/** Site-banned words reject; slurs and site-suspect words hold. Profanity alone passes to the classifier. */
export const words: Phase = {
  name: 'words',
  content: true,
  run({ words: scan }) {
    const banned = scan.matches.filter((match) => match.category === 'banned');
    const slurs = scan.matches.filter((match) => match.category === 'slur');
    const suspect = scan.matches.filter((match) => match.category === 'suspect');
    const reasons: Reason[] = [];
    const texts = (list: typeof banned) => [...new Set(list.map((match) => match.text))];
    if (banned.length > 0) reasons.push({ code: 'BANNED_WORD', message: 'Uses a word this site does not allow.', matches: texts(banned) });
    if (slurs.length > 0) reasons.push({ code: 'SLUR', message: 'Uses a slur.', matches: texts(slurs) });
    if (suspect.length > 0) reasons.push({ code: 'SUSPECT_WORD', message: 'Uses a word this site reviews.', matches: texts(suspect) });
    if (reasons.length === 0) return undefined;
    return { decision: banned.length > 0 ? 'reject' : 'hold', reasons };
  },
};

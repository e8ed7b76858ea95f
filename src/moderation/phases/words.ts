import type { Reason } from '../types.js';
import type { Phase } from './types.js';

/**
 * Site-banned words reject; slurs and site-suspect words hold. Profanity alone passes to the classifier,
 * and so does a slur only quoted to condemn it ("He called them 'X'. Disgusting."), with a reason noted.
 */
export const words: Phase = {
  name: 'words',
  content: true,
  run({ words: scan, classification }) {
    const banned = scan.matches.filter((match) => match.category === 'banned');
    const slurs = scan.matches.filter((match) => match.category === 'slur');
    const suspect = scan.matches.filter((match) => match.category === 'suspect');
    const reasons: Reason[] = [];
    const texts = (list: typeof banned) => [...new Set(list.map((match) => match.text))];
    if (banned.length > 0) reasons.push({ code: 'BANNED_WORD', message: 'Uses a word this site does not allow.', matches: texts(banned) });
    const slurUsed = slurs.length > 0 && !classification.slursCountered;
    if (slurUsed) reasons.push({ code: 'SLUR', message: 'Uses a slur.', matches: texts(slurs) });
    else if (slurs.length > 0) reasons.push({ code: 'SLUR_QUOTED', message: 'Quotes or reports a slur without using it.', matches: texts(slurs) });
    if (suspect.length > 0) reasons.push({ code: 'SUSPECT_WORD', message: 'Uses a word this site reviews.', matches: texts(suspect) });
    if (reasons.length === 0) return undefined;
    const decision = banned.length > 0 ? 'reject' : slurUsed || suspect.length > 0 ? 'hold' : undefined;
    return decision ? { decision, reasons } : { reasons };
  },
};

import type { Reason } from '../types.js';
import type { Phase } from './types.js';

/** Site-wide, per article, per reader, and a new reader's first comments: all held before publishing. */
export const premoderation: Phase = {
  name: 'premoderation',
  content: false,
  run({ candidate, context }) {
    const reasons: Reason[] = [];
    if (context.settings.premoderateAll) reasons.push({ code: 'PREMODERATED', message: 'Every comment on this site is reviewed before publishing.' });
    if (candidate.article.premoderate) reasons.push({ code: 'PREMODERATED_ARTICLE', message: 'Comments on this article are reviewed before publishing.' });
    if (candidate.author.premoderate) reasons.push({ code: 'PREMODERATED_READER', message: "This reader's comments are reviewed before publishing." });
    // A reader counts as new until this many of their comments have been approved.
    if (candidate.author.approvedCount < context.settings.newReaderPremoderateCount) {
      reasons.push({ code: 'PREMODERATE_NEW_READER', message: `New readers' first ${context.settings.newReaderPremoderateCount} comments are reviewed.` });
    }
    return reasons.length > 0 ? { decision: 'hold', reasons } : undefined;
  },
};

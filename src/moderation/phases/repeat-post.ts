import { normaliseForComparison } from '../text/normalise.js';
import type { Phase } from './types.js';

/** The same text (ignoring case, spacing, punctuation) by the same author within the window is held. */
export const repeatPost: Phase = {
  name: 'repeat-post',
  content: false,
  run({ candidate, context }) {
    if (candidate.author.recent.length === 0) return undefined;
    const text = normaliseForComparison(candidate.text);
    if (text.length === 0) return undefined;
    const since = context.now.getTime() - context.settings.repeatWindowMinutes * 60_000;
    const repeated = candidate.author.recent.some(
      (post) => Date.parse(post.createdAt) >= since && normaliseForComparison(post.text) === text,
    );
    if (!repeated) return undefined;
    return {
      decision: 'hold',
      reasons: [{ code: 'REPEAT_POST', message: `Same text posted again within ${context.settings.repeatWindowMinutes} minutes.` }],
    };
  },
};

import type { Assessment, AssessContext, CommentCandidate } from './types.js';

/**
 * Decides what happens to a new comment. For now a pass-through that honours only the article's and
 * site's pre-moderation; the moderation domain replaces it with the full chain of phases.
 */
export function assess(candidate: CommentCandidate, context: AssessContext): Assessment {
  if (context.settings.premoderateAll || candidate.article.premoderate || candidate.author.premoderate) {
    return { decision: 'hold', reasons: [{ code: 'PREMODERATED', message: 'Held for review before publishing.' }], scores: {}, nudge: false };
  }
  return { decision: 'publish', reasons: [], scores: {}, nudge: false };
}

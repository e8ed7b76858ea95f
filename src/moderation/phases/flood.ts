import type { Phase } from './types.js';

/** More than `floodCount` comments (this one included) within `floodWindowSeconds` is held. */
export const flood: Phase = {
  name: 'flood',
  content: false,
  run({ candidate, context }) {
    const { floodCount, floodWindowSeconds } = context.settings;
    if (floodCount <= 0) return undefined;
    const since = context.now.getTime() - floodWindowSeconds * 1000;
    const recent = candidate.author.recent.filter((post) => Date.parse(post.createdAt) >= since).length;
    if (recent + 1 <= floodCount) return undefined;
    return {
      decision: 'hold',
      reasons: [{ code: 'FLOOD', message: `${recent + 1} comments within ${floodWindowSeconds} seconds.`, score: recent + 1 }],
    };
  },
};

import type { Phase } from './types.js';

const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]{2,}\.(?:com|net|org|info|io|co|ru|biz|xyz|top|me|ly|gl|tk|uk|de|be|to)(?:\/\S*)?\b/gi;

export function findLinks(text: string): string[] {
  return [...new Set(text.match(LINK) ?? [])];
}

/** Links from readers with fewer approved comments than `linkMinApproved` are held (spam, phishing). */
export const links: Phase = {
  name: 'links',
  content: false,
  run({ candidate, context }) {
    if (candidate.author.approvedCount >= context.settings.linkMinApproved) return undefined;
    const found = findLinks(candidate.text);
    if (found.length === 0) return undefined;
    return {
      decision: 'hold',
      reasons: [{ code: 'LINK_NEW_READER', message: 'Contains a link from a reader without approved comments yet.', matches: found }],
    };
  },
};

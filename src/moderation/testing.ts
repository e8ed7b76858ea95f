import { defaultSettings } from '../settings/defaults.js';
import type { Classification } from './classifier/index.js';
import type { PhaseInput } from './phases/types.js';
import type { AssessContext, CommentCandidate } from './types.js';
import { wordMatcherFor } from './words/matcher.js';

/** Test fixtures: a plain reader's comment on an open article, changed by `overrides`. */
export function candidateWith(overrides: Partial<Omit<CommentCandidate, 'author' | 'article'>> & {
  author?: Partial<CommentCandidate['author']>;
  article?: Partial<CommentCandidate['article']>;
} = {}): CommentCandidate {
  const { author, article, ...rest } = overrides;
  return {
    text: 'I disagree with the minister about the budget.',
    ...rest,
    author: {
      id: 'reader-1', role: 'reader', status: 'active', suspendedUntil: null, premoderate: false,
      approvedCount: 3, rejectedCount: 0, recent: [], ...author,
    },
    article: { id: 'article-1', premoderate: false, ...article },
  };
}

export const NOW = new Date('2025-03-01T12:00:00.000Z');

export function contextWith(settings: Partial<AssessContext['settings']> = {}, extra: Partial<AssessContext> = {}): AssessContext {
  return { settings: { ...defaultSettings.moderation, ...settings }, now: NOW, ...extra };
}

export function quietClassification(scores: Partial<Classification['scores']> = {}): Classification {
  return { scores: { toxicity: 0.01, identity_attack: 0.01, threat: 0.01, ...scores }, findings: [], slursCountered: false };
}

export function phaseInput(candidate = candidateWith(), context = contextWith(), classification = quietClassification()): PhaseInput {
  return { candidate, context, words: wordMatcherFor(context.settings).scan(candidate.text), classification };
}

export function minutesAgo(minutes: number): string {
  return new Date(NOW.getTime() - minutes * 60_000).toISOString();
}

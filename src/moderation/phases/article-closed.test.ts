import { describe, expect, it } from 'vitest';
import { candidateWith, phaseInput } from '../testing.js';
import { articleClosed } from './article-closed.js';

describe('article-closed phase', () => {
  it('rejects comments on a closed article', () => {
    const result = articleClosed.run(phaseInput(candidateWith({ article: { commentsOpen: false } })));
    expect(result?.decision).toBe('reject');
    expect(result?.reasons[0].code).toBe('ARTICLE_CLOSED');
  });

  it('passes comments on an open article', () => {
    expect(articleClosed.run(phaseInput())).toBeUndefined();
  });
});

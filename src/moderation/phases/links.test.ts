import { describe, expect, it } from 'vitest';
import { candidateWith, contextWith, phaseInput } from '../testing.js';
import { findLinks, links } from './links.js';

describe('links phase', () => {
  const context = contextWith({ linkMinApproved: 2 });

  it('holds a link from a reader with too few approved comments', () => {
    const candidate = candidateWith({ text: 'Read this: https://example.com/x', author: { approvedCount: 1 } });
    expect(links.run(phaseInput(candidate, context))).toMatchObject({ decision: 'hold', reasons: [{ code: 'LINK_NEW_READER', matches: ['https://example.com/x'] }] });
  });

  it('passes a link from an established reader', () => {
    const candidate = candidateWith({ text: 'See www.example.org', author: { approvedCount: 2 } });
    expect(links.run(phaseInput(candidate, context))).toBeUndefined();
  });

  it('passes a new reader without links', () => {
    expect(links.run(phaseInput(candidateWith({ author: { approvedCount: 0 } }), context))).toBeUndefined();
  });

  it('finds bare domains but not sentence ends', () => {
    expect(findLinks('buy at cheap-pills.xyz now')).toEqual(['cheap-pills.xyz']);
    expect(findLinks('I agree.The end')).toEqual([]);
  });
});

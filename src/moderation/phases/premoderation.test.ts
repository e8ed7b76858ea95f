import { describe, expect, it } from 'vitest';
import { candidateWith, contextWith, phaseInput } from '../testing.js';
import { premoderation } from './premoderation.js';

const codes = (input: ReturnType<typeof phaseInput>) => premoderation.run(input)?.reasons.map((reason) => reason.code);

describe('premoderation phase', () => {
  it('holds everything when the site pre-moderates', () => {
    expect(codes(phaseInput(candidateWith(), contextWith({ premoderateAll: true })))).toEqual(['PREMODERATED']);
  });

  it('holds comments on a pre-moderated article', () => {
    expect(codes(phaseInput(candidateWith({ article: { premoderate: true } })))).toEqual(['PREMODERATED_ARTICLE']);
  });

  it('holds a reader set to pre-moderation', () => {
    expect(codes(phaseInput(candidateWith({ author: { premoderate: true } })))).toEqual(['PREMODERATED_READER']);
  });

  it("holds a new reader's first N comments, then stops", () => {
    const context = contextWith({ newReaderPremoderateCount: 2 });
    expect(codes(phaseInput(candidateWith({ author: { approvedCount: 1 } }), context))).toEqual(['PREMODERATE_NEW_READER']);
    expect(premoderation.run(phaseInput(candidateWith({ author: { approvedCount: 2 } }), context))).toBeUndefined();
  });

  it('passes when nothing is pre-moderated', () => {
    expect(premoderation.run(phaseInput())).toBeUndefined();
  });
});

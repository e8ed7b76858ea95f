import { describe, expect, it } from 'vitest';
import { candidateWith, contextWith, minutesAgo, phaseInput } from '../testing.js';
import { repeatPost } from './repeat-post.js';

const text = 'The minister should resign.';

describe('repeat-post phase', () => {
  it('holds the same text posted again within the window, whatever the case and spacing', () => {
    const candidate = candidateWith({ text: 'the   MINISTER should resign!!', author: { recent: [{ text, createdAt: minutesAgo(5) }] } });
    expect(repeatPost.run(phaseInput(candidate))).toMatchObject({ decision: 'hold', reasons: [{ code: 'REPEAT_POST' }] });
  });

  it('passes the same text once the window has passed', () => {
    const candidate = candidateWith({ text, author: { recent: [{ text, createdAt: minutesAgo(61) }] } });
    expect(repeatPost.run(phaseInput(candidate, contextWith({ repeatWindowMinutes: 60 })))).toBeUndefined();
  });

  it('passes a different text', () => {
    const candidate = candidateWith({ text: 'The minister should stay.', author: { recent: [{ text, createdAt: minutesAgo(1) }] } });
    expect(repeatPost.run(phaseInput(candidate))).toBeUndefined();
  });
});

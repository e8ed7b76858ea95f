import { describe, expect, it } from 'vitest';
import { candidateWith, contextWith, phaseInput } from '../testing.js';
import { words } from './words.js';

const run = (text: string, settings = {}) => words.run(phaseInput(candidateWith({ text }), contextWith(settings)));

describe('words phase', () => {
  it('rejects a site-banned word and names it', () => {
    expect(run('What a grifter.', { bannedWords: ['grifter'] })).toMatchObject({
      decision: 'reject',
      reasons: [{ code: 'BANNED_WORD', matches: ['grifter'] }],
    });
  });

  it('holds a site-suspect word, with a trailing * matching any ending', () => {
    expect(run('Those shills again.', { suspectWords: ['shill*'] })).toMatchObject({ decision: 'hold', reasons: [{ code: 'SUSPECT_WORD' }] });
  });

  it('holds a slur even when disguised', () => {
    expect(run('typical k1ke behaviour')).toMatchObject({ decision: 'hold', reasons: [{ code: 'SLUR' }] });
    expect(run('Americunt')).toMatchObject({ decision: 'hold', reasons: [{ code: 'SLUR', matches: ['Americunt'] }] });
  });

  it('leaves plain profanity to the classifier', () => {
    expect(run('fucking great news')).toBeUndefined();
  });

  it('lets the allow-list clear a site word inside a longer one', () => {
    expect(run('Scunthorpe United', { bannedWords: ['scunt*'], allowedWords: ['scunthorpe'] })).toBeUndefined();
  });
});

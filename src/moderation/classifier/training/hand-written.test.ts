import { describe, expect, it } from 'vitest';
import { templateExamples } from './build.js';
import { dedupKey } from './corpus.js';
import { THIRD_WAVE, blindKeys, handWrittenTexts, thirdWaveTexts } from './hand-written.js';

describe('hand-written tuning comments as training examples (round 14)', () => {
  const written = handWrittenTexts();

  it('labels every comment on at least toxicity, and civil ones harmless on every head', () => {
    expect(written.length).toBeGreaterThan(1000);
    for (const { labels } of written) expect(labels.toxicity).toBeDefined();
    const civil = written.filter(({ labels }) => labels.toxicity === 0);
    for (const { labels } of civil) expect(labels).toEqual({ toxicity: 0, identity_attack: 0, threat: 0 });
  });

  it('never trains on a blind fixture, even where a tuning writer wrote the same words', () => {
    const blind = blindKeys();
    expect(blind.has(dedupKey('Jews control the banks and the media. Wake up.'))).toBe(true);
    expect(written.filter(({ text }) => blind.has(dedupKey(text)))).toEqual([]);
  });

  it('joins the templates only at a weight above zero', () => {
    const plain = templateExamples();
    const joined = templateExamples({ handWrittenWeight: 3 });
    expect(joined.length - plain.length).toBe(written.length);
    expect(joined.filter((example) => example.tag === 'hand-written').every((example) => example.weight === 3)).toBe(true);
  });
});

describe('the third wave of written comments (round 17)', () => {
  const third = thirdWaveTexts();

  it('keeps every writer apart, none of it blind, labelled consistently on every head', () => {
    expect(Object.values(THIRD_WAVE).map((batch) => batch.length)).toEqual([300, 300, 300, 300]);
    const blind = blindKeys();
    expect(third.filter(({ text }) => blind.has(dedupKey(text)))).toEqual([]);
    for (const { labels } of third) {
      if (labels.identity_attack || labels.threat) expect(labels.toxicity).toBe(1);
    }
    expect(new Set(third.map(({ site }) => site))).toEqual(new Set(['local', 'world', 'culture', 'opinion']));
  });

  it("tags each comment with its writer's site, so one writer can be left out", () => {
    const joined = templateExamples({ thirdWaveWeight: 5 }).filter((example) => example.tag.startsWith('third-wave:'));
    expect(joined).toHaveLength(third.length);
    expect(joined.every((example) => example.weight === 5)).toBe(true);
    expect(joined.filter((example) => example.tag === 'third-wave:culture')).toHaveLength(third.filter(({ site }) => site === 'culture').length);
  });
});

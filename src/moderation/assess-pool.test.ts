import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTATION_FORMAT, createScoreAdjustment } from './adaptation/model.js';
import { createAssessPool } from './assess-pool.js';
import { HEADS } from './classifier/model.js';
import { assess } from './pipeline.js';
import { candidateWith, contextWith } from './testing.js';

describe('assess pool', () => {
  const pool = createAssessPool({ size: 2 });
  afterAll(() => pool.close());

  const texts = [
    'Thanks for the careful reporting on the council budget.',
    'You are an idiot and everyone like you should shut up.',
    'I will find where you live.',
    'Link to the minutes: https://example.org/minutes.pdf',
  ];

  it('scores in worker threads exactly as assess() does in-process', async () => {
    expect(pool.size).toBe(2);
    await pool.start();
    const results = await Promise.all(texts.map((text) => pool.assess(candidateWith({ text }), contextWith())));
    texts.forEach((text, index) => expect(results[index]).toEqual(assess(candidateWith({ text }), contextWith())));
    expect(pool.scoredInWorkers).toBe(texts.length);
  });

  it('applies the site adaptation in the workers, rebuilt from its weights', async () => {
    // A learned shift that makes every comment look far worse than the shipped model says.
    const adaptation = createScoreAdjustment({ format: ADAPTATION_FORMAT, heads: [...HEADS], center: 0, bits: 12, bias: 40, words: new Array<number>(4096).fill(0) });
    const context = { ...contextWith(), adaptation };
    for (let round = 0; round < 3; round++) {
      const inWorker = await pool.assess(candidateWith({ text: texts[0] }), context);
      expect(inWorker).toEqual(assess(candidateWith({ text: texts[0] }), context));
      expect(inWorker.scores).not.toEqual(assess(candidateWith({ text: texts[0] }), contextWith()).scores);
    }
    expect(pool.scoredInWorkers).toBe(texts.length + 3);
  });

  it('runs in-process when there is no core to spare, and refuses nothing after closing', async () => {
    const single = createAssessPool({ size: 0 });
    expect(single.size).toBe(0);
    expect(await single.assess(candidateWith({ text: texts[1] }), contextWith())).toEqual(assess(candidateWith({ text: texts[1] }), contextWith()));
    const closing = createAssessPool({ size: 1 });
    await closing.close();
    expect((await closing.assess(candidateWith({ text: texts[2] }), contextWith())).decision).toBe(assess(candidateWith({ text: texts[2] }), contextWith()).decision);
  });
});

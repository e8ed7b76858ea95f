/**
 * The moderation bench's measurements (`moderation.ts` runs this file in a process of its own): assess()
 * time per ~1,000-character comment (median and p99) and the classifier's load time and memory. Prints
 * numbers and ratios against the targets; it does not pass or fail.
 */
import { performance } from 'node:perf_hooks';
import { createClassifier, defaultModelDir, loadModel } from '../src/moderation/classifier/index.js';
import { CIVIL, COUNTER_SPEECH, FUNCTIONAL_PROBE, MUST_HOLD } from '../src/moderation/fixtures/corpus.js';
import { createAssess } from '../src/moderation/pipeline.js';
import type { CommentCandidate } from '../src/moderation/types.js';
import { createWordMatcher } from '../src/moderation/words/matcher.js';
import { defaultSettings } from '../src/settings/defaults.js';
import { benchAdaptation, percentile } from './moderation-adaptation.js';

const TARGET_MEDIAN_MS = 1;
const WARMUP = 200;
const RUNS = 2000;

const SENTENCES = [...CIVIL, ...COUNTER_SPEECH, ...MUST_HOLD, ...FUNCTIONAL_PROBE.map(([text]) => text)];

/**
 * `count` different comments of 1,000 characters, each a seeded draw of the corpus' sentences (two in five
 * abusive): a batch of one seed has the same mix as a batch of another, never the same texts.
 */
function comments(count: number, seed: number): string[] {
  let state = seed;
  // mulberry32: a small seeded generator, so every run times the same comments.
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    let text = '';
    while (text.length < 1000) text += `${SENTENCES[Math.floor(random() * SENTENCES.length)]} `;
    return text.slice(0, 1000);
  });
}

function memory(): { heap: number; buffers: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, buffers: usage.arrayBuffers };
}

async function run(): Promise<void> {
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  const before = memory();
  let started = performance.now();
  const model = loadModel(defaultModelDir());
  // The classifier keeps a side-by-side copy of the heads' weights (`sideBySideLogits`): counted as the model's.
  const classifier = createClassifier(model);
  const loadMs = performance.now() - started;
  const after = memory();
  started = performance.now();
  createWordMatcher({ bannedWords: [], suspectWords: [], allowedWords: [] });
  const matcherMs = performance.now() - started;

  const assess = createAssess({ classifier });
  const settings = defaultSettings.moderation;
  const texts = comments(RUNS, 1);
  const candidate = (text: string): CommentCandidate => ({
    text,
    author: { id: 'r', role: 'reader', status: 'active', suspendedUntil: null, premoderate: false, approvedCount: 5, rejectedCount: 0, recent: [] },
    article: { id: 'a', premoderate: false },
  });
  const now = new Date();
  const timed = (batch: string[]) => {
    const times: number[] = [];
    for (const text of batch) {
      const input = candidate(text);
      const t0 = performance.now();
      assess(input, { settings, now });
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b);
  };
  for (let i = 0; i < WARMUP; i++) assess(candidate(texts[i % texts.length]), { settings, now });
  const afterLoad = timed(texts);
  // A worker scores comments for as long as the server runs: timed again, on comments it has not seen.
  const steady = timed(comments(RUNS, 2));
  const median = percentile(steady, 50);

  console.log(`moderation: model load ${loadMs.toFixed(1)} ms, word matcher build ${matcherMs.toFixed(1)} ms`);
  console.log(`moderation: model memory heap +${mb(after.heap - before.heap)}, buffers +${mb(after.buffers - before.buffers)} (weights as Float32: ${mb(model.weights.length * model.weights[0].byteLength)} for the three heads, as much again side by side for scoring)`);
  const figures = (times: number[]) => `median ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms`;
  console.log(`moderation: assess() on ${RUNS} comments of ${texts[0].length} chars right after the model loaded: ${figures(afterLoad)}`);
  console.log(`moderation: assess() on ${RUNS} more (other comments), as a running worker: ${figures(steady)}`);
  console.log(`moderation: running median / 1 ms target = ${(median / TARGET_MEDIAN_MS).toFixed(2)}x`);
  await benchAdaptation(assess, classifier, texts.map(candidate), { settings, now });
}

await run();

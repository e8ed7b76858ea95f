/**
 * The moderation bench's measurements (`moderation.ts` runs this file in a process of its own): assess()
 * time per ~1,000-character comment (median and p99) and the classifier's load time and memory. Prints
 * numbers and ratios against the targets; it does not pass or fail.
 */
import { performance } from 'node:perf_hooks';
import { createClassifier, defaultModelDir, loadModel } from '../src/moderation/classifier/index.js';
import { CIVIL, COUNTER_SPEECH, MUST_HOLD } from '../src/moderation/fixtures/corpus.js';
import { createAssess } from '../src/moderation/pipeline.js';
import type { CommentCandidate } from '../src/moderation/types.js';
import { createWordMatcher } from '../src/moderation/words/matcher.js';
import { defaultSettings } from '../src/settings/defaults.js';
import { benchAdaptation } from './moderation-adaptation.js';

const TARGET_MEDIAN_MS = 1;
const WARMUP = 200;
const RUNS = 2000;

function comments(count: number): string[] {
  const sentences = [...CIVIL, ...COUNTER_SPEECH, ...MUST_HOLD];
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let k = i; text.length < 1000; k += 7) text += `${sentences[(k * 13) % sentences.length]} `;
    return text.slice(0, 1000);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
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
  const classifier = createClassifier(model);
  // The first comment builds the heads' side-by-side copy of the weights (`model.ts`): counted as the model's.
  classifier.classify('first comment');
  const loadMs = performance.now() - started;
  const after = memory();
  started = performance.now();
  createWordMatcher({ bannedWords: [], suspectWords: [], allowedWords: [] });
  const matcherMs = performance.now() - started;

  const assess = createAssess({ classifier });
  const settings = defaultSettings.moderation;
  const texts = comments(RUNS);
  const candidate = (text: string): CommentCandidate => ({
    text,
    author: { id: 'r', role: 'reader', status: 'active', suspendedUntil: null, premoderate: false, approvedCount: 5, rejectedCount: 0, recent: [] },
    article: { id: 'a', premoderate: false },
  });
  const now = new Date();
  for (let i = 0; i < WARMUP; i++) assess(candidate(texts[i % texts.length]), { settings, now });
  const times: number[] = [];
  for (const text of texts) {
    const input = candidate(text);
    const t0 = performance.now();
    assess(input, { settings, now });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p99 = percentile(times, 99);

  console.log(`moderation: model load ${loadMs.toFixed(1)} ms, word matcher build ${matcherMs.toFixed(1)} ms`);
  console.log(`moderation: model memory heap +${mb(after.heap - before.heap)}, buffers +${mb(after.buffers - before.buffers)} (weights as Float32: ${mb(model.weights.length * model.weights[0].byteLength)} for the three heads, as much again side by side for scoring)`);
  console.log(`moderation: assess() on ${RUNS} comments of ${texts[0].length} chars: median ${median.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`);
  console.log(`moderation: median / 1 ms target = ${(median / TARGET_MEDIAN_MS).toFixed(2)}x`);
  await benchAdaptation(assess, classifier, texts.map(candidate), { settings, now });
}

await run();

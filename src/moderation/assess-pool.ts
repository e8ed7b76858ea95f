import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assess } from './pipeline.js';
import type { AssessRequest } from './assess-worker.js';
import type { Assessment, AssessContext, CommentCandidate, ScoreAdjustment } from './types.js';

/**
 * `assess()` on other cores: a burst of comments is classified in worker threads while the main thread
 * keeps serving pages. The comment's transaction is untouched: only the scoring moves. On one core
 * (or with an adjustment that has no plain weights to send) it runs in-process, exactly as before.
 */
export interface AssessPool {
  assess(candidate: CommentCandidate, context: AssessContext): Promise<Assessment>;
  /** Worker threads it runs (0: in-process). */
  readonly size: number;
  /** Starts the workers now (they start with the first comment otherwise) and waits until they can score. */
  start(): Promise<void>;
  /** Comments scored in worker threads so far. */
  readonly scoredInWorkers: number;
  /** Ends the workers; what is still waiting is refused. */
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (assessment: Assessment) => void; reject: (error: Error) => void }>;
  /** The adaptation whose weights this worker holds. */
  adaptationKey: number | undefined;
  ready: boolean;
}

/** One worker per core beyond the main thread's, at most `max` (the server takes `config.assessWorkers`). */
export function defaultPoolSize(max = 3): number {
  return Math.max(0, Math.min(max, availableParallelism() - 1));
}

function spawnWorker(): Worker {
  // From source (tests, `npm run dev`, benches) the worker is TypeScript: tsx loads it as the main thread was.
  if (import.meta.url.endsWith('.ts')) {
    const file = new URL('./assess-worker.ts', import.meta.url).href;
    return new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`, { eval: true });
  }
  return new Worker(new URL('./assess-worker.js', import.meta.url));
}

export function createAssessPool(options: { size?: number } = {}): AssessPool {
  const size = options.size ?? defaultPoolSize();
  if (size <= 0) {
    return { size: 0, scoredInWorkers: 0, start: async () => {}, assess: async (candidate, context) => assess(candidate, context), close: async () => {} };
  }
  // Adjustments are numbered as first seen, so a worker gets each one's weights once.
  const adaptationKeys = new WeakMap<ScoreAdjustment, { key: number; weights: string }>();
  let nextAdaptationKey = 1;
  let nextId = 1;
  let closed = false;
  let scoredInWorkers = 0;
  const readyWaiters: (() => void)[] = [];
  const slots: Slot[] = [];

  function start(index: number): Slot {
    const slot: Slot = { worker: spawnWorker(), pending: new Map(), adaptationKey: undefined, ready: false };
    // Never what keeps the process alive; the server's close ends the pool.
    slot.worker.unref();
    slot.worker.on('message', (message: { id: number; assessment?: Assessment; error?: string; ready?: boolean }) => {
      if (message.ready) {
        slot.ready = true;
        if (slots.every((each) => each.ready)) readyWaiters.splice(0).forEach((wake) => wake());
        return;
      }
      const waiting = slot.pending.get(message.id);
      if (!waiting) return;
      slot.pending.delete(message.id);
      scoredInWorkers += 1;
      if (message.assessment) waiting.resolve(message.assessment);
      else waiting.reject(new Error(message.error ?? 'assess worker failed'));
    });
    const fail = (error: Error) => {
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
      // A worker that died is replaced, so one bad comment cannot take scoring away for good.
      if (!closed && slots[index] === slot) slots[index] = start(index);
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`assess worker exited with code ${code}`)));
    return slot;
  }
  // Started by the first comment, so a process that never scores one never loads a thread.
  const startAll = () => {
    for (let index = 0; index < size; index++) slots.push(start(index));
  };

  function adaptationOf(adjustment: ScoreAdjustment): { key: number; weights: string } | undefined {
    let known = adaptationKeys.get(adjustment);
    if (!known && adjustment.weights !== undefined) {
      known = { key: nextAdaptationKey++, weights: JSON.stringify(adjustment.weights) };
      adaptationKeys.set(adjustment, known);
    }
    return known;
  }

  return {
    size,
    get scoredInWorkers() {
      return scoredInWorkers;
    },
    async start() {
      if (slots.length === 0 && !closed) startAll();
      if (closed || slots.every((slot) => slot.ready)) return;
      await new Promise<void>((resolve) => readyWaiters.push(resolve));
    },
    async assess(candidate, context) {
      const { adaptation, ...plain } = context;
      const sent = adaptation ? adaptationOf(adaptation) : undefined;
      if (slots.length === 0 && !closed) startAll();
      const ready = slots.filter((candidateSlot) => candidateSlot.ready);
      // Until a worker has loaded the model (and after closing), the main thread scores as it always did.
      if (closed || ready.length === 0 || (adaptation && !sent)) return assess(candidate, context);
      const slot = ready.reduce((least, candidateSlot) => (candidateSlot.pending.size < least.pending.size ? candidateSlot : least));
      const id = nextId++;
      const request: AssessRequest = {
        id, candidate, context: plain,
        ...(sent ? { adaptation: { key: sent.key, ...(slot.adaptationKey === sent.key ? {} : { weights: sent.weights }) } } : {}),
      };
      if (sent) slot.adaptationKey = sent.key;
      return new Promise<Assessment>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage(request);
      });
    },
    async close() {
      closed = true;
      readyWaiters.splice(0).forEach((wake) => wake());
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

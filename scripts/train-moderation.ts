/**
 * Trains the on-device moderation classifier from every labelled set in the shared datasets folder plus
 * the generated examples, and writes its weights into src/moderation/classifier/model/ (committed).
 *
 *   npm run train:moderation -- --data ../shared/datasets [--out DIR] [--epochs N] [--bits N] [--train JSON]
 *
 * `--train` takes training options over DEFAULT_TRAINING, as in eval:moderation (to try a candidate's
 * weights before it becomes the default).
 *
 * The 15% test split of every set (by post, user, thread, dialogue or pair) is never used here;
 * eval:moderation measures on it. A second 15% (the validation split) is held out of fitting and used
 * only to calibrate each head. The blind fixtures (fixtures/blind-*.ts) are never read here. The same
 * data and code give the same bytes: the order is fixed, the shuffles seeded, and the meta carries no
 * clock, only a fingerprint of what was trained on.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { META_FILE, WEIGHTS_FILE, encodeModel } from '../src/moderation/classifier/model.js';
import { buildTrainingSet } from '../src/moderation/classifier/training/build.js';
import { SOURCES } from '../src/moderation/classifier/training/corpus.js';
import { isTestExample, isValidationExample } from '../src/moderation/classifier/training/datasets.js';
import { TEMPLATES, fitCalibrated } from '../src/moderation/classifier/training/fit.js';
import { DEFAULT_TRAINING, type TrainingOptions } from '../src/moderation/classifier/training/train.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: 'src/moderation/classifier/model' },
    epochs: { type: 'string' },
    bits: { type: 'string' },
    train: { type: 'string' },
  },
});
if (!values.data) {
  process.stderr.write('usage: npm run train:moderation -- --data ../shared/datasets [--out DIR] [--epochs N] [--bits N] [--train JSON]\n');
  process.exit(2);
}

const started = Date.now();
const log = (message: string) => process.stderr.write(`${message}\n`);
const options = {
  ...DEFAULT_TRAINING,
  ...(values.train ? (JSON.parse(values.train) as Partial<TrainingOptions>) : {}),
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
  ...(values.bits ? { bits: Number(values.bits) } : {}),
  log,
};

const set = buildTrainingSet(resolve(values.data), options, log);
for (const [source, dropped] of set.corpus.duplicates) if (dropped > 0) log(`${source}: ${dropped} rows dropped as duplicates of an earlier set or row`);
const model = fitCalibrated(set, () => true, options);

const fitted = set.examples.filter((example) => example.source === TEMPLATES || (!isTestExample(example) && !isValidationExample(example)));
const fingerprint = createHash('sha256');
for (const example of fitted) fingerprint.update(`${example.source}\u0000${example.text}\u0000${JSON.stringify(example.labels)}\u0000${example.weight}\n`);
const out = resolve(values.out!);
mkdirSync(out, { recursive: true });
const { meta, bytes } = encodeModel(model, {
  trainedOn: [...SOURCES, 'generated templates'],
  examples: fitted.length,
  dataFingerprint: fingerprint.digest('hex').slice(0, 16),
});
writeFileSync(join(out, WEIGHTS_FILE), bytes);
writeFileSync(join(out, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
log(`wrote ${join(out, WEIGHTS_FILE)} (${(bytes.length / 1024).toFixed(0)} KiB) and ${META_FILE} in ${((Date.now() - started) / 1000).toFixed(0)} s`);

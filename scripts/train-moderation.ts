/**
 * Trains the on-device moderation classifier from the shared labelled sets plus the generated examples
 * and writes its weights into src/moderation/classifier/model/ (committed).
 *
 *   npm run train:moderation -- --data ../shared/datasets [--out DIR] [--epochs N] [--bits N]
 *
 * The 15% test split of every set (by post, user or comment) is never used here; eval:moderation
 * measures on it. A second 15% (the validation split) is held out of fitting and used only to calibrate
 * each head, so 0.5 means even odds on every head. The blind fixtures (fixtures/blind-*.ts) are never
 * read here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { META_FILE, WEIGHTS_FILE, encodeModel } from '../src/moderation/classifier/model.js';
import { generateExamples } from '../src/moderation/classifier/training/augment.js';
import { SOURCES, isTestExample, isValidationExample, loadAll } from '../src/moderation/classifier/training/datasets.js';
import { trainCalibrated } from '../src/moderation/classifier/training/fit.js';
import { DEFAULT_TRAINING } from '../src/moderation/classifier/training/train.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: 'src/moderation/classifier/model' },
    epochs: { type: 'string' },
    bits: { type: 'string' },
  },
});
if (!values.data) {
  process.stderr.write('usage: npm run train:moderation -- --data ../shared/datasets [--out DIR] [--epochs N] [--bits N]\n');
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const options = {
  ...DEFAULT_TRAINING,
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
  ...(values.bits ? { bits: Number(values.bits) } : {}),
  log,
};

const examples = loadAll(resolve(values.data)).filter((example) => !isTestExample(example));
const generated = generateExamples().map((example) => ({ ...example, weight: 1 }));
log(`training on ${examples.length} labelled texts from ${SOURCES.join(', ')} and ${generated.length} generated ones`);
const model = trainCalibrated(examples, generated, options);

const out = resolve(values.out!);
mkdirSync(out, { recursive: true });
const { meta, bytes } = encodeModel(model, {
  trainedOn: [...SOURCES, 'generated templates'],
  // Fitted on these; the validation split only calibrates.
  examples: examples.filter((example) => !isValidationExample(example)).length + generated.length,
  createdAt: new Date().toISOString(),
});
writeFileSync(join(out, WEIGHTS_FILE), bytes);
writeFileSync(join(out, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
log(`wrote ${join(out, WEIGHTS_FILE)} (${(bytes.length / 1024).toFixed(0)} KiB) and ${META_FILE}`);

// npm test: the type-check and the SQLite suite side by side (the type-check is one core's work for most
// of a minute; the suite's two workers leave room for it). Fails when either fails, and says which.
// Arguments go to vitest: `npm test -- src/comments`.
import { spawn } from 'node:child_process';

function run(label, command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ label, ok: false, detail: error.message }));
    child.once('exit', (code, signal) => resolve({ label, ok: code === 0, detail: signal ?? `exit code ${code}` }));
  });
}

const results = await Promise.all([
  run('type-check (tsc)', 'npx', ['tsc', '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tribune/typecheck.tsbuildinfo']),
  run('unit and integration tests (vitest --project unit)', 'npx', ['vitest', 'run', '--project', 'unit', ...process.argv.slice(2)]),
]);
const failed = results.filter((result) => !result.ok);
for (const result of failed) process.stderr.write(`npm test: ${result.label} failed (${result.detail})\n`);
process.exit(failed.length > 0 ? 1 : 0);

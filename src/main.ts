#!/usr/bin/env node
import { runCli } from './cli/index.js';

const code = await runCli(process.argv.slice(2));
// `serve` keeps running after this returns; every other command ends here with its code.
if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;

#!/usr/bin/env node
// The `roomcheck` command. The CLI is TypeScript run through tsx, so a fresh checkout works
// after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));

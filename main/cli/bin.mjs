#!/usr/bin/env node
// The `roomcheck` command. It runs the bundle that main/scripts/build-cli.ts writes to out/cli
// (on `npm ci`, `npm install` and `npm run build`), which starts at once. Without a bundle, or
// when a source file is newer than it (a checkout being edited), it runs the TypeScript sources
// through tsx instead, which takes a few seconds, and says so.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const bundle = new URL('out/cli/cli.mjs', root);

/** 'fresh', 'missing' or 'stale', from the bundle's list of the sources it was built from. */
function bundleState() {
  let builtAt;
  let sources;
  try {
    builtAt = statSync(bundle).mtimeMs;
    sources = JSON.parse(readFileSync(new URL('out/cli/sources.json', root), 'utf8')).sources;
  } catch {
    return 'missing';
  }
  for (const source of sources) {
    try {
      if (statSync(new URL(source, root)).mtimeMs > builtAt) return 'stale';
    } catch {
      return 'stale';
    }
  }
  return 'fresh';
}

const state = bundleState();
let main;
if (state === 'fresh') {
  ({ main } = await import(bundle.href));
} else {
  process.stderr.write(
    state === 'missing'
      ? 'roomcheck: the CLI bundle (out/cli) is missing, so the TypeScript sources run instead, which is slower; "npm run build:cli" builds it.\n'
      : 'roomcheck: the sources changed since the CLI bundle was built, so they run instead, which is slower; "npm run build:cli" rebuilds it.\n',
  );
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));

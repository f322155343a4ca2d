import { buildCli } from '../../main/scripts/build-cli.ts';

// The CLI tests run main/cli/bin.mjs as a user does, which runs the bundle in out/cli when it
// is newer than every source. Building it first means they test the shipped bundle, not a
// fallback, whatever was edited since `npm ci`.
export default async function setup(): Promise<void> {
  await buildCli();
}

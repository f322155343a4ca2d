import type { CliCommand } from '../command.ts';

/**
 * Every CLI command, in the order `roomcheck --help` lists them. Each is loaded only when it
 * runs (or for --help), so `roomcheck verify` never loads the report layout and its fonts, and
 * `roomcheck --version` loads no command at all.
 */
export const COMMAND_LOADERS: ReadonlyArray<readonly [string, () => Promise<CliCommand>]> = [
  ['demo', async () => (await import('./demo.ts')).demoCommand],
  ['report', async () => (await import('./report.ts')).reportCommand],
  ['verify', async () => (await import('./verify.ts')).verifyCommand],
  ['extract', async () => (await import('./extract.ts')).extractCommand],
  ['check-import', async () => (await import('./check-import.ts')).checkImportCommand],
  ['export', async () => (await import('./export.ts')).exportCommand],
];

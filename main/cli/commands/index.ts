import type { CliCommand } from '../command.ts';

/** Every CLI command, in the order `roomcheck --help` lists them. */
export const COMMANDS: CliCommand[] = [];

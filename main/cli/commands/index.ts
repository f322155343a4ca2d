import type { CliCommand } from '../command.ts';
import { checkImportCommand } from './check-import.ts';

/** Every CLI command, in the order `roomcheck --help` lists them. */
export const COMMANDS: CliCommand[] = [checkImportCommand];

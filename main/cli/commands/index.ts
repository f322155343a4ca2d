import type { CliCommand } from '../command.ts';
import { checkImportCommand } from './check-import.ts';
import { demoCommand } from './demo.ts';
import { exportCommand } from './export.ts';
import { extractCommand } from './extract.ts';
import { reportCommand } from './report.ts';
import { verifyCommand } from './verify.ts';

/** Every CLI command, in the order `roomcheck --help` lists them. */
export const COMMANDS: CliCommand[] = [
  demoCommand,
  reportCommand,
  verifyCommand,
  extractCommand,
  checkImportCommand,
  exportCommand,
];

import { APP_VERSION } from '../app-meta.ts';
import { CliUsageError, type CliIo } from './command.ts';
import { COMMAND_LOADERS } from './commands/index.ts';

async function usage(): Promise<string> {
  const commands = await Promise.all(COMMAND_LOADERS.map(([, load]) => load()));
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: roomcheck <command> [options]',
    '',
    'Roomcheck: periodic security checks of computer rooms that hold secrets.',
    '',
    'Commands:',
    ...(lines.length ? lines : ['  (none yet)']),
    '',
    'Options:',
    "  --help, -h     show this help, or a command's help after its name",
    '  --version, -v  print the version',
  ].join('\n');
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
  env: process.env,
};

/** Runs the CLI and returns its exit code; never throws for a user's mistake. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(await usage());
    return first === undefined ? 3 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(APP_VERSION);
    return 0;
  }
  const load = COMMAND_LOADERS.find(([name]) => name === first)?.[1];
  if (!load) {
    io.err(`roomcheck: unknown command "${first}". Run "roomcheck --help" for the list.`);
    return 3;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliUsageError) {
      io.err(`roomcheck ${command.name}: ${err.message}`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`roomcheck ${command.name}: ${message}`);
    if (io.env.ROOMCHECK_DEBUG) io.err(err instanceof Error ? (err.stack ?? '') : '');
    return 3;
  }
}

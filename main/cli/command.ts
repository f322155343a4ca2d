/** What a CLI command writes; injected so tests can capture it. */
export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
};

export type CliCommand = {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full text for `roomcheck <name> --help`. */
  help: string;
  run: (args: string[], io: CliIo) => Promise<number>;
};

/** A mistake by the person at the keyboard: printed as a plain sentence, never a stack trace. */
export class CliUsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 3,
  ) {
    super(message);
    this.name = 'CliUsageError';
  }
}

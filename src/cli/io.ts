import { neutraliseControls } from './terminal';

/** What a command needs from the process, injected so that commands are testable in-process. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input as text (commands that read JSON). */
  readonly readStdinText: () => Promise<string>;
  /** Standard input's bytes, or null once more than `maxBytes` arrived (reading stops there). */
  readonly readStdin: (maxBytes: number) => Promise<Buffer | null>;
}

/** A failure the user caused (bad arguments, bad input): one line on stderr, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(neutraliseControls(text)),
    stderr: (text) => process.stderr.write(neutraliseControls(text)),
    readStdinText: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        total += (chunk as Buffer).length;
        if (total > maxBytes) {
          process.stdin.destroy();
          return null;
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
  };
}

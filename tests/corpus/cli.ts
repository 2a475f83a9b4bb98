import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/groundwork.mjs', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Peak resident memory of the process (VmHWM), in KiB, as last seen; 0 when not seen. */
  readonly peakKiB: number;
}

export interface CliOptions {
  readonly input?: Buffer | string;
  readonly timeoutMs?: number;
  /** Run as this user (and group), e.g. 65534 ("nobody") to see what a non-root user gets. */
  readonly uid?: number;
  /** Kill with SIGKILL after this many ms (the fault loops). */
  readonly killAfterMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** A crash, as opposed to a refusal: exit status other than 0 and 2, a signal we did not send, or a stack trace. */
export function isCrash(run: CliRun): boolean {
  return (run.status !== 0 && run.status !== 2) || /\n\s+at .+:\d+:\d+/.test(run.stderr);
}

/** Runs `node bin/groundwork.mjs …` as a child process, watching its peak memory. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = '';
    let stderr = '';
    let peakKiB = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 1_000_000) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 1_000_000) stderr += chunk;
    });
    const watch = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
      } catch {
        // Gone already.
      }
    }, 25);
    const timers: NodeJS.Timeout[] = [];
    if (options.killAfterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), options.killAfterMs));
    timers.push(setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearInterval(watch);
      for (const t of timers) clearTimeout(t);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - started, peakKiB });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { removeTemporary, temporaryPathFor } from './temporary';

/** An output file that could not be written (a full disk, no permission); nothing was left behind. */
export class WriteFileError extends Error {
  override readonly name = 'WriteFileError';
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const WRITE_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  EROFS: 'the disk is read-only',
  EISDIR: 'it is a folder',
  ENOENT: 'its folder does not exist',
};

/** Writes `text` to `file` through a temporary file beside it, synced, then renamed: never half a file. */
export function writeFileAtomically(file: string, text: string): void {
  try {
    writeThroughTemporary(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const why = Object.hasOwn(WRITE_REASONS, code) ? WRITE_REASONS[code] : (error as Error).message;
    throw new WriteFileError(file, code, `could not write ${file}: ${why}; nothing was written`);
  }
}

function writeThroughTemporary(file: string, text: string): void {
  const temporary = temporaryPathFor(file, 'write');
  try {
    const fd = openSync(temporary, 'wx');
    try {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    removeTemporary(temporary);
    throw error;
  }
}

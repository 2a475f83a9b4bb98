import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type InputFileErrorCode = 'not-found' | 'not-a-file' | 'too-large' | 'unreadable';

/** A file to import that cannot be read as one: missing, a folder or a pipe, over its size limit. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly code: InputFileErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The bytes of a file to import, refused BEFORE reading when it is larger than `maxBytes` (its
 * size is checked on the open descriptor, so a file swapped in between is caught too, and reading
 * stops at the limit whatever the size said). Never blocks on a named pipe: only regular files
 * are read.
 */
export function readInputFile(path: string, maxBytes: number, what: string): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError('not-found', path, `${path} does not exist`);
    if (code === 'EISDIR') throw new InputFileError('not-a-file', path, `${path} is a folder, not a ${what}`);
    throw new InputFileError('unreadable', path, `${path} cannot be read (${code ?? 'error'})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputFileError('not-a-file', path, `${path} is not a regular file, so it is not a ${what}`);
    if (stat.size > maxBytes) {
      throw new InputFileError('too-large', path, `${path} is ${formatSize(stat.size)}; a ${what} may be at most ${formatSize(maxBytes)}`);
    }
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let read = 0;
    for (;;) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
      if (read > maxBytes) throw new InputFileError('too-large', path, `${path} is larger than ${formatSize(maxBytes)}, the most a ${what} may be`);
    }
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError('unreadable', path, `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

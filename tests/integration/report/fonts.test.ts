import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportFontFiles } from '../../../src/report';

/*
 * src/core/report/metrics-data.ts holds the advance widths of these exact files: the report model
 * breaks lines with them. A different font version could have other widths, so a change of file
 * must come with regenerated widths (see that file's header), and then new hashes here.
 */
const GENERATED_FROM = {
  regular: '393fb5b878ceed04aebc34b097e853ae5138c51d0c34b496ce8e2b47e0d0b94a',
  semibold: 'bd2550fce2d295b0bf20bd8b1b7f1477da834f1066bd850aafdb4787a67a63ca',
  bold: '7109021766e915ecd9721e28d11dfc732d57affda49e4ca15bb6d1529add7fdd',
} as const;

describe('bundled font', () => {
  it('is read from local files, the ones the model measures with', () => {
    const files = reportFontFiles();
    for (const [face, hash] of Object.entries(GENERATED_FROM)) {
      const file = files[face as keyof typeof GENERATED_FROM];
      expect(file).toMatch(/^\//);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex'), `${face}: ${file}`).toBe(hash);
    }
    expect(readFileSync(files.italic).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
  });
});

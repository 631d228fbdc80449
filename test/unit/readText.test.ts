// Reading readouts from disk: what is not a UTF-8 text file gets one clear message.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UnreadableFileError, readTextFile } from '../../server/src/io/readText';

const folder = mkdtempSync(join(tmpdir(), 'kaidan-read-'));

describe('readTextFile', () => {
  it('drops a UTF-8 BOM', () => {
    const path = join(folder, 'bom.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('日米外相会談')]));
    assert.equal(readTextFile(path), '日米外相会談');
  });
  for (const [name, make, message] of [
    ['a missing file', () => join(folder, 'missing.txt'), /no such file/],
    ['a folder', () => folder, /is a folder/],
    ['a binary file', () => { const path = join(folder, 'binary.bin'); writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])); return path; }, /binary/],
    ['text that is not UTF-8', () => { const path = join(folder, 'sjis.txt'); writeFileSync(path, Buffer.from([0x93, 0xfa, 0x95, 0xc4])); return path; }, /not valid UTF-8/],
  ] as const) {
    it(`rejects ${name} with a one-line reason`, () => {
      const path = make();
      assert.throws(() => readTextFile(path), (error: unknown) => error instanceof UnreadableFileError && message.test(error.message) && !error.message.includes('\n'));
    });
  }
});

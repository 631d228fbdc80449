// Semantic tokens of a large readout after an edit: only the edited lines are read again, and the
// result is what a full parse of the new text gives.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTextFile } from '../../server/src/io/readText';
import { createReadoutService } from '../../server/src/service';
import { corpusFiles } from './helpers';

/** About 1 MB of readouts under one title, as a researcher's merged dump would be. */
function largeReadout(): string {
  const texts = corpusFiles().map(readTextFile);
  let text = '日米外相会談(概要)\n\n';
  for (let i = 0; text.length < 1_000_000; i++) text += texts[i % texts.length] + '\n';
  return text;
}

describe('semantic tokens after an edit of a large readout', () => {
  const text = largeReadout();
  const lines = text.split('\n');
  const target = lines.findIndex((line, index) => index > lines.length / 2 && line.includes('大臣より'));

  for (const [name, edit] of [
    ['a character added', (line: string) => line + 'ね'],
    ['a speaker renamed', (line: string) => line.replace('大臣より', '長官より')],
    ['a line inserted', (line: string) => `${line}\n(1)岸田外務大臣より,2月7日11時30分の会談について説明した。`],
  ] as const) {
    it(`equal a full parse of the new text (${name})`, () => {
      const service = createReadoutService();
      const before = { uri: 'memory://large', version: 1, getText: () => text };
      service.semanticTokens(before);
      const edited = [...lines.slice(0, target), edit(lines[target]), ...lines.slice(target + 1)].join('\n');
      const after = { uri: 'memory://large', version: 2, getText: () => edited };
      const incremental = service.semanticTokens(after);
      assert.equal(service.needsFullParse(after), true, 'the edit was answered line by line');
      const full = createReadoutService().semanticTokens({ uri: 'memory://fresh', version: 1, getText: () => edited });
      assert.deepEqual(incremental, full);
      service.parse(after);
      assert.equal(service.needsFullParse(after), false);
      assert.deepEqual(service.semanticTokens(after), full);
    });
  }
});

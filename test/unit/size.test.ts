// Size: a 20 MB readout (the corpus merged into one giant dump) and a 5 MB single line still get an
// outline and folding, and a line dense with one kind of match gets every feature. The times are
// logged for the record; the tests only fail past a timeout, so that a hang or a quadratic blow-up
// fails rather than stalls the suite.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { splitLines } from '../../server/src/parse/text';
import { createReadoutService } from '../../server/src/service';
import { corpusFiles, documentOf } from './helpers';
import { assertFoldingInvariants, assertOutlineInvariants } from './invariants';

const MEGABYTE = 1 << 20;
const corpus = corpusFiles().map((file) => readFileSync(file, 'utf8'));

/** Corpus texts, separated as `join` says, repeated until the UTF-8 size reaches `bytes`. */
function merged(bytes: number, join: (text: string) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = join(corpus[i % corpus.length]);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

function timed<T>(run: () => T): { value: T; milliseconds: number } {
  const start = performance.now();
  const value = run();
  return { value, milliseconds: performance.now() - start };
}

function describeSize(text: string): string {
  return `${(Buffer.byteLength(text) / MEGABYTE).toFixed(1)} MB UTF-8, ${(text.length / 1e6).toFixed(1)}M UTF-16 units`;
}

describe('size', () => {
  it('gives a 20 MB readout an outline and folding', { timeout: 180_000 }, () => {
    const text = merged(20 * MEGABYTE, (part) => `${part}\n`);
    const service = createReadoutService();
    const document = documentOf(text);
    const parse = timed(() => service.parse(document));
    const outline = timed(() => service.outline(document));
    const folding = timed(() => service.foldingRegions(document));
    console.log(`20 MB readout (${describeSize(text)}): parse ${parse.milliseconds.toFixed(0)} ms, outline ${outline.milliseconds.toFixed(0)} ms, folding ${folding.milliseconds.toFixed(0)} ms`);

    const lines = splitLines(text);
    // Every merged readout is a meeting or holds sections: the outline has hundreds of nodes, not one.
    assert.ok(outline.value.length >= corpus.length, `${outline.value.length} top-level outline nodes`);
    assert.ok(folding.value.length >= 10 * corpus.length, `${folding.value.length} folding regions`);
    assertOutlineInvariants(outline.value, lines);
    assertFoldingInvariants(folding.value, lines.length);
  });

  it('gives a 5 MB single line an outline, and folding that is empty but answers', { timeout: 180_000 }, () => {
    const text = merged(5 * MEGABYTE, (part) => part.replace(/\n/g, ''));
    assert.equal(splitLines(text).length, 1);
    const service = createReadoutService();
    const document = documentOf(text);
    const parse = timed(() => service.parse(document));
    const outline = timed(() => service.outline(document));
    const folding = timed(() => service.foldingRegions(document));
    console.log(`5 MB single line (${describeSize(text)}): parse ${parse.milliseconds.toFixed(0)} ms, outline ${outline.milliseconds.toFixed(0)} ms, folding ${folding.milliseconds.toFixed(0)} ms`);

    assert.ok(outline.value.length >= 1, 'the line is a meeting in the outline');
    assert.deepEqual(folding.value, [], 'one line has nothing to fold');
    assertOutlineInvariants(outline.value, splitLines(text));
  });
});

/**
 * One line of 1.2M UTF-16 units holding hundreds of thousands of one match: a list that large,
 * spread into a call's arguments (`push(...list)`), overflows the stack.
 */
const DENSE_LINES: readonly string[] = ['(岸田外務大臣', '【記者】', '日米', '2月7日'];

describe('size: one line dense with matches', () => {
  for (const piece of DENSE_LINES) {
    it(`answers every feature on ${JSON.stringify(piece)} repeated over 1.2M units`, { timeout: 180_000 }, () => {
      const text = piece.repeat(Math.round(1_200_000 / piece.length));
      const service = createReadoutService();
      const document = documentOf(text);
      const { milliseconds } = timed(() => {
        service.parse(document);
        service.outline(document);
        service.foldingRegions(document);
        service.semanticTokens(document);
        service.modelJson(document);
      });
      console.log(`dense line ${JSON.stringify(piece)} (${describeSize(text)}): every feature ${milliseconds.toFixed(0)} ms`);
    });
  }
});

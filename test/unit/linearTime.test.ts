// Linear time on adversarial input: long runs of digits, kanji, spaces, dates and times, brackets
// that never close, numbering markers without end, lines without 。, and many short lines, tags and
// speaker blocks. Doubling the input must cost less than 3× the time (a quadratic path costs 4×,
// a backtracking regex far more). Times are compared with each other, never with a fixed budget.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReadout } from '../../server/src/parse/parser';
import { createReadoutService } from '../../server/src/service';
import { documentOf } from './helpers';

/**
 * Each piece is repeated in proportion to the size asked for: a piece without a line break makes
 * one ever longer line, a piece of lines makes ever more short lines.
 */
const PIECES: readonly string[] = [
  '1234567890１２３４５６７８９０',
  '日米外相会談安全保障協力強化',
  '【記者会見',
  '(岸田外務大臣',
  '（ラヴロフ',
  '1 ',
  '約12345',
  '2月7日11時30分より約1時間,',
  '岸田大臣より,ケリー国務長官から,双方は',
  '旨述べた。',
  '   \u3000\t',
  'ワシントンDCを訪問中のマルコ・ルビオ米国国務長官において',
  'あ\n',
  '【記者】質問です。\n【大臣】お答えします。\n',
  '(ラヴロフ外務大臣)\nロシア側の発言。\n',
  '合わせて読みたい\n',
  '\n\r\n\r',
];

/** About `size` UTF-16 units of adversarial text, every run scaled with the size. */
function adversarialText(size: number): string {
  const parts = ['日米外相会談(概要)\n1 冒頭発言\n'];
  for (const piece of PIECES) {
    const repeated = piece.repeat(Math.max(1, Math.round(size / PIECES.length / piece.length)));
    parts.push(/[\r\n]$/.test(piece) ? repeated : `${repeated}\n`);
  }
  return parts.join('');
}

function milliseconds(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const MEGABYTE = 1 << 20;
const RUNS = 5;
/** Below this a measurement is mostly scheduling noise: a shape that runs faster is measured on more text. */
const SHORTEST_MEASUREMENT_MS = 100;

/**
 * Doubles the input and asserts that the time less than triples. Each size is timed RUNS times,
 * small and large alternating, and the fastest run counts: other work on the machine (test
 * files run in parallel) only ever adds time, and the first run pays for the JIT.
 */
function assertLinear(name: string, make: (size: number) => string, size: number, work: (text: string) => void): void {
  let small = make(size);
  while (milliseconds(() => work(small)) < SHORTEST_MEASUREMENT_MS && size < 8 * MEGABYTE) {
    size *= 2;
    small = make(size);
  }
  const large = make(2 * size);
  let smallTime = Infinity;
  let largeTime = Infinity;
  for (let run = 0; run < RUNS; run++) {
    smallTime = Math.min(smallTime, milliseconds(() => work(small)));
    largeTime = Math.min(largeTime, milliseconds(() => work(large)));
  }
  const ratio = largeTime / smallTime;
  const report = `${name}: ${(small.length / 1024).toFixed(0)}K units ${smallTime.toFixed(0)} ms → ${(large.length / 1024).toFixed(0)}K units ${largeTime.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`;
  console.log(report);
  assert.ok(ratio < 3, `doubling the input took ${ratio.toFixed(2)}× the time: ${report}`);
}

const service = createReadoutService();

/** What the editor asks for on open: the parse, then outline, folding and semantic tokens. */
function everyFeature(text: string): void {
  const document = documentOf(text);
  service.outline(document);
  service.foldingRegions(document);
  service.semanticTokens(document);
  service.forget(document.uri);
}

describe('linear time on a 1 MB adversarial readout', () => {
  it('parses in linear time', () => {
    assertLinear('parse', adversarialText, MEGABYTE, (text) => parseReadout(text));
  });

  it('builds the outline, folding and semantic tokens in linear time', () => {
    assertLinear('outline, folding, semantic tokens', adversarialText, MEGABYTE, everyFeature);
  });
});

// In the mix a quadratic path on one shape can hide under the linear cost of the others; alone it shows.
describe('linear time on each adversarial shape alone', () => {
  for (const piece of PIECES) {
    it(`parses and builds every feature in linear time on ${JSON.stringify(piece)} repeated`, () => {
      const repeated = (size: number) => piece.repeat(Math.round(size / piece.length));
      assertLinear(JSON.stringify(piece), repeated, MEGABYTE / 8, everyFeature);
    });
  }
});

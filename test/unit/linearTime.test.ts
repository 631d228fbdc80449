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

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

const MEGABYTE = 1 << 20;
const RUNS = 3;

/**
 * Doubles the input and asserts that the time less than triples. Small and large runs alternate,
 * so that other work on the machine (test files run in parallel) weighs on both alike; the median
 * drops the JIT's cold first run.
 */
function assertLinear(name: string, make: (size: number) => string, size: number, work: (text: string) => void): void {
  const small = make(size);
  const large = make(2 * size);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    smallTimes.push(milliseconds(() => work(small)));
    largeTimes.push(milliseconds(() => work(large)));
  }
  const ratio = median(largeTimes) / median(smallTimes);
  const report = `${name}: ${(small.length / 1024).toFixed(0)}K units ${median(smallTimes).toFixed(0)} ms → ${(large.length / 1024).toFixed(0)}K units ${median(largeTimes).toFixed(0)} ms, ratio ${ratio.toFixed(2)}`;
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

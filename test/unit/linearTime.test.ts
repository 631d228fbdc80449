// Linear time on every input shape of bench/shapes.ts: long runs of each speech verb, subject,
// office, meeting word, bracket, date and number pattern, tag, heading and reference phrase, alone
// and woven into the sample readouts. Each operation an editor asks for (outline with folding and
// semantic tokens, hover, code lens on an in-memory corpus; each parses) is timed at four sizes, the
// median of three runs at each, and the growth exponent is fitted over all of them. A linear path
// fits about 1, a quadratic one about 2; the limit sits between, well clear of the noise of a
// busy machine (times are CPU times, and a fit over four sizes is not thrown by one slow run).
// `npm run bench:shapes` measures the same shapes up to 1 MB.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { Operation, formatGrowth, measureGrowth, operations, sampleCorpus } from '../../bench/growth';
import { SHAPES } from '../../bench/shapes';

const SIZES = [1, 2, 4, 8].map((k) => k * 1024);
/**
 * A quadratic path whose steps are cheap (a scan for a character) shows only on longer texts, as on
 * text dense with meeting references, where each reference looked for its sentence across the text.
 */
const LONG_SIZES = [8, 16, 32, 64].map((k) => k * 1024);
const DENSE_SHAPES = [
  'meeting word: "日米首脳会談"',
  'meeting word: "日米首脳会談\\n"',
  'meeting word: "2+2"',
  'reference: "先般の日米首脳会談、"',
  // A known person's name in every few characters, as each name looked through those found before it.
  'bracket: "（チョ・ヒョン）"',
  // A name and office in every few characters of one long clause, as each name scanned the clause from its start for an open quote.
  'subject: "岸田大臣より,"',
];
/**
 * One line holding tens of thousands of tokens found out of order (dates, times, durations): their
 * sort on that line is quadratic if it is, and shows only past a few hundred thousand units.
 */
const TOKEN_LINE_SIZES = [128, 256, 512, 1024].map((k) => k * 1024);
const TOKEN_LINE_SHAPE = 'date and number: "2月7日11時30分より約1時間,"';
const RUNS = 3;
const MAX_EXPONENT = 1.5;

describe('linear time on every input shape', () => {
  let index: CorpusIndex;
  let measured: Operation[];
  before(async () => {
    index = await sampleCorpus();
    // The parse is timed inside each of the others.
    measured = operations(index).filter((operation) => operation.name !== 'parse');
  });

  it('fits the growth exponent of a linear and of a quadratic cost', () => {
    const linear: Operation = { name: 'linear', run: (text) => void text.split('').reverse().join('') };
    const quadratic: Operation = {
      name: 'quadratic',
      run(text) {
        let sum = 0;
        for (let i = 0; i < text.length; i += 16) sum += text.lastIndexOf('\u0000', i) + text.indexOf('\u0000', i);
        return void sum;
      },
    };
    const shape = SHAPES[0];
    const linearGrowth = measureGrowth(shape, linear, SIZES, RUNS);
    const quadraticGrowth = measureGrowth(shape, quadratic, SIZES, RUNS);
    assert.ok(linearGrowth.exponent < MAX_EXPONENT, formatGrowth(linearGrowth));
    assert.ok(quadraticGrowth.exponent > MAX_EXPONENT, formatGrowth(quadraticGrowth));
  });

  /**
   * The operations on a shape whose growth is over the limit, measured twice: a steep fit that a
   * second measurement does not repeat was a collection or a busy neighbour in one sample (a
   * millisecond at 8 KB), while a super-linear path is steep every time.
   */
  const steepGrowths = (shape: (typeof SHAPES)[number], operations: Operation[], sizes: number[]) =>
    operations
      .map((operation) => ({ operation, growth: measureGrowth(shape, operation, sizes, RUNS) }))
      .filter(({ growth }) => growth.exponent > MAX_EXPONENT)
      .map(({ operation }) => measureGrowth(shape, operation, sizes, RUNS))
      .filter((growth) => growth.exponent > MAX_EXPONENT);

  for (const shape of SHAPES) {
    it(shape.name, () => {
      const steep = steepGrowths(shape, measured, SIZES);
      assert.deepEqual(steep.map(formatGrowth), [], `grows faster than linear (limit ${MAX_EXPONENT})`);
    });
  }

  for (const name of DENSE_SHAPES) {
    it(`${name}, on longer texts`, () => {
      const shape = SHAPES.find((candidate) => candidate.name === name)!;
      const steep = steepGrowths(shape, measured.filter((operation) => operation.name !== 'outline'), LONG_SIZES);
      assert.deepEqual(steep.map(formatGrowth), [], `grows faster than linear (limit ${MAX_EXPONENT})`);
    });
  }

  it(`${TOKEN_LINE_SHAPE}, its outline with tokens on one line up to 1 MB`, () => {
    const shape = SHAPES.find((candidate) => candidate.name === TOKEN_LINE_SHAPE)!;
    const steep = steepGrowths(shape, measured.filter((operation) => operation.name === 'outline'), TOKEN_LINE_SIZES);
    assert.deepEqual(steep.map(formatGrowth), [], `grows faster than linear (limit ${MAX_EXPONENT})`);
  });
});

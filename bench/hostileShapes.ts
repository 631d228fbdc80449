// The shapes of ordinary-looking text that once took the server quadratic time (runs of a subject,
// a meeting word, a reference phrase, a name, a line of dates), each at 1 MB: the slowest of the
// operations an editor asks for on it, for the bench's table. `npm run bench:shapes` fits the
// growth of every shape; this keeps the worst ones in every run of `npm run bench`.

import { measureGrowth, operations, sampleCorpus } from './growth';
import { SHAPES } from './shapes';

const ONE_MEGABYTE = 1024 * 1024;

export const HOSTILE_SHAPES = [
  'subject: "大臣より"',
  'subject: "。大臣"',
  'subject: "これに対し、大臣より説明した。"',
  'reference: "の訪日"',
  'meeting word: "日米首脳会談"',
  'meeting word: "日米首脳会談\\n"',
  'meeting word: "2+2"',
  'reference: "先般の日米首脳会談、"',
  'bracket: "（チョ・ヒョン）"',
  'date and number: "2月7日11時30分より約1時間,"',
];

export interface HostileTime {
  readonly shape: string;
  readonly operation: string;
  readonly ms: number;
}

/** Each hostile shape's slowest operation at 1 MB (CPU time, median of `runs`). */
export async function hostileShapeTimes(runs: number): Promise<HostileTime[]> {
  const measured = operations(await sampleCorpus()).filter((operation) => operation.name !== 'parse');
  return HOSTILE_SHAPES.map((name) => {
    const shape = SHAPES.find((candidate) => candidate.name === name);
    if (!shape) throw new Error(`no shape named ${name} in bench/shapes.ts`);
    const slowest = measured
      .map((operation) => ({ operation: operation.name, ms: measureGrowth(shape, operation, [ONE_MEGABYTE], runs).times[0] }))
      .reduce((a, b) => (b.ms > a.ms ? b : a));
    return { shape: name, ...slowest };
  });
}

// How the cost of reading a text grows with its size: each operation an editor asks for (parse,
// outline, hover, code lens) timed at several sizes, the median of a few runs at each, and the
// growth exponent fitted by least squares on log(time) against log(size). A linear path gives
// about 1 (less where a fixed cost weighs on the small sizes), a quadratic one about 2. Time is
// the process's CPU time, so that other work on a busy machine does not count.

import { CorpusIndex } from '../server/src/corpus/index';
import { MemoryWorkspace } from '../server/src/corpus/workspace';
import { parseReadout } from '../server/src/parse/parser';
import { ReadoutService, createReadoutService } from '../server/src/service';
import { Shape, corpusTexts } from './shapes';
import { PEOPLE } from '../server/src/knowledge/people';

export interface Operation {
  readonly name: string;
  run(text: string): void;
}

/** The sample readouts as an in-memory corpus, built. */
export async function sampleCorpus(): Promise<CorpusIndex> {
  const index = new CorpusIndex(new MemoryWorkspace(corpusTexts().map(([name, text]) => [`file:///corpus/${name}`, text])));
  await index.build();
  return index;
}

let versions = 0;

/** An open editor's document that the corpus does not hold (unsaved), at a new version each time. */
function editorDocument(text: string) {
  return { uri: 'file:///editor/shape.readout.txt', version: ++versions, getText: () => text };
}

/** The position half-way through a text. */
function middle(text: string): { line: number; character: number } {
  const half = Math.floor(text.length / 2);
  const lineStart = text.lastIndexOf('\n', half - 1) + 1;
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < lineStart; at = text.indexOf('\n', at + 1)) line++;
  return { line, character: half - lineStart };
}

export function operations(index: CorpusIndex): Operation[] {
  const service: ReadoutService = createReadoutService({ corpus: index });
  const corpus = service.corpus!;
  const afterEdit = (text: string, ask: (document: ReturnType<typeof editorDocument>) => unknown) => {
    const document = editorDocument(text);
    ask(document);
    service.forget(document.uri);
  };
  return [
    { name: 'parse', run: (text) => parseReadout(text, PEOPLE) },
    {
      // With what else the editor asks for when it opens a document.
      name: 'outline',
      run(text) {
        const document = editorDocument(text);
        service.outline(document);
        service.foldingRegions(document);
        service.semanticTokens(document);
        service.forget(document.uri);
      },
    },
    // The first answer after an edit: the document is summarised again, as it is once per change.
    { name: 'hover', run: (text) => afterEdit(text, (document) => corpus.hover(document, middle(text))) },
    { name: 'code lens', run: (text) => afterEdit(text, (document) => corpus.codeLenses(document)) },
  ];
}

function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Below this a sample is mostly the clock's grain and the odd collection: a faster operation is run again and averaged. */
const SHORTEST_SAMPLE_MS = 2;

function milliseconds(run: () => void): number {
  const start = cpuMilliseconds();
  let runs = 0;
  let elapsed: number;
  do {
    run();
    runs++;
    elapsed = cpuMilliseconds() - start;
  } while (elapsed < SHORTEST_SAMPLE_MS);
  return elapsed / runs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  return sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/** The slope of log(time) against log(size), by least squares. */
export function growthExponent(sizes: readonly number[], times: readonly number[]): number {
  const xs = sizes.map(Math.log);
  const ys = times.map((time) => Math.log(Math.max(time, 0.01)));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    covariance += (xs[i] - meanX) * (ys[i] - meanY);
    variance += (xs[i] - meanX) ** 2;
  }
  return covariance / variance;
}

export interface Growth {
  readonly shape: string;
  readonly operation: string;
  readonly sizes: readonly number[];
  /** Median milliseconds at each size. */
  readonly times: readonly number[];
  readonly exponent: number;
}

/**
 * Times one operation on one shape. The sizes are visited in turn, round after round, so that
 * a burst of other work on the machine falls on every size alike rather than on one.
 */
export function measureGrowth(shape: Shape, operation: Operation, sizes: readonly number[], runs: number): Growth {
  const texts = sizes.map((size) => shape.make(size));
  const samples: number[][] = texts.map(() => []);
  // Warmed up on another text: what the index caches for a document's text must not serve the first run.
  operation.run(shape.make(sizes[0] / 2));
  for (let round = 0; round < runs; round++) {
    texts.forEach((text, i) => samples[i].push(milliseconds(() => operation.run(text))));
  }
  const times = samples.map(median);
  const lengths = texts.map((text) => text.length);
  return { shape: shape.name, operation: operation.name, sizes: lengths, times, exponent: growthExponent(lengths, times) };
}

export function formatGrowth(growth: Growth): string {
  const times = growth.times.map((time) => time.toFixed(time < 10 ? 1 : 0).padStart(6)).join(' ');
  return `${growth.shape.padEnd(48)} ${growth.operation.padEnd(9)} ${times} ms  exponent ${growth.exponent.toFixed(2)}`;
}

// Documents across their lifecycle at the service: the memory of documents opened, edited, hovered
// and closed thousands of times is given back; a readout outside the corpus is summarised once per
// version; a document opened again with the same version and other text is read anew; summaries
// keep no view into the text they came from.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CorpusIndex } from '../../server/src/corpus/index';
import { loadPeople } from '../../server/src/corpus/people';
import { summarize } from '../../server/src/corpus/summary';
import { MemoryWorkspace } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { readTextFile } from '../../server/src/io/readText';
import { defaultParser } from '../../server/src/parse/parser';
import { ReadoutDocument, ReadoutService, createReadoutService } from '../../server/src/service';
import { CORPUS, seedPath } from './helpers';

// The collector, without starting node with --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  for (let i = 0; i < 3; i++) collectGarbage();
  return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;
/** Seed 003 holds 26 meeting references: every version of it makes many resolved references. */
const DENSE = readTextFile(seedPath(3));
/** Its opening, with 13 of them: quicker to read a few thousand times. */
const SHORT = DENSE.slice(0, DENSE.lastIndexOf('。', 2500) + 1);
/** On 'ラヴロフ' in '(ラヴロフ外務大臣)', the 8th line of seed 003: a hover on a person. */
const HOVERED = { line: 7, character: 2 };

function documentOf(uri: string, version: number, text: string): ReadoutDocument {
  return { uri, version, getText: () => text };
}

/** What an editor asks of a document while it is being read and typed in. */
function readAndAsk(service: ReadoutService, document: ReadoutDocument): void {
  service.outline(document);
  service.semanticTokens(document);
  service.corpus!.hover(document, HOVERED);
  service.corpus!.codeLenses(document);
}

describe('documents across their lifecycle, at the service', () => {
  it('gives the heap back after 400 documents opened, edited, hovered, asked code lenses and closed, and 300 edits of one', async () => {
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
    await index.build();
    const service = createReadoutService({ corpus: index });
    const lifecycle = (n: number) => {
      const uri = `untitled:Untitled-${n}`;
      const text = `${n}\n${SHORT}`;
      readAndAsk(service, documentOf(uri, 1, text));
      readAndAsk(service, documentOf(uri, 2, text.replace('会談', '会談。')));
      service.forget(uri);
    };
    const edits = (count: number) => {
      const uri = 'untitled:edited';
      for (let version = 1; version <= count; version++) readAndAsk(service, documentOf(uri, version, `${'あ'.repeat(version)}${SHORT}`));
      service.forget(uri);
    };
    // Warm up what is made once (compiled code, the corpus's lookups) before the heap is measured.
    for (let n = 0; n < 20; n++) lifecycle(n);
    edits(20);
    const before = heapAfterCollection();
    for (let n = 0; n < 400; n++) lifecycle(n);
    edits(300);
    const grown = (heapAfterCollection() - before) / MB;
    assert.ok(grown < 3, `the heap grew by ${grown.toFixed(1)} MB`);
  });

  it('summarises a readout outside the corpus once for 100 hovers and code lenses on one version, and once more after an edit', async () => {
    const index = new CorpusIndex(new MemoryWorkspace([['file:///corpus/a.readout', readTextFile(seedPath(1))]]));
    await index.build();
    const service = createReadoutService({ corpus: index });
    const parsesBefore = index.parses;
    const first = documentOf('untitled:outside', 1, DENSE);
    for (let i = 0; i < 100; i++) {
      service.corpus!.hover(first, HOVERED);
      service.corpus!.codeLenses(first);
    }
    assert.equal(index.parses - parsesBefore, 1);
    const edited = documentOf('untitled:outside', 2, `${DENSE}\n`);
    assert.match(JSON.stringify(service.corpus!.hover(edited, HOVERED)), /ラヴロフ/);
    for (let i = 0; i < 100; i++) service.corpus!.hover(edited, HOVERED);
    assert.equal(index.parses - parsesBefore, 2);
  });

  it('reads a document opened again with the same version and other text anew', () => {
    const service = createReadoutService();
    const uri = 'untitled:reopened';
    const outlineOf = (text: string) => service.outline(documentOf(uri, 1, text)).map((node) => node.name);
    const first = outlineOf(readTextFile(seedPath(1)));
    const second = outlineOf(DENSE);
    assert.deepEqual(second, createReadoutService().outline(documentOf('untitled:fresh', 1, DENSE)).map((node) => node.name));
    assert.notDeepEqual(second, first);
  });

  it('keeps summaries that hold no view into their texts: 30 summaries of 200,000-character readouts take under 3 MB', () => {
    // One reference-dense readout and then plain prose: a summary is small, the text is not.
    const prose = '両国は、経済分野における協力を一層推進していくことで一致した。'.repeat(6000);
    const before = heapAfterCollection();
    const summaries = [];
    for (let n = 0; n < 30; n++) summaries.push(summarize(`${DENSE}\n${n}${prose}`, defaultParser, loadPeople().people));
    const grown = (heapAfterCollection() - before) / MB;
    // Seed 003's references, with the two that name its own meeting ('今回の「2+2」'): another document of that day may tell it.
    assert.equal(summaries[29].references.length, 26);
    assert.ok(grown < 3, `30 summaries take ${grown.toFixed(1)} MB`);
  });
});

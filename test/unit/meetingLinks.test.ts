// Links between readouts: every resolved meeting reference is a document link that opens its readout
// at the title line (an unresolved one is none), and a readout's title hover lists who cites it.

import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { pathToUri } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { readTextFile } from '../../server/src/io/readText';
import { previewLine } from '../../server/src/corpus/summary';
import { CORPUS, seedPath } from './helpers';

describe('document links', () => {
  it("in seed 003: the resolved references, each opening its readout's title, and none for what the corpus lacks", async () => {
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
    await index.build();
    const text = readTextFile(seedPath(3));
    const links = createCorpusFeatures(index).documentLinks({ uri: pathToUri(seedPath(3)), getText: () => text });
    const lines = text.split('\n');
    const written = links.map((link) => lines[link.range.start.line].slice(link.range.start.character, link.range.end.character));
    assert.deepEqual(written, ['本年5月末にモスクワで行われた日露首脳会談', '5月の首脳会談', '3月の日露外相会談']);
    assert.deepEqual(
      links.map((link) => [basename(link.target), link.tooltip]),
      [
        ['2018-05-26-abe-putin-moscow-summit.readout.txt#L1', '2018-05-26 日露首脳会談'],
        ['2018-05-26-abe-putin-moscow-summit.readout.txt#L1', '2018-05-26 日露首脳会談'],
        ['2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt#L1', '2018-03-21 日露外相会談'],
      ],
    );
    // '米朝首脳会談' and '9月にウラジオストクで予定されている首脳会談' stay references without a link.
    const unresolved = index.references(index.file(pathToUri(seedPath(3)))!).filter((r) => !r.target).map((r) => r.reference.text);
    assert.ok(unresolved.includes('米朝首脳会談') && unresolved.includes('9月にウラジオストクで予定されている首脳会談'), JSON.stringify(unresolved));
  });
});

describe('cited by', () => {
  it("the title hover of the 2018-03-21 talks lists the readouts that refer to them, each with its sentence, linked to that line", async () => {
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
    await index.build();
    const path = join(CORPUS, '2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt');
    const text = readTextFile(path);
    const hover = createCorpusFeatures(index).hover({ uri: pathToUri(path), getText: () => text }, { line: 0, character: 1 });
    const value = hover?.contents.value ?? '';
    const incoming = index.referencesTo(index.file(pathToUri(path))!);
    assert.match(value, new RegExp(`\\*\\*Cited by \\(${incoming.length}\\)\\*\\*:`));
    assert.ok(incoming.length >= 3);
    const seed3 = value.split('\n').findIndex((line) => line.includes('seed-003-2018-08-01-japan-russia-2plus2-joint-press.readout.txt#L18'));
    assert.ok(seed3 > 0, value);
    assert.match(value.split('\n')[seed3], /^- 2018\\-08\\-01 · 2\\\+2 · \[/);
    assert.match(value.split('\n')[seed3 + 1], /^ {2}これは、3月の日露外相会談の際に署名された/);
  });

  it('is not in the title hover of a readout nobody cites', async () => {
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
    await index.build();
    const text = readTextFile(seedPath(3));
    assert.equal(index.referencesTo(index.file(pathToUri(seedPath(3)))!).length, 0);
    const hover = createCorpusFeatures(index).hover({ uri: pathToUri(seedPath(3)), getText: () => text }, { line: 0, character: 1 });
    assert.ok(hover && !hover.contents.value.includes('Cited by'));
  });
});


describe('the preview of a referenced readout', () => {
  it('cuts a long line after a clause or sentence, never inside a word, and says it is cut', () => {
    const clause = '両外相は、経済安全保障の分野における協力を一層深めていくことで一致した。';
    const long = clause.repeat(5);
    const cut = previewLine(long);
    assert.ok(cut.endsWith('。…'), cut);
    assert.ok(cut.length <= 121 && cut.length > 60, String(cut.length));
    assert.ok(long.startsWith(cut.slice(0, -1)));
    assert.equal(previewLine(clause), clause);
    // No break anywhere: cut at the length, whole characters only.
    const unbroken = '𠮷'.repeat(100);
    const hard = previewLine(unbroken);
    assert.ok(hard.endsWith('…') && !/[\ud800-\udbff]…$/.test(hard), hard);
  });
});

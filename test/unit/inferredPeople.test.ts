// People the knowledge file does not hold are still people: one id across the corpus from their
// name, country and office, a hover, references, workspace symbols and `kaidan who`; never one id
// for namesakes of another country or office, and none for a kanji family name alone.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { inferredPersonId } from '../../server/src/corpus/inferredPeople';
import { MemoryWorkspace } from '../../server/src/corpus/workspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { nameKey } from '../../server/src/knowledge/people';
import { ROOT } from './helpers';

// A Fijian foreign minister of 2014–2016 (not in the knowledge file), written three ways in three files.
const FOLDER = join(ROOT, 'test', 'fixtures', 'people-outside-knowledge');
const FILES: [string, string][] = readdirSync(FOLDER)
  .sort()
  .map((name) => [`file:///mem/${name.slice(0, 4)}.readout.txt`, readFileSync(join(FOLDER, name), 'utf8')]);

async function indexOf(files: [string, string][]): Promise<CorpusIndex> {
  const index = new CorpusIndex(new MemoryWorkspace(files));
  await index.build();
  return index;
}

function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at + 1).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('a person the knowledge file does not hold', () => {
  it('gets one id in all three files, for the counterpart and for every mention', async () => {
    const index = await indexOf(FILES);
    const ids = FILES.map(([uri]) => index.file(uri)!.main!.participants.find((p) => p.country === 'FJ')?.personId);
    assert.deepEqual(ids, ['~FJ:foreign:クルブアラ', '~FJ:foreign:クルブアラ', '~FJ:foreign:クルブアラ']);
    assert.equal(index.meetingsWith('~FJ:foreign:クルブアラ').length, 3);
    const mentions = index.mentionsOf('~FJ:foreign:クルブアラ');
    assert.deepEqual(mentions.map(({ file, names }) => [file.uri, names.length]), [
      ['file:///mem/2014.readout.txt', 2],
      ['file:///mem/2015.readout.txt', 1],
      ['file:///mem/2016.readout.txt', 2],
    ]);
    const person = index.person('~FJ:foreign:クルブアラ');
    assert.equal(person?.names[0], 'イノケ・クルブアラ');
    assert.deepEqual(person?.offices, [{ title: '外務大臣', from: '2014-04-05', to: '2016-02-10' }]);
  });

  it('has a hover with the meetings, Find All References across files, a workspace symbol and a name to ask for', async () => {
    const index = await indexOf(FILES);
    const features = createCorpusFeatures(index);
    const [uri, text] = FILES[1];
    const hover = features.hover({ uri, getText: () => text }, positionOf(text, 'クルブアラ'));
    assert.ok(hover);
    assert.match(hover.contents.value, /^\*\*イノケ・クルブアラ\*\*/);
    assert.match(hover.contents.value, /\*\*Meetings in the corpus \(3\)\*\*/);
    assert.match(hover.contents.value, /Not in the knowledge file: 外務大臣 in the readouts of the corpus, 2014-04-05 – 2016-02-10\./);
    const references = features.references({ uri, getText: () => text }, positionOf(text, 'クルブアラ'));
    assert.equal(references.length, 5);
    assert.equal(new Set(references.map((r) => r.uri)).size, 3);
    const symbols = features.workspaceSymbols('クルブアラ').filter((symbol) => symbol.kind === 'person');
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.location.uri]), FILES.map(([file]) => ['イノケ・クルブアラ', file]).reverse());
    assert.deepEqual(index.peopleNamed('クルブアラ').map((p) => p.id), ['~FJ:foreign:クルブアラ']);
  });

  it('is never one id with a namesake of another country or another office, nor with a kanji family name alone', () => {
    const fijiForeign = inferredPersonId('イノケ・クルブアラ', '外務大臣', 'FJ');
    assert.equal(inferredPersonId('クルブアラ', '外相', 'FJ'), fijiForeign);
    assert.notEqual(inferredPersonId('クルブアラ', '外務大臣', 'TO'), fijiForeign);
    assert.notEqual(inferredPersonId('クルブアラ', '国防大臣', 'FJ'), fijiForeign);
    assert.equal(inferredPersonId('金', '外交部長官', 'KR'), null);
    assert.equal(inferredPersonId('キム', '外交部長官', 'KR'), null);
    assert.equal(inferredPersonId('金星煥', '外交部長官', 'KR'), '~KR:foreign:金星煥');
    assert.equal(inferredPersonId('クルブアラ', '外務大臣', null), null);
  });
});

describe('spelling rules of names', () => {
  it('fold long vowels, ヴ rows, separators and full-width letters', () => {
    assert.equal(nameKey('ティラーソン'), nameKey('ティラソン'));
    assert.equal(nameKey('ラヴロフ'), nameKey('ラブロフ'));
    assert.equal(nameKey('ヴィクトリア'), nameKey('ビクトリア'));
    assert.equal(nameKey('セルゲイ・ラブロフ'), nameKey('セルゲイ＝ラブロフ'));
    assert.equal(nameKey('Ｒｅｘ Ｔｉｌｌｅｒｓｏｎ'), nameKey('Rex Tillerson'));
    assert.equal(nameKey('ﾃｨﾗｰｿﾝ'), nameKey('ティラーソン'));
    assert.notEqual(nameKey('ラブロフ'), nameKey('ラブロワ'));
  });

  it('let a page that drops the long vowel find the knowledge file’s Secretary of State', async () => {
    const text = '日米外相会談\n\n平成29年8月7日、河野外務大臣は、レックス・ティラソン米国国務長官と会談を行いました。\n1 ティラソン長官から、北朝鮮について述べました。\n';
    const index = await indexOf([['file:///mem/tillerson.readout.txt', text]]);
    const participant = index.file('file:///mem/tillerson.readout.txt')!.main!.participants.find((p) => p.country === 'US');
    assert.equal(participant?.personId, 'tillerson-rex');
  });

  it('give one person for 姓,名 order, initials, readings and Latin names in brackets', async () => {
    const lead = (who: string) => `日露外相会談\n\n平成30年3月21日、河野外務大臣は、${who}と日露外相会談を行いました。\n1 両外相は、平和条約について意見交換を行いました。\n`;
    const written = ['ラヴロフ,セルゲイ・ロシア外務大臣', 'S.ラヴロフ・ロシア外務大臣', 'セルゲイ・ラヴロフ(Sergey Lavrov)ロシア連邦外務大臣', 'ロシア連邦のセルゲイ・ラブロフ外務大臣'];
    const files: [string, string][] = written.map((who, i) => [`file:///mem/${i}.readout.txt`, lead(who)]);
    const index = await indexOf(files);
    const ids = files.map(([uri]) => index.file(uri)!.main!.participants.find((p) => p.country === 'RU')?.personId ?? null);
    assert.deepEqual(ids, ['lavrov-sergey', 'lavrov-sergey', 'lavrov-sergey', 'lavrov-sergey']);
    assert.equal(nameKey('ラヴロフ,セルゲイ'), nameKey('セルゲイ・ラブロフ'));
    assert.equal(index.meetingsWith('lavrov-sergey').length, 4);
  });
});

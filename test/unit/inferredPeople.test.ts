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
import { PEOPLE, nameKey } from '../../server/src/knowledge/people';
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

  it('read a reading or a Latin name in brackets as the same person, and a bare family name as the one at the table', async () => {
    const lead = (title: string, date: string, who: string, body: string) => `${title}\n\n${date}、岸田外務大臣は、${who}と${title}を行いました。概要は以下のとおりです。\n1 ${body}\n`;
    const files: [string, string][] = [
      ['file:///mem/reading.readout.txt', lead('日韓外相会談', '平成29年7月7日', '康京和(カン・ギョンファ)韓国外交部長官', '両外相は、日韓関係について意見交換を行いました。')],
      ['file:///mem/katakana.readout.txt', lead('日韓外相会談', '平成29年8月7日', 'カン・ギョンファ韓国外交部長官', 'カン長官から、北朝鮮について述べました。')],
      ['file:///mem/latin.readout.txt', lead('日米外相会談', '平成29年8月7日', 'レックス・ティラソン米国国務長官(The Honorable Rex W. Tillerson, Secretary of State of the United States of America)', '両外相は、北朝鮮について意見交換を行いました。')],
    ];
    const index = await indexOf(files);
    const idsIn = (uri: string) => index.file(uri)!.names.filter((name) => name.country !== 'JP' && name.name !== '岸田').map((name) => `${name.name}:${name.personId}`);
    assert.deepEqual(idsIn('file:///mem/reading.readout.txt'), ['康京和:kang-kyung-wha']);
    // 'カン' alone is not Pakistan's Imran Khan: the meeting's participant of that name is.
    assert.deepEqual(idsIn('file:///mem/katakana.readout.txt'), ['カン・ギョンファ:kang-kyung-wha', 'カン:kang-kyung-wha']);
    assert.deepEqual(idsIn('file:///mem/latin.readout.txt'), ['レックス・ティラソン:tillerson-rex']);
    assert.equal(index.meetingsWith('kang-kyung-wha').length, 2);
  });

  it('make the Latin name another key of the person, without courtesy titles, initials, accents or the office after it', async () => {
    assert.equal(nameKey('The Honorable Rex W. Tillerson, Secretary of State of the United States of America'), nameKey('Rex Tillerson'));
    assert.equal(nameKey('H.E. Mr. Sergey Lavrov'), nameKey('Sergey Lavrov'));
    assert.equal(nameKey('Viktor Orban'), nameKey('Viktor Orbán'));
    assert.notEqual(nameKey('Rex Tillerson'), nameKey('Rex Tilson'));
    assert.equal(PEOPLE.resolve('The Honorable Rex W. Tillerson, Secretary of State', { date: '2017-08-07' })?.id, 'tillerson-rex');
    assert.equal(PEOPLE.resolve('Tillerson', { date: '2017-08-07' })?.id, 'tillerson-rex');
    // A Korean name's family name comes first in Latin letters too; a Japanese one's last.
    assert.equal(PEOPLE.resolve('Kang', { title: '外交部長官', date: '2018-01-01', country: 'KR' })?.id, 'kang-kyung-wha');
    assert.equal(PEOPLE.resolve('Kono', { date: '1995-03-01' })?.id, 'kono-yohei');
    assert.equal(PEOPLE.resolve('Kono', { date: '2018-03-01' })?.id, 'kono-taro');
    const index = await indexOf([]);
    assert.deepEqual(index.peopleNamed('Tillerson').map((person) => person.id), ['tillerson-rex']);
  });

  it('fold a half-width equals sign and spaces between the parts of a name', () => {
    assert.equal(nameKey('セルゲイ=ラブロフ'), nameKey('セルゲイ・ラヴロフ'));
    assert.equal(nameKey('セルゲイ ラブロフ'), nameKey('セルゲイ・ラヴロフ'));
    assert.equal(nameKey('セルゲイ　ラブロフ'), nameKey('セルゲイ・ラヴロフ'));
  });

  it('give one id to a person the knowledge file does not hold under initials, long vowels and the family name alone', async () => {
    const lead = (date: string, who: string) => `日フィジー外相会談\n\n${date}、岸田外務大臣は、${who}と日フィジー外相会談を行いました。概要は以下のとおりです。\n1 両外相は、太平洋島嶼国について意見交換を行いました。\n`;
    const written = ['イノケ・クブアボラ・フィジー外務大臣', 'I.クブアボラ・フィジー外務大臣', 'クブアーボラ・フィジー共和国外務大臣'];
    const files: [string, string][] = written.map((who, i) => [`file:///mem/fiji-${i}.readout.txt`, lead(`平成2${6 + i}年4月5日`, who)]);
    const index = await indexOf(files);
    const ids = files.map(([uri]) => index.file(uri)!.main!.participants.find((p) => p.country === 'FJ')?.personId ?? null);
    assert.deepEqual(ids, ['~FJ:foreign:クブアボラ', '~FJ:foreign:クブアボラ', '~FJ:foreign:クブアボラ']);
    assert.equal(index.meetingsWith('~FJ:foreign:クブアボラ').length, 3);
  });
});

describe('Japanese namesakes and one person in two offices', () => {
  const lead = (title: string, date: string, host: string, guest: string, body = '両者は、二国間関係について意見交換を行いました。') =>
    `${title}\n\n${date}、${host}は、${guest}と${title}を行いました。概要は以下のとおりです。\n1 ${body}\n`;
  const FILES: [string, string][] = [
    ['file:///mem/2000.readout.txt', lead('日露外相会談', '平成12年9月4日', '河野洋平外務大臣', 'イワノフ・ロシア外務大臣')],
    ['file:///mem/2018.readout.txt', lead('日露外相会談', '平成30年3月21日', '河野外務大臣', 'ラヴロフ・ロシア外務大臣', '会談には河野克俊統合幕僚長が同席しました。')],
    ['file:///mem/2014.readout.txt', lead('日米外相会談', '平成26年2月7日', '岸田外務大臣', 'ジョン・ケリー米国国務長官')],
    ['file:///mem/2016.readout.txt', lead('日米エネルギー大臣会合', '平成28年5月1日', '林幹雄経済産業大臣', 'アーネスト・モニツ米国エネルギー長官')],
    ['file:///mem/2022a.readout.txt', lead('日米外相会談', '令和4年1月7日', '林外務大臣', 'アントニー・ブリンケン米国国務長官')],
    ['file:///mem/2022b.readout.txt', lead('日米首脳会談', '令和4年5月23日', '岸田総理', 'ジョセフ・バイデン米国大統領')],
    ['file:///mem/2023.readout.txt', lead('日豪首脳会談', '令和5年5月19日', '岸田文雄内閣総理大臣', 'アンソニー・アルバニージー豪州首相')],
  ];

  it('tell 林芳正 from 林幹雄, and 河野太郎, 河野洋平 and 河野克俊 apart, and keep 岸田文雄 one person as foreign minister and as prime minister', async () => {
    const index = await indexOf(FILES);
    const japanese = (uri: string) => index.file(uri)!.names.filter((name) => name.country === 'JP' || /^[一-龥]/.test(name.name)).map((name) => `${name.name}:${name.personId}`);
    assert.deepEqual(japanese('file:///mem/2000.readout.txt'), ['河野洋平:kono-yohei']);
    assert.deepEqual(japanese('file:///mem/2018.readout.txt'), ['河野:kono-taro', '河野克俊:kawano-katsutoshi']);
    assert.deepEqual(japanese('file:///mem/2016.readout.txt'), ['林幹雄:hayashi-motoo']);
    assert.deepEqual(japanese('file:///mem/2022a.readout.txt'), ['林:hayashi-yoshimasa']);
    assert.deepEqual(index.meetingsWith('kishida-fumio').map((meeting) => meeting.file.uri).sort(), ['file:///mem/2014.readout.txt', 'file:///mem/2022b.readout.txt', 'file:///mem/2023.readout.txt']);
    for (const id of ['kono-yohei', 'kono-taro', 'hayashi-motoo', 'hayashi-yoshimasa']) assert.equal(index.meetingsWith(id).length, 1, id);
  });
});

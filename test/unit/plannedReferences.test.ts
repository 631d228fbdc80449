// References to meetings still to come ('9月に予定されている首脳会談', '次回の「2+2」', '首脳会談に向けて'):
// they are looked for after the document, never taken for an older meeting of the same name.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { findReferences } from '../../server/src/corpus/references';
import { isoOfDay, referenceWindow } from '../../server/src/corpus/referenceTime';
import { MemoryWorkspace, pathToUri } from '../../server/src/corpus/workspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { readTextFile } from '../../server/src/io/readText';
import { CORPUS, seedPath } from './helpers';
import { PEOPLE } from '../../server/src/knowledge/people';

const windowText = (window: ReturnType<typeof referenceWindow>) => window && `${isoOfDay(window.from)}..${isoOfDay(window.to)}`;

function only(text: string) {
  const found = findReferences(text, PEOPLE);
  assert.equal(found.length, 1, JSON.stringify(found.map((r) => r.text)));
  return found[0];
}

describe('a planned meeting', () => {
  it('is read from a planning word before the meeting, a qualifier, or what follows it', () => {
    assert.equal(only('本日は、9月にウラジオストクで予定されている日露首脳会談について話しました。').time.ahead, true);
    assert.equal(only('5月に予定される安倍総理の訪露を成功させたい。').time.ahead, true);
    assert.equal(only('次回の日米「2+2」は東京で開催する。').time.ahead, true);
    assert.equal(only('来年1月の日米防衛相会談で議論する。').time.ahead, true);
    assert.equal(only('日露首脳会談に向けた準備を加速する。').time.ahead, true);
    assert.equal(only('日中首脳会談を控え、調整を進めた。').time.ahead, true);
  });

  it('is not read into a meeting that has been held', () => {
    assert.equal(only('本年5月末にモスクワで行われた日露首脳会談の結果に基づき協議した。').time.ahead, false);
    assert.equal(only('先般の日米首脳会談を歓迎した。').time.ahead, false);
    assert.equal(only('3月の日露外相会談の際に署名された計画です。').time.ahead, false);
    assert.equal(only('両首脳は、昨年の日韓首脳会談の成果を確認した。').time.ahead, false);
  });

  it('takes a month without a year as the first such month from the document on, a past one as the last before it', () => {
    const planned = only('9月にウラジオストクで予定されている日露首脳会談').time;
    const held = only('9月の日露首脳会談の成果').time;
    assert.equal(windowText(referenceWindow(planned, '2018-08-01')), '2018-09-01..2018-09-30');
    assert.equal(windowText(referenceWindow(held, '2018-08-01')), '2017-09-01..2017-09-30');
    assert.equal(windowText(referenceWindow(only('3月に予定される日米首脳会談').time, '2018-08-01')), '2019-03-01..2019-03-31');
    assert.equal(windowText(referenceWindow(only('来月の日米首脳会談に向けて').time, '2018-12-05')), '2019-01-01..2019-01-31');
    assert.equal(windowText(referenceWindow(only('次回の日米「2+2」').time, '2018-08-01')), '2018-08-01..2019-08-02');
  });
});

const SUMMIT = (title: string, date: string, place: string) =>
  `${title}\n\n${date}、${place}において、安倍晋三内閣総理大臣は、ウラジーミル・プーチン・ロシア大統領と日露首脳会談を行いました。概要は以下のとおりです。\n1 両首脳は、平和条約締結問題について意見交換を行いました。\n`;
const PLANNING =
  '日露外相会談\n\n平成30年8月1日、河野太郎外務大臣は、セルゲイ・ラヴロフ・ロシア外務大臣と会談を行いました。概要は以下のとおりです。\n' +
  '1 両外相は、9月にウラジオストクで予定されている日露首脳会談に向けて準備を進めることで一致しました。\n';

async function indexOf(files: [string, string][]): Promise<CorpusIndex> {
  const index = new CorpusIndex(new MemoryWorkspace(files));
  await index.build();
  return index;
}

describe('a planned meeting in a corpus', () => {
  const held2017 = ['file:///mem/2017-09-07.readout.txt', SUMMIT('日露首脳会談', '平成29年9月7日', 'ウラジオストク')] as [string, string];
  const held2018 = ['file:///mem/2018-09-10.readout.txt', SUMMIT('日露首脳会談', '平成30年9月10日', 'ウラジオストク')] as [string, string];
  const planning = ['file:///mem/2018-08-01.readout.txt', PLANNING] as [string, string];

  it('resolves to the meeting held after the document, not to the one a year before', async () => {
    const index = await indexOf([held2017, held2018, planning]);
    const reference = index.references(index.file(planning[0])!).find((r) => r.reference.text.endsWith('日露首脳会談'));
    assert.ok(reference);
    assert.equal(reference.target?.file.uri, held2018[0]);
  });

  it('with no such meeting in the corpus, says so, marks it planned and gives the window ahead', async () => {
    const index = await indexOf([held2017, planning]);
    const reference = index.references(index.file(planning[0])!).find((r) => r.reference.text.endsWith('日露首脳会談'));
    assert.ok(reference);
    assert.equal(reference.target, null);
    const at = PLANNING.indexOf('ウラジオストクで予定');
    const before = PLANNING.slice(0, at).split('\n');
    const hover = createCorpusFeatures(index).hover(
      { uri: planning[0], getText: () => PLANNING },
      { line: before.length - 1, character: before[before.length - 1].length + 2 },
    );
    assert.ok(hover);
    assert.match(hover.contents.value, /No matching meeting in the corpus/);
    assert.match(hover.contents.value, /when: 2018-09-01 – 2018-09-30/);
    assert.match(hover.contents.value, /planned: still to come/);
  });

  it("in seed 003 (2018-08-01), 'the summit planned for September in Vladivostok' is looked for in September 2018", async () => {
    const text = readTextFile(seedPath(3));
    const uri = pathToUri(seedPath(3));
    const index = await indexOf([[uri, text]]);
    const reference = index.references(index.file(uri)!).find((r) => r.reference.text === '9月にウラジオストクで予定されている首脳会談');
    assert.ok(reference, JSON.stringify(index.references(index.file(uri)!).map((r) => r.reference.text)));
    assert.equal(reference.reference.time.ahead, true);
    assert.equal(windowText(reference.window), '2018-09-01..2018-09-30');
  });
});

describe('the last meeting and this one', () => {
  const talks = (date: string, body: string) =>
    `日米外相会談\n\n${date}、林芳正外務大臣は、アントニー・ブリンケン米国国務長官と日米外相会談を行いました。概要は以下のとおりです。\n1 ${body}\n`;
  const files: [string, string][] = [
    ['file:///mem/2021-11.readout.txt', talks('令和3年11月10日', '両外相は、同盟について意見交換を行いました。')],
    ['file:///mem/2022-01.readout.txt', talks('令和4年1月7日', '両外相は、地域情勢について意見交換を行いました。')],
    ['file:///mem/2022-03.readout.txt', talks('令和4年3月20日', '両外相は、前回の日米外相会談の成果を確認し、今回の日米外相会談でも連携を確かめました。')],
  ];

  it("'前回の' is the nearest such meeting before, '今回の' the document's own", async () => {
    const index = await indexOf(files);
    const references = index.references(index.file('file:///mem/2022-03.readout.txt')!);
    const target = (phrase: string) => {
      const found = references.find((r) => r.reference.text === phrase);
      assert.ok(found, JSON.stringify(references.map((r) => r.reference.text)));
      return found.target?.file.uri ?? null;
    };
    assert.equal(target('前回の日米外相会談'), 'file:///mem/2022-01.readout.txt');
    // The document's own meeting, told by no other document that day, is no reference to another.
    assert.ok(!references.some((r) => r.reference.text.includes('今回')), JSON.stringify(references.map((r) => r.reference.text)));
  });

  it("'今回の' is the same event told by another document of that day, never an earlier meeting", async () => {
    const copy = ['file:///mem/2022-03-copy.readout.txt', talks('令和4年3月20日', '両外相は、今回の日米外相会談で同盟の強化を確認しました。')] as [string, string];
    const index = await indexOf([...files, copy]);
    const references = index.references(index.file(copy[0])!);
    const found = references.find((r) => r.reference.text === '今回の日米外相会談');
    assert.ok(found, JSON.stringify(references.map((r) => r.reference.text)));
    assert.equal(found.target?.file.uri, 'file:///mem/2022-03.readout.txt');
    assert.equal(found.target?.date, '2022-03-20');
  });

  it("'前回の' reaches back years, to the last such meeting however long ago", async () => {
    const kono2000 = pathToUri(join(CORPUS, '2000-09-04-kono-yohei-ivanov-foreign-ministers.readout.txt'));
    const later = 'file:///mem/2004-06.readout.txt';
    const index = await indexOf([
      [kono2000, readTextFile(join(CORPUS, '2000-09-04-kono-yohei-ivanov-foreign-ministers.readout.txt'))],
      [later, '日露外相会談\n\n平成16年6月1日、川口外務大臣は、ラヴロフ・ロシア外務大臣と日露外相会談を行いました。概要は以下のとおりです。\n1 両外相は、前回の日露外相会談の成果を確認しました。\n'],
    ]);
    const found = index.references(index.file(later)!).find((r) => r.reference.text === '前回の日露外相会談');
    assert.ok(found, JSON.stringify(index.references(index.file(later)!).map((r) => r.reference.text)));
    assert.equal(found.target?.file.uri, kono2000);
    assert.equal(found.target?.date, '2000-09-04');
  });
});


/** The hover at the first character of `phrase` in `text`. */
function hoverOn(index: CorpusIndex, uri: string, text: string, phrase: string): string {
  const at = text.indexOf(phrase);
  assert.ok(at >= 0, phrase);
  const lines = text.slice(0, at).split('\n');
  const hover = createCorpusFeatures(index).hover({ uri, getText: () => text }, { line: lines.length - 1, character: lines[lines.length - 1].length + 1 });
  return hover?.contents.value ?? '';
}

describe('a reference points one way in time', () => {
  const defence = (date: string, body: string) =>
    `日豪防衛相会談\n\n${date}、岸信夫防衛大臣は、ピーター・ダットン豪州国防大臣と日豪防衛相会談を行いました。概要は以下のとおりです。\n1 ${body}\n`;
  const early = ['file:///mem/2021-06-03.readout.txt', defence('令和3年6月3日', '両大臣は、防衛協力について意見交換を行いました。')] as [string, string];
  const late = ['file:///mem/2021-06-28.readout.txt', defence('令和3年6月28日', '両大臣は、共同訓練について意見交換を行いました。')] as [string, string];
  const writing = (body: string) => ['file:///mem/2021-06-15.readout.txt', defence('令和3年6月15日', body)] as [string, string];
  const targetOf = async (files: [string, string][], uri: string, phrase: string) => {
    const index = await indexOf(files);
    const found = index.references(index.file(uri)!).find((r) => r.reference.text.endsWith(phrase));
    assert.ok(found, JSON.stringify(index.references(index.file(uri)!).map((r) => r.reference.text)));
    return { index, found };
  };

  it('a meeting planned for the month of the document is one from its day on, not one earlier that month', async () => {
    const planning = writing('両大臣は、6月下旬に予定されている日豪防衛相会談に向けて調整することで一致しました。');
    const { found } = await targetOf([early, late, planning], planning[0], '日豪防衛相会談');
    assert.equal(found.target?.file.uri, late[0]);
    const upcoming = writing('両大臣は、6月の日豪防衛相会談に向けて調整することで一致しました。');
    const { found: month } = await targetOf([early, late, upcoming], upcoming[0], '日豪防衛相会談');
    assert.equal(month.reference.time.ahead, true);
    assert.equal(windowText(month.window), '2021-06-15..2021-06-30');
    assert.equal(month.target?.file.uri, late[0]);
  });

  it("'先般の' and '前回の' are a meeting before the document, never one after it", async () => {
    for (const phrase of ['先般の日豪防衛相会談', '前回の日豪防衛相会談', '先日の日豪防衛相会談']) {
      const looking = writing(`両大臣は、${phrase}の成果を確認しました。`);
      const { found } = await targetOf([early, late, looking], looking[0], '日豪防衛相会談');
      assert.equal(found.target?.file.uri, early[0], phrase);
    }
  });

  it('with the only such meeting on the other side of the document, says no meeting matches, and names none', async () => {
    const past = writing('両大臣は、先般の日豪防衛相会談の成果を確認しました。');
    const { index, found } = await targetOf([late, past], past[0], '日豪防衛相会談');
    assert.equal(found.target, null);
    const hover = hoverOn(index, past[0], past[1], '先般の日豪防衛相会談');
    assert.match(hover, /No matching meeting in the corpus/);
    assert.match(hover, /past: held before this was written/);
    assert.doesNotMatch(hover, /2021\\-06\\-28|→/);

    const planned = writing('両大臣は、今後の日豪防衛相会談でも議論を続けることで一致しました。');
    const ahead = await targetOf([early, planned], planned[0], '日豪防衛相会談');
    assert.equal(ahead.found.target, null);
    const aheadHover = hoverOn(ahead.index, planned[0], planned[1], '今後の日豪防衛相会談');
    assert.match(aheadHover, /No matching meeting in the corpus/);
    assert.match(aheadHover, /planned: still to come when this was written/);
    assert.doesNotMatch(aheadHover, /2021\\-06\\-03|→/);
  });

  it("a written past outweighs a planning word after it, '今後も' and '年内に' make a phrase planned", () => {
    assert.equal(only('両大臣は、先般の日豪防衛相会談に向けた調整の成果を確認した。').time.ahead, false);
    assert.equal(only('今後も9月の東京での日豪防衛相会談をはじめとする対話が行われる予定です。').time.ahead, true);
    assert.equal(only('年内に東京で日豪防衛相会談を行うことで一致した。').time.ahead, true);
  });

  it("seed 003's hovers on the September summit in Vladivostok do not name the one of September 2017", async () => {
    const text = readTextFile(seedPath(3));
    const uri = pathToUri(seedPath(3));
    const held2017 = ['file:///mem/2017-09-07.readout.txt', SUMMIT('日露首脳会談', '平成29年9月7日', 'ウラジオストク')] as [string, string];
    const index = await indexOf([[uri, text], held2017]);
    for (const phrase of ['9月にウラジオストクで予定されている首脳会談', '9月のウラジオストクでの首脳会談', '9月に有り得べき首脳会談']) {
      const hover = hoverOn(index, uri, text, phrase);
      assert.match(hover, /No matching meeting in the corpus/, phrase);
      assert.match(hover, /planned: still to come/, phrase);
      assert.doesNotMatch(hover, /2017/, `${phrase}:\n${hover}`);
    }
  });
});

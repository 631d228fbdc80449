// Related meetings that mean something: the documents of the same event first, a floor below which a
// meeting is not related, one count for the code lens, the picker and the CLI (topics included), reasons without repeats.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { MAX_RELATED, relatedMeetings, sameEvent } from '../../server/src/corpus/related';
import { MemoryWorkspace, uriToPath } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { readTextFile } from '../../server/src/io/readText';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { relatedPickItem } from '../../client/src/pickItems';
import { Tokenizer } from '../../server/src/nlp/tokenizer';
import { CORPUS, ROOT } from './helpers';

async function indexOf(files: [string, string][]): Promise<CorpusIndex> {
  const index = new CorpusIndex(new MemoryWorkspace(files));
  await index.build();
  return index;
}

const mainOf = (index: CorpusIndex, uri: string) => index.file(uri)!.main!;

const TALKS = (title: string, date: string, counterpart: string, body = '両外相は、二国間関係について意見交換を行いました。') =>
  `${title}\n\n${date}、林芳正外務大臣は、${counterpart}と${title}を行いました。概要は以下のとおりです。\n1 ${body}\n`;
const BLINKEN = 'アントニー・ブリンケン米国国務長官';

describe('the same event', () => {
  it("links corpus/'s 2+2 of 2022-01-07 and the minister's press conference that day, first both ways", async () => {
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
    await index.build();
    const uriOf = (name: string) => index.allFiles().find((file) => basename(file.uri) === name)!.uri;
    const twoPlusTwo = uriOf('2022-01-07-japan-us-2plus2-video-conference.readout.txt');
    const press = uriOf('2022-01-07-hayashi-press-conference.readout.txt');
    const [first] = relatedMeetings(index, index.file(twoPlusTwo)!);
    assert.equal(first.meeting.file.uri, press);
    assert.deepEqual(first.reasons[0], { kind: 'same event', values: ['記者会見'] });
    const [back] = createCorpusFeatures(index).related(press);
    assert.equal(back.uri, twoPlusTwo);
    assert.equal(back.reasons[0], 'the same event: 2+2');
    assert.equal(back.sameEvent, true);
    assert.match(relatedPickItem(back).label, /^\$\(link\) 2022-01-07 {2}/);
    const others = relatedMeetings(index, index.file(twoPlusTwo)!).filter((r) => r.reasons.some((reason) => reason.kind === 'same event'));
    assert.equal(others.length, 1);

    // The title hover lists the other documents of the event.
    const text = readTextFile(uriToPath(twoPlusTwo));
    const hover = createCorpusFeatures(index).hover({ uri: twoPlusTwo, getText: () => text }, { line: 0, character: 1 });
    const value = hover?.contents.value ?? '';
    assert.match(value, /\*\*The same event\*\* in other documents:\n\n- 2022\\-01\\-07 · 記者会見 · \[林外務大臣会見記録\]\(file:.*2022-01-07-hayashi-press-conference/);
    const section = value.slice(value.indexOf('**The same event**')).split('\n\n')[1];
    assert.equal(section.split('\n').length, 1, section);
  });

  it('joins a summary and its news copy a day later, not two talks three days apart or a bilateral beside a trilateral', async () => {
    const index = await indexOf([
      ['file:///mem/summary.readout.txt', TALKS('日米外相会談', '令和4年3月1日', BLINKEN)],
      ['file:///mem/copy.readout.txt', TALKS('日米外相会談', '令和4年3月2日', BLINKEN)],
      ['file:///mem/later.readout.txt', TALKS('日米外相会談', '令和4年3月4日', BLINKEN)],
      ['file:///mem/trilateral.readout.txt', TALKS('日米韓外相会合', '令和4年3月1日', `${BLINKEN}及び鄭義溶韓国外交部長官`)],
    ]);
    const summary = mainOf(index, 'file:///mem/summary.readout.txt');
    assert.equal(sameEvent(summary, mainOf(index, 'file:///mem/copy.readout.txt')), true);
    assert.equal(sameEvent(summary, mainOf(index, 'file:///mem/later.readout.txt')), false);
    assert.equal(sameEvent(summary, mainOf(index, 'file:///mem/trilateral.readout.txt')), false);
    assert.equal(relatedMeetings(index, index.file('file:///mem/summary.readout.txt')!)[0].meeting.file.uri, 'file:///mem/copy.readout.txt');
  });
});

/** A minister's press conference that day: its opening remarks tell of talks with the person named. */
const PRESS = (date: string, about: string, counterpart: string) =>
  `林外務大臣会見記録\n\n${date}10時30分 於:本省会見室\n\n冒頭発言\n\n(1)${about}について\n\n` +
  `【林外務大臣】本日、${counterpart}との間で${about}を行いました。今後も緊密に連携していくことで一致いたしました。私からは以上です。\n\n` +
  '質疑応答\n\n【NHK 記者】会談についてお伺いします。\n\n【林外務大臣】詳細は発表のとおりでございます。\n';

describe('a summary and the press conference after it', () => {
  const files: [string, string][] = [
    ['file:///mem/us-talks.readout.txt', TALKS('日米外相会談', '令和4年3月1日', BLINKEN)],
    ['file:///mem/us-press.readout.txt', PRESS('令和4年3月1日(火曜日)', '日米外相会談', 'ブリンケン国務長官')],
    // Near misses: the minister's other talks that day, with another counterpart, and the next day's press conference on them.
    ['file:///mem/uk-talks.readout.txt', TALKS('日英外相会談', '令和4年3月1日', 'エリザベス・トラス英国外務・英連邦・開発大臣')],
    ['file:///mem/au-press.readout.txt', PRESS('令和4年3月2日(水曜日)', '日豪外相電話会談', 'ペイン外務大臣')],
  ];

  it('are one event, first among each other\'s related meetings and marked in the picker, the hover and the Meetings view', async () => {
    const index = await indexOf(files);
    const features = createCorpusFeatures(index);
    assert.equal(mainOf(index, 'file:///mem/us-press.readout.txt').summary.kind, '記者会見');
    assert.equal(sameEvent(mainOf(index, 'file:///mem/us-talks.readout.txt'), mainOf(index, 'file:///mem/us-press.readout.txt')), true);
    const [fromTalks] = features.related('file:///mem/us-talks.readout.txt');
    assert.equal(fromTalks.uri, 'file:///mem/us-press.readout.txt');
    assert.equal(fromTalks.reasons[0], 'the same event: 記者会見');
    assert.match(relatedPickItem(fromTalks).label, /^\$\(link\) 2022-03-01 {2}/);
    const [fromPress] = features.related('file:///mem/us-press.readout.txt');
    assert.equal(fromPress.uri, 'file:///mem/us-talks.readout.txt');
    assert.equal(fromPress.sameEvent, true);

    const hover = features.hover({ uri: files[1][0], getText: () => files[1][1] }, { line: 0, character: '林外務大臣会見'.length })?.contents.value ?? '';
    assert.match(hover, /\*\*The same event\*\* in other documents:\n\n- 2022\\-03\\-01 · 外相会談 · \[日米外相会談\]\(file:\/\/\/mem\/us-talks\.readout\.txt/);

    const events = new Map(features.meetings().map((item) => [item.uri.slice('file:///mem/'.length), item.event]));
    assert.ok(events.get('us-talks.readout.txt'));
    assert.equal(events.get('us-talks.readout.txt'), events.get('us-press.readout.txt'));
    assert.equal(events.get('uk-talks.readout.txt'), null);
    assert.equal(events.get('au-press.readout.txt'), null);
  });

  it('are not linked to talks that day with another counterpart, nor to a press conference the next day on other talks', async () => {
    const index = await indexOf(files);
    const press = mainOf(index, 'file:///mem/us-press.readout.txt');
    const ukTalks = mainOf(index, 'file:///mem/uk-talks.readout.txt');
    const nextPress = mainOf(index, 'file:///mem/au-press.readout.txt');
    assert.equal(sameEvent(press, ukTalks), false);
    assert.equal(sameEvent(mainOf(index, 'file:///mem/us-talks.readout.txt'), ukTalks), false);
    assert.equal(sameEvent(press, nextPress), false);
    assert.equal(sameEvent(nextPress, mainOf(index, 'file:///mem/us-talks.readout.txt')), false);
    // Still related (the minister is in all of them), only not first and not marked.
    const related = createCorpusFeatures(index).related('file:///mem/uk-talks.readout.txt');
    assert.ok(related.length > 0);
    assert.ok(related.every((item) => !item.sameEvent && !relatedPickItem(item).label.startsWith('$(link)')), JSON.stringify(related));
  });
});

describe('the floor of related meetings', () => {
  it('admits a meeting that shares a person, not one that shares only a country', async () => {
    const index = await indexOf([
      ['file:///mem/a.readout.txt', TALKS('日米外相会談', '令和4年3月1日', BLINKEN)],
      ['file:///mem/b.readout.txt', TALKS('日米外相会談', '令和4年9月1日', BLINKEN)],
      ['file:///mem/c.readout.txt', TALKS('日米防衛相会談', '令和4年5月1日', 'ロイド・オースティン米国国防長官', '両大臣は、同盟について意見交換を行いました。').replace('林芳正外務大臣', '岸信夫防衛大臣')],
    ]);
    const related = relatedMeetings(index, index.file('file:///mem/a.readout.txt')!).map((r) => r.meeting.file.uri);
    assert.deepEqual(related, ['file:///mem/b.readout.txt']);
  });
});

describe('one count of related meetings', () => {
  it('the code lens counts what the picker is given and the CLI lists, on every file of corpus/, topics included', async () => {
    // Topics weigh in related meetings: the index is the editor's once its tokenizer is done.
    const tokenizer = new Tokenizer();
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]), { tokenizer });
    await index.build();
    await index.topics!.settled();
    await tokenizer.dispose();
    const features = createCorpusFeatures(index);
    const files = index.allFiles();
    const paths = files.map((file) => uriToPath(file.uri));
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'kaidan.js'), 'related', ...paths, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(cli.status, 0, cli.stderr);
    const listed = JSON.parse(cli.stdout) as Record<string, { file: string; reasons: string[] }[]>;
    const counts: string[] = [];
    for (const [i, file] of files.entries()) {
      const name = basename(file.uri);
      const text = readTextFile(paths[i]);
      const picked = features.related(file.uri);
      const lens = features.codeLenses({ uri: file.uri, getText: () => text })[0];
      assert.ok(lens, name);
      assert.equal(lens.command.title, picked.length === 1 ? '1 related meeting' : `${picked.length} related meetings`, name);
      assert.deepEqual(listed[paths[i]].map((item) => item.file), picked.map((item) => basename(item.uri)), name);
      for (const item of picked) {
        const quotes = item.reasons.flatMap((reason) => reason.match(/'[^']+'/g) ?? []);
        assert.equal(new Set(quotes).size, quotes.length, `${name} → ${basename(item.uri)}: ${item.reasons.join(' · ')}`);
      }
      counts.push(`${picked.length} ${name}`);
    }
    assert.ok(files.length >= 30, `${files.length} files`);
    assert.ok(counts.some((count) => !count.startsWith('0 ')), counts.join('\n'));
  });

  it(`keeps the ${MAX_RELATED} most related in a corpus where a hundred meetings share the person`, async () => {
    const files: [string, string][] = Array.from({ length: 101 }, (_, i) => [
      `file:///mem/${String(i).padStart(3, '0')}.readout.txt`,
      TALKS('日米外相会談', `令和4年${(i % 12) + 1}月${(i % 28) + 1}日`, BLINKEN),
    ]);
    const index = await indexOf(files);
    const features = createCorpusFeatures(index);
    assert.equal(features.related(files[0][0]).length, MAX_RELATED);
    assert.equal(features.codeLenses({ uri: files[0][0], getText: () => files[0][1] })[0].command.title, `${MAX_RELATED} related meetings`);
  });
});

describe('the reasons of a related meeting', () => {
  it('name a phrase that refers to the meeting once, however often it is written', async () => {
    const twice = TALKS('日米外相会談', '令和4年3月20日', BLINKEN, '両外相は、3月1日の日米外相会談の成果を確認しました。林大臣から、3月1日の日米外相会談を踏まえ協力したい旨述べました。');
    const index = await indexOf([
      ['file:///mem/first.readout.txt', TALKS('日米外相会談', '令和4年3月1日', BLINKEN)],
      ['file:///mem/second.readout.txt', twice],
    ]);
    const [first] = relatedMeetings(index, index.file('file:///mem/second.readout.txt')!);
    assert.equal(first.meeting.file.uri, 'file:///mem/first.readout.txt');
    assert.deepEqual(first.reasons.find((r) => r.kind === 'reference')?.values, ['3月1日の日米外相会談']);
    assert.equal(index.references(index.file('file:///mem/second.readout.txt')!).filter((r) => r.target?.file.uri === 'file:///mem/first.readout.txt').length, 2);
  });
});

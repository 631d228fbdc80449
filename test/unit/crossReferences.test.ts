// The corpus index and its cross-references: people across readouts, meeting references,
// related meetings, hovers and the other corpus features, the cache, and escaping of document text.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { CACHE_FILE, CorpusIndex } from '../../server/src/corpus/index';
import { CacheStore } from '../../server/src/corpus/cacheStore';
import { loadPeople } from '../../server/src/corpus/people';
import { nameFullRange, summarize, summaryName } from '../../server/src/corpus/summary';
import type { IndexedFile } from '../../server/src/corpus/types';
import { findReferences } from '../../server/src/corpus/references';
import { relatedMeetings } from '../../server/src/corpus/related';
import { corpusFilter } from '../../server/src/corpus/globs';
import { MemoryWorkspace, pathToUri } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { Position } from '../../server/src/features/types';
import { readTextFile } from '../../server/src/io/readText';
import { defaultParser } from '../../server/src/parse/parser';
import { CORPUS, corpusFiles, seedPath } from './helpers';
import { PEOPLE, type PeopleIndex } from '../../server/src/knowledge/people';

const name = (uri: string) => basename(uri);
const KONO_LAVROV = '2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt';

async function corpusIndex(): Promise<CorpusIndex> {
  const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
  await index.build();
  return index;
}

const built = corpusIndex();

function fileOf(index: CorpusIndex, path: string): IndexedFile {
  const file = index.file(pathToUri(path));
  assert.ok(file, `${basename(path)} is not in the index`);
  return file;
}

/** The position of the n-th occurrence of `needle` in a text, plus `offset` characters. */
function positionOf(text: string, needle: string, nth = 0, offset = 1): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `'${needle}' not in the text`);
  const before = text.slice(0, at + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function corpusDocument(path: string) {
  const text = readTextFile(path);
  return { uri: pathToUri(path), getText: () => text, text };
}

describe('the corpus index over corpus/', () => {
  it('indexes every readout of the folder, the plain .txt ones included', async () => {
    const index = await built;
    assert.equal(index.allFiles().length, corpusFiles().length);
    assert.ok(index.file(pathToUri(join(CORPUS, '2006-10-08-abe-hu-jintao-beijing-summit.txt'))));
    assert.equal(index.state.state, 'ready');
    assert.equal(index.state.meetings, index.meetings().length);
  });

  it('makes ラヴロフ (seed 003) and ラブロフ (seed 000) one person', async () => {
    const index = await built;
    const lavrov = fileOf(index, seedPath(3)).names.find((n) => n.name === 'ラヴロフ');
    const lavrovB = fileOf(index, seedPath(0)).names.find((n) => n.name === 'ラブロフ');
    assert.ok(lavrov && lavrovB);
    assert.equal(lavrov.personId, 'lavrov-sergey');
    assert.equal(lavrovB.personId, 'lavrov-sergey');
  });

  it('tells 林 of 2016 (林幹雄, METI) from 林 of 2022 (林芳正, MOFA) by date', async () => {
    const index = await built;
    const hayashi = (file: string) => fileOf(index, join(CORPUS, file)).main!.participants.find((p) => p.name.startsWith('林'))!.personId;
    assert.equal(hayashi('2016-05-01-hayashi-motoo-moniz-kitakyushu-energy.readout.txt'), 'hayashi-motoo');
    assert.equal(hayashi('2022-01-07-hayashi-press-conference.readout.txt'), 'hayashi-yoshimasa');
  });

  it('tells the two 林 apart in texts that write only 林大臣, by the meeting date', async () => {
    const text = (date: string) => `林大臣とモニーツ長官の会談\n\n${date}、林大臣は、モニーツ米国エネルギー長官と会談を行いました。概要は以下のとおりです。\n1 林大臣より,協力を述べました。\n`;
    const workspace = new MemoryWorkspace([
      ['file:///mem/a.readout.txt', text('平成28年5月1日')],
      ['file:///mem/b.readout.txt', text('令和4年2月1日')],
    ]);
    const index = new CorpusIndex(workspace);
    await index.build();
    const ids = (uri: string) => [...new Set(index.file(uri)!.names.filter((n) => n.name === '林').map((n) => n.personId))];
    assert.deepEqual(ids('file:///mem/a.readout.txt'), ['hayashi-motoo']);
    assert.deepEqual(ids('file:///mem/b.readout.txt'), ['hayashi-yoshimasa']);
  });

  it('dates a readout without a year from its file name, and says so', async () => {
    const index = await built;
    const seed0 = fileOf(index, seedPath(0)).main!;
    assert.equal(seed0.date, '2022-02');
    assert.equal(seed0.dateSource, 'file name');
    const seed1 = fileOf(index, seedPath(1)).main!;
    assert.equal(seed1.date, '2014-02-07');
    assert.equal(fileOf(index, seedPath(3)).main!.dateSource, 'text');
  });
});

describe('meeting references', () => {
  it('finds the time, countries and level of a phrase', () => {
    const [found] = findReferences('これは,3月の日露外相会談の際に署名された計画です。', PEOPLE);
    assert.equal(found.text, '3月の日露外相会談');
    assert.equal(found.level, 'foreign');
    assert.deepEqual(found.countries, ['JP', 'RU']);
    assert.equal(found.time.month, 3);
    const [visit] = findReferences('昨年2月以来となるマティス長官の訪日となりました。', PEOPLE);
    assert.equal(visit.level, 'visit');
    assert.deepEqual(visit.person, { name: 'マティス', title: '長官' });
    assert.equal(visit.time.relativeYear, -1);
  });

  it("resolves seed 003's '3月の日露外相会談' to the Tokyo talks of 2018-03-21, and definition jumps there", async () => {
    const index = await built;
    const seed3 = fileOf(index, seedPath(3));
    const reference = index.references(seed3).find((r) => r.reference.text === '3月の日露外相会談');
    assert.ok(reference, JSON.stringify(index.references(seed3).map((r) => r.reference.text)));
    assert.equal(name(reference.target!.file.uri), KONO_LAVROV);

    const document = corpusDocument(seedPath(3));
    const features = createCorpusFeatures(index);
    const [location] = features.definition(document, positionOf(document.text, '3月の日露外相会談', 0, 3));
    assert.equal(name(location.uri), KONO_LAVROV);
    assert.deepEqual(location.range.start, { line: 0, character: 0 });
  });

  it('resolves the planted references of corpus/README.md', async () => {
    const index = await built;
    const expected: [file: string, phrase: string, target: string][] = [
      [basename(seedPath(3)), '本年5月末にモスクワで行われた日露首脳会談', '2018-05-26-abe-putin-moscow-summit.readout.txt'],
      ['2018-05-26-abe-putin-moscow-summit.readout.txt', '3月の日露外相会談', KONO_LAVROV],
      ['2018-03-21-lavrov-courtesy-call-on-abe.readout.txt', '本日河野大臣との間で行われた日露外相会談', KONO_LAVROV],
      ['2014-04-24-abe-obama-tokyo-summit.readout.txt', '昨年10月に東京で開催された「2+2」', '2013-10-03-japan-us-2plus2-tokyo.readout.txt'],
      [basename(seedPath(2)), '昨年2月以来となるマティス長官の訪日', '2017-02-04-inada-mattis-defense-ministers.readout.txt'],
      [basename(seedPath(0)), '今年に入り、日米「2+2」', '2022-01-07-japan-us-2plus2-video-conference.readout.txt'],
      [basename(seedPath(0)), '先日の日米の首脳のオンライン協議', '2022-01-21-kishida-biden-video-summit.readout.txt'],
      ['2022-02-12-japan-us-rok-foreign-ministers-honolulu.readout.txt', '2月初めの電話会談', basename(seedPath(0))],
      ['2022-10-22-kishida-albanese-perth-summit.readout.txt', '年内に東京で日豪外務・防衛閣僚協議(「2+2」)', '2022-12-09-japan-australia-2plus2-tokyo-news-copy.readout.txt'],
      ['2024-02-20-kamikawa-press-conference.readout.txt', '2002年の小泉総理の訪朝', '2002-09-17-koizumi-kim-jong-il-pyongyang-summit.readout.txt'],
      ['2024-02-20-kamikawa-press-conference.readout.txt', '昨年11月の日英外相会談', '2023-11-07-kamikawa-cleverly-tokyo.readout.txt'],
      ['2025-03-22-japan-china-rok-foreign-ministers-tokyo-news-copy.readout.txt', '2月のミュンヘンでの日米韓外相会合', '2025-02-15-japan-us-rok-foreign-ministers-munich.readout.txt'],
      ['2025-03-22-japan-china-rok-foreign-ministers-tokyo-news-copy.readout.txt', '同日午前には日中外相会談', '2025-03-22-iwaya-wang-yi-tokyo.readout.txt'],
    ];
    for (const [file, phrase, target] of expected) {
      const references = index.references(fileOf(index, join(CORPUS, file)));
      const found = references.find((r) => r.reference.text === phrase);
      assert.ok(found, `${file}: no reference '${phrase}' in ${JSON.stringify(references.map((r) => r.reference.text))}`);
      assert.equal(found.target && name(found.target.file.uri), target, `${file}: '${phrase}'`);
    }
  });

  it('resolves a reference to a day inside a meeting dated only by its month', async () => {
    // Seed 000 gives no day: its file name dates it February 2022, the whole month.
    const seed0 = `file:///mem/${basename(seedPath(0))}`;
    const later = 'file:///mem/2022-02-10-hayashi-press.readout.txt';
    const workspace = new MemoryWorkspace([
      [seed0, readTextFile(seedPath(0))],
      [later, '林外務大臣会見記録\n\n令和4年2月10日、林外務大臣は記者会見を行いました。\n 2月4日の日米外相電話会談でブリンケン国務長官と確認したとおり、日米で緊密に連携していきます。\n'],
    ]);
    const index = new CorpusIndex(workspace);
    await index.build();
    assert.equal(index.file(seed0)!.main!.date, '2022-02');
    const found = index.references(index.file(later)!).find((r) => r.reference.text === '2月4日の日米外相電話会談');
    assert.ok(found, JSON.stringify(index.references(index.file(later)!).map((r) => r.reference.text)));
    assert.equal(found.target?.file.uri, seed0);
  });

  it("keeps '先般の米朝首脳会談' as a reference the corpus cannot resolve, and the hover says what is known", async () => {
    const index = await built;
    const seed2 = fileOf(index, seedPath(2));
    const reference = index.references(seed2).find((r) => r.reference.text === '先般の米朝首脳会談');
    assert.ok(reference);
    assert.equal(reference.target, null);
    const document = corpusDocument(seedPath(2));
    const hover = createCorpusFeatures(index).hover(document, positionOf(document.text, '先般の米朝首脳会談', 0, 4));
    assert.ok(hover);
    assert.match(hover.contents.value, /No matching meeting in the corpus/);
    assert.match(hover.contents.value, /米国・北朝鮮/);
    // Shortly before: up to the day before the readout's own.
    assert.match(hover.contents.value, /when: 2018-0[2-6]-\d\d – 2018-06-28/);
  });

  it('does not take a bare meeting word for a reference to an older meeting', async () => {
    const index = await built;
    // 2018-03-21's own text says '日露外相会談' about itself: it must not point at the 2000 talks.
    const references = index.references(fileOf(index, join(CORPUS, KONO_LAVROV)));
    const own = references.filter((r) => !r.reference.time.ahead);
    assert.ok(own.every((r) => !r.target || r.target.date === '2018-03-21'), JSON.stringify(own.map((r) => [r.reference.text, r.target?.date])));
    // What it plans ('5月に予定される安倍総理の訪露') is the Moscow summit after it.
    const planned = references.filter((r) => r.reference.time.ahead).map((r) => [r.reference.text, r.target?.date ?? null]);
    assert.deepEqual(planned, [['5月に予定される安倍総理の訪露', '2018-05-26'], ['5月の安倍総理の訪露及び日露首脳会談', '2018-05-26']]);
  });
});

describe('hover on a person', () => {
  it('on ブリンケン in seed 000 lists every corpus meeting with him, newest first', async () => {
    const index = await built;
    const document = corpusDocument(seedPath(0));
    const hover = createCorpusFeatures(index).hover(document, positionOf(document.text, 'ブリンケン'));
    assert.ok(hover);
    const value = hover.contents.value;
    assert.match(value, /^\*\*アントニー・ブリンケン\*\* \(Antony Blinken\)/);
    const [meetings, alsoNamed = ''] = value.split('**Also named in');
    const linked = [...meetings.matchAll(/\]\((file:[^)#]+)#L\d+\)/g)].map((m) => name(m[1]));
    assert.deepEqual(linked, [
      '2022-02-12-japan-us-rok-foreign-ministers-honolulu.readout.txt',
      basename(seedPath(0)),
      '2022-01-07-japan-us-2plus2-video-conference.readout.txt',
    ]);
    assert.match(meetings, /Meetings in the corpus \(3\)/);
    // The hovered readout's own meeting is marked, and only it.
    const marked = meetings.split('\n').filter((line) => line.endsWith(' — *this readout*'));
    assert.equal(marked.length, 1);
    assert.ok(marked[0].includes(basename(seedPath(0))), marked[0]);
    // Files naming him without a meeting with him come after, on their own.
    assert.match(alsoNamed, /2022-01-21-kishida-biden-video-summit/);
  });

  it('on 河野 in seed 003 is 河野太郎, not 河野洋平 of 2000', async () => {
    const index = await built;
    const document = corpusDocument(seedPath(3));
    const hover = createCorpusFeatures(index).hover(document, positionOf(document.text, '(河野外務大臣)', 0, 2));
    assert.ok(hover);
    assert.match(hover.contents.value, /^\*\*河野太郎\*\* \(Taro Kono\)/);
    assert.doesNotMatch(hover.contents.value, /2000-09-04-kono-yohei/);
  });

  it('references on a person find every mention across the corpus', async () => {
    const index = await built;
    const document = corpusDocument(seedPath(0));
    const locations = createCorpusFeatures(index).references(document, positionOf(document.text, 'ブリンケン'));
    const files = new Set(locations.map((l) => name(l.uri)));
    for (const file of ['2022-01-07-japan-us-2plus2-video-conference.readout.txt', '2022-01-07-hayashi-press-conference.readout.txt', '2022-02-12-japan-us-rok-foreign-ministers-honolulu.readout.txt', basename(seedPath(0))]) {
      assert.ok(files.has(file), `${file} missing from ${[...files]}`);
    }
    const inSeed0 = locations.filter((l) => name(l.uri) === basename(seedPath(0)));
    assert.equal(inSeed0.length, (document.text.match(/ブリンケン/g) ?? []).length);
  });
});

describe('related meetings', () => {
  it("of seed 003: the referenced talks first, seed 002's meetings only where a participant is shared", async () => {
    const index = await built;
    const related = relatedMeetings(index, fileOf(index, seedPath(3)));
    const top = related.slice(0, 2).map((r) => name(r.meeting.file.uri)).sort();
    assert.deepEqual(top, [KONO_LAVROV, '2018-05-26-abe-putin-moscow-summit.readout.txt']);
    const konoLavrov = related.find((r) => name(r.meeting.file.uri) === KONO_LAVROV)!;
    assert.deepEqual(konoLavrov.reasons.find((r) => r.kind === 'reference')?.values, ['3月の日露外相会談']);
    assert.deepEqual([...konoLavrov.reasons.find((r) => r.kind === 'participants')!.values].sort(), ['kono-taro', 'lavrov-sergey']);

    const seed2 = related.filter((r) => r.meeting.file.uri === pathToUri(seedPath(2)));
    // 防衛相会談 (小野寺) and 外相会談 (河野太郎) of 2018-06-29; not the 表敬 of Abe and Mattis, which shares no one.
    assert.deepEqual(seed2.map((r) => r.meeting.summary.kind).sort(), ['外相会談', '防衛相会談']);
    for (const entry of seed2) {
      const shared = entry.reasons.find((r) => r.kind === 'participants')!.values;
      assert.deepEqual(shared, [entry.meeting.summary.kind === '外相会談' ? 'kono-taro' : 'onodera-itsunori']);
      assert.ok(!entry.reasons.some((r) => r.kind === 'countries' || r.kind === 'reference'));
      assert.deepEqual(entry.reasons.find((r) => r.kind === 'time')?.values, ['33']);
    }
  });

  it('counts a reference in the other direction too', async () => {
    const index = await built;
    const related = relatedMeetings(index, fileOf(index, join(CORPUS, KONO_LAVROV)));
    const seed3 = related.find((r) => r.meeting.file.uri === pathToUri(seedPath(3)));
    assert.ok(seed3);
    assert.deepEqual(seed3.reasons.find((r) => r.kind === 'referenced by')?.values, ['3月の日露外相会談']);
  });

  it('gives a code lens over the title with the count, running the go-to command', async () => {
    const index = await built;
    const document = corpusDocument(seedPath(3));
    const [lens] = createCorpusFeatures(index).codeLenses(document);
    assert.equal(lens.command.title, `${relatedMeetings(index, fileOf(index, seedPath(3))).length} related meetings`);
    assert.equal(lens.command.command, 'kaidan.goToRelatedMeeting');
    assert.deepEqual(lens.range.start, { line: 0, character: 0 });
  });

  it('previous and next meeting with the same counterpart, by date', async () => {
    const index = await built;
    const features = createCorpusFeatures(index);
    assert.equal(name(features.adjacent(pathToUri(seedPath(3)), 'previous')!.uri), '2018-05-26-abe-putin-moscow-summit.readout.txt');
    assert.equal(name(features.adjacent(pathToUri(seedPath(3)), 'next')!.uri), '2021-10-07-kishida-putin-phone-call.txt');
  });

  it('workspace symbols find meetings and people, spelling-insensitively', async () => {
    const index = await built;
    const features = createCorpusFeatures(index);
    // The editor keeps only labels that hold the query's characters: a label found by another spelling says what matched.
    const lavrov = features.workspaceSymbols('ラブロフ').filter((s) => s.kind === 'person');
    assert.deepEqual(lavrov.map((s) => s.name), ['セルゲイ・ラヴロフ (ラブロフ)', 'セルゲイ・ラヴロフ (ラブロフ)', 'セルゲイ・ラヴロフ (ラブロフ)']);
    // One per readout he takes part in, newest first, each at his mention there.
    assert.deepEqual(lavrov.map((s) => s.containerName.slice(0, 10)), ['2018-08-01', '2018-03-21', '2018-03-21']);
    assert.deepEqual(features.workspaceSymbols('ラヴロフ').filter((s) => s.kind === 'person').map((s) => s.name), ['セルゲイ・ラヴロフ', 'セルゲイ・ラヴロフ', 'セルゲイ・ラヴロフ']);
    assert.equal(features.workspaceSymbols('Lavrov').filter((s) => s.kind === 'person')[0]?.name, 'セルゲイ・ラヴロフ (Sergey Lavrov)');
    assert.equal(features.workspaceSymbols('きしだ').filter((s) => s.kind === 'person')[0]?.name, '岸田文雄 (きしだ ふみお)');
    // 首脳会談 finds the phone and video summits too (their labels hold its characters in order, which the editor's filter keeps).
    const summits = features.workspaceSymbols('首脳会談').filter((s) => s.kind === 'meeting').map((s) => s.name);
    assert.ok(summits.includes('2021-10-07 日露首脳電話会談') && summits.includes('2022-01-21 日米首脳テレビ会談'), JSON.stringify(summits));
    const meetings = createCorpusFeatures(index).workspaceSymbols('2018-03-21');
    assert.deepEqual(meetings.map((s) => s.containerName).sort(), ['2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt', '2018-03-21-lavrov-courtesy-call-on-abe.readout.txt']);
  });
});

describe('the index cache', () => {
  const countingParser = () => {
    const counter = { parses: 0, parse: (text: string, people: PeopleIndex) => (counter.parses++, defaultParser.parse(text, people)) };
    return counter;
  };

  it('parses no file the second time over an unchanged corpus, and only the changed one after an edit', async () => {
    const storagePath = mkdtempSync(join(tmpdir(), 'kaidan-cache-'));
    const first = countingParser();
    const cold = new CorpusIndex(new DiskWorkspace([CORPUS]), { parser: first, storagePath });
    await cold.build();
    assert.equal(first.parses, corpusFiles().length);

    const second = countingParser();
    const warm = new CorpusIndex(new DiskWorkspace([CORPUS]), { parser: second, storagePath });
    await warm.build();
    assert.equal(second.parses, 0);
    // Read back, every summary is the one written: its names in the same places, resolved to the same people.
    const summaries = (index: CorpusIndex) => index.allFiles().map((file) => ({ uri: file.uri, summary: file.summary, names: file.names })).sort((a, b) => a.uri.localeCompare(b.uri));
    assert.deepEqual(summaries(warm), summaries(cold));
    assert.equal(warm.meetings().length, cold.meetings().length);
    assert.deepEqual(warm.meetingsWith('blinken-antony').map((m) => m.file.uri), cold.meetingsWith('blinken-antony').map((m) => m.file.uri));

    // The same content under a new time is not parsed again either; a changed text is.
    const files = corpusFiles().slice(0, 3).map((path): [string, string] => [pathToUri(path), readTextFile(path)]);
    const memoryStorage = mkdtempSync(join(tmpdir(), 'kaidan-cache-'));
    const workspace = new MemoryWorkspace(files);
    await new CorpusIndex(workspace, { storagePath: memoryStorage }).build();
    workspace.write(files[0][0], files[0][1]);
    workspace.write(files[1][0], files[1][1] + '\n追記。\n');
    const third = countingParser();
    await new CorpusIndex(workspace, { parser: third, storagePath: memoryStorage }).build();
    assert.equal(third.parses, 1);
  });

  it('keeps a name broken over two lines where it is, through the cache file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kaidan-cache-'));
    const text = '日米外相会談\n\n林芳正外務\n大臣は,ブリンケン国務長官と会談した。\n';
    const summary = summarize(text, defaultParser, loadPeople().people);
    const broken = summaryName({ name: '林芳正', title: '外務大臣', country: 'JP', personId: 'hayashi-yoshimasa' }, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, {
      start: { line: 2, character: 0 },
      end: { line: 3, character: 2 },
    });
    const entry = { hash: summary.hash, mtimeMs: 1, size: text.length, summary: { ...summary, names: [broken, ...summary.names] }, topics: null };
    new CacheStore(folder, assert.fail).save([['/x/a.readout.txt', entry]]);
    const loaded = new CacheStore(folder, assert.fail).load().entries.get('/x/a.readout.txt');
    assert.deepEqual(loaded?.summary.names, entry.summary.names);
    assert.deepEqual(nameFullRange(loaded!.summary.names[0]), { start: { line: 2, character: 0 }, end: { line: 3, character: 2 } });
  });

  it('rebuilds from a truncated or outdated cache without an error', async () => {
    const storagePath = mkdtempSync(join(tmpdir(), 'kaidan-cache-'));
    await new CorpusIndex(new DiskWorkspace([CORPUS]), { storagePath }).build();
    const cacheFile = join(storagePath, CACHE_FILE);
    const whole = readFileSync(cacheFile, 'utf8');
    writeFileSync(cacheFile, whole.slice(0, Math.floor(whole.length / 2)));
    const problems: string[] = [];
    const parser = countingParser();
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]), { parser, storagePath, onProblem: (m) => problems.push(m) });
    await index.build();
    assert.equal(parser.parses, corpusFiles().length);
    assert.equal(index.meetings().length, (await built).meetings().length);
    assert.deepEqual(problems, []);
    assert.doesNotThrow(() => JSON.parse(readFileSync(cacheFile, 'utf8')), 'the cache was written whole again');

    writeFileSync(cacheFile, JSON.stringify({ ...JSON.parse(readFileSync(cacheFile, 'utf8')), format: -1 }));
    const again = countingParser();
    await new CorpusIndex(new DiskWorkspace([CORPUS]), { parser: again, storagePath }).build();
    assert.equal(again.parses, corpusFiles().length);
  });
});

describe('an in-memory corpus', () => {
  const BLINKEN = (title: string, date: string) =>
    `${title}\n\n${date}、林芳正外務大臣は、アントニー・ブリンケン米国国務長官と日米外相会談を行いました。概要は以下のとおりです。\n1 両外相は,日米同盟について意見交換を行いました。\n`;

  it('updates on create, change and delete, and an editor overlay stands for the file', async () => {
    const workspace = new MemoryWorkspace([['file:///mem/a.readout.txt', BLINKEN('日米外相会談', '令和4年3月1日')]]);
    const index = new CorpusIndex(workspace);
    await index.build();
    const changes: number[] = [];
    index.onDidChange(() => changes.push(index.meetingsWith('blinken-antony').length));
    workspace.write('file:///mem/b.readout.txt', BLINKEN('日米外相会談', '令和4年4月1日'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(index.meetingsWith('blinken-antony').length, 2);
    workspace.delete('file:///mem/a.readout.txt');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(index.meetingsWith('blinken-antony').length, 1);
    await index.setOverlay('file:///mem/b.readout.txt', '日米外相会談\n\n令和4年4月1日、林芳正外務大臣は会見を行いました。\n');
    assert.equal(index.meetingsWith('blinken-antony').length, 0);
    await index.revert('file:///mem/b.readout.txt');
    assert.equal(index.meetingsWith('blinken-antony').length, 1);
    assert.deepEqual(changes, [2, 1, 0, 1]);
  });

  it('adds people from .kaidan/people.json', async () => {
    const text = '日本・ルリタニア外相会談\n\n令和6年5月1日、上川外務大臣は、ルドルフ・ラッセンディル・ロシア外務大臣と会談を行いました。概要は以下のとおりです。\n1 ラッセンディル外務大臣より,協力を述べました。\n';
    const override = JSON.stringify({
      version: 1,
      people: [{ id: 'rassendyll-rudolf', family: 'ラッセンディル', names: ['ルドルフ・ラッセンディル'], variants: [], latin: 'Rudolf Rassendyll', country: 'RU', offices: [{ title: '外務大臣', from: '2024-01-01', to: null }] }],
    });
    const index = new CorpusIndex(new MemoryWorkspace([['file:///mem/r.readout.txt', text]]), { readPeopleOverride: async () => override });
    await index.build();
    assert.deepEqual(index.meetingsWith('rassendyll-rudolf').map((m) => m.file.uri), ['file:///mem/r.readout.txt']);
    const problems: string[] = [];
    const broken = new CorpusIndex(new MemoryWorkspace([['file:///mem/r.readout.txt', text]]), { readPeopleOverride: async () => '{"people": [', onProblem: (m) => problems.push(m) });
    await broken.build();
    assert.equal(broken.meetingsWith('rassendyll-rudolf').length, 0);
    assert.match(problems.join('\n'), /people\.json is not valid JSON/);
  });

  it('shows document text in hovers as plain text: no command link, no HTML, no javascript: link', async () => {
    const payload = '[x](command:workbench.action.quit) <img src=x onerror=alert(1)> [y](javascript:alert(1)) <javascript:alert(2)>';
    const workspace = new MemoryWorkspace([
      ['file:///mem/evil.readout.txt', BLINKEN(`日米外相会談 ${payload}`, '令和4年3月1日')],
      ['file:///mem/plain.readout.txt', BLINKEN('日米外相会談', '令和4年4月1日') + `2 3月の日米外相会談 ${payload} について述べました。\n`],
    ]);
    const index = new CorpusIndex(workspace);
    await index.build();
    const features = createCorpusFeatures(index);
    const texts = await Promise.all(['file:///mem/evil.readout.txt', 'file:///mem/plain.readout.txt'].map((uri) => workspace.readText(uri)));
    const hovers = [
      features.hover({ uri: 'file:///mem/plain.readout.txt', getText: () => texts[1] }, positionOf(texts[1], 'ブリンケン')),
      features.hover({ uri: 'file:///mem/evil.readout.txt', getText: () => texts[0] }, { line: 0, character: 2 }),
      features.hover({ uri: 'file:///mem/plain.readout.txt', getText: () => texts[1] }, positionOf(texts[1], '3月の日米外相会談')),
    ];
    // The reference hover quotes the target's first lines, payload included.
    assert.ok(hovers[2]?.contents.value.includes('\\[x\\]\\(command\\:workbench'), `the payload is shown (escaped):\n${hovers[2]?.contents.value}`);
    for (const hover of hovers) {
      assert.ok(hover);
      const value = hover.contents.value;
      // Every link in the markdown is one the server made: a file: URI into the corpus.
      for (const link of value.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) assert.match(link[1], /^file:\/\/\/mem\/\w+\.readout\.txt#L\d+$/);
      assert.doesNotMatch(value, /(?<!\\)</, 'no raw HTML');
      assert.doesNotMatch(value, /(?<!\\)\[x/);
      assert.doesNotMatch(value, /javascript:/);
    }
    for (const uri of ['file:///mem/evil.readout.txt', 'file:///mem/plain.readout.txt']) {
      const text = await workspace.readText(uri);
      for (const lens of features.codeLenses({ uri, getText: () => text })) assert.match(lens.command.title, /^\d+ related meetings?$/);
    }
  });
});

describe('corpus globs', () => {
  it('include and exclude like VS Code globs', () => {
    const admitted = (path: string, globs: { include: string[]; exclude: string[] }) => corpusFilter(globs).admits(path);
    const globs = { include: ['**/*.readout', '**/*.readout.txt', '*.txt'], exclude: ['**/drafts/**', 'old-*'] };
    assert.ok(admitted('a/b.readout.txt', globs));
    assert.ok(admitted('notes.txt', globs));
    assert.ok(admitted('deep/er/notes.txt', globs));
    assert.ok(!admitted('a/drafts/b.readout', globs));
    assert.ok(!admitted('x/old-2019.readout', globs));
    assert.ok(!admitted('a/b.md', globs));
    assert.ok(admitted('a/b.md', { include: ['**/*.{md,txt}'], exclude: [] }));
  });
});

// Topics over corpus/ (server/src/corpus/topics.ts): the nouns each meeting discusses, weighted by
// TF-IDF; the hover on a topic word; shared topics among the reasons of related meetings; topics kept
// in the index cache. One kuromoji worker for the file.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { relatedMeetings } from '../../server/src/corpus/related';
import { MemoryWorkspace, pathToUri } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { readTextFile } from '../../server/src/io/readText';
import { Tokenizer } from '../../server/src/nlp/tokenizer';
import { CORPUS, seedPath } from './helpers';

const MOSCOW_SUMMIT = '2018-05-26-abe-putin-moscow-summit.readout.txt';
const tokenizer = new Tokenizer();
const storagePath = mkdtempSync(join(tmpdir(), 'kaidan-topics-'));
const built = (async () => {
  const index = new CorpusIndex(new DiskWorkspace([CORPUS]), { tokenizer, storagePath });
  await index.build();
  await index.topics!.settled();
  return index;
})();
after(async () => {
  (await built).dispose();
  await tokenizer.dispose();
});

const fileAt = async (path: string) => (await built).file(pathToUri(path))!;
const terms = (index: CorpusIndex, path: string) => index.file(pathToUri(path))!.meetings.flatMap((m) => index.topics!.topicsOf(m).map((t) => t.term));

describe('topics of the corpus', () => {
  it('finds the Japan–Russia topics of seed 003, compounds whole, weighted with the strongest first', async () => {
    const index = await built;
    const topics = index.topics!.topicsOf((await fileAt(seedPath(3))).main!);
    const found = topics.map((t) => t.term);
    assert.ok(found.includes('共同経済活動') && found.includes('平和条約'), JSON.stringify(topics));
    assert.equal(topics[0].weight, 1);
    assert.ok(topics.every((t, i) => i === 0 || t.weight <= topics[i - 1].weight));
  });

  it('leaves out people, countries, offices and meeting words', async () => {
    const index = await built;
    const all = index.allFiles().flatMap((file) => terms(index, join(CORPUS, basename(file.uri))));
    for (const word of ['ラヴロフ', 'ブリンケン', 'ロシア', '米国', '日露', '外務大臣', '総理大臣', '首脳会談', '会談']) {
      assert.ok(!all.some((term) => term.includes(word)), `${word} in ${all.filter((term) => term.includes(word))}`);
    }
  });

  it('hovers a topic word with the meetings that discuss it, newest first, each with its sentence', async () => {
    const index = await built;
    const text = readTextFile(seedPath(3));
    const at = text.indexOf('共同経済活動');
    const before = text.slice(0, at + 2).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    const hover = createCorpusFeatures(index).hover({ uri: pathToUri(seedPath(3)), getText: () => text }, position);
    assert.ok(hover);
    assert.equal(hover.range!.end.character - hover.range!.start.character, '共同経済活動'.length);
    const value = hover.contents.value;
    assert.match(value, /^\*\*共同経済活動\*\*/);
    const items = value.split('\n- ').slice(1);
    assert.ok(items.length >= 3, value);
    const dates = items.map((item) => /^(\d{4}-\d{2}(?:-\d{2})?)/.exec(item)?.[1] ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    for (const item of items) assert.match(item.split('\n')[1] ?? '', /共同経済活動/, `no sentence in: ${item}`);
    assert.ok(items.some((item) => item.includes(MOSCOW_SUMMIT)));
  });

  it('gives shared topics as a reason of related meetings, but admits no meeting on one shared topic alone', async () => {
    const index = await built;
    const related = relatedMeetings(index, await fileAt(seedPath(3)));
    const moscow = related.find((r) => basename(r.meeting.file.uri) === MOSCOW_SUMMIT);
    const topics = moscow?.reasons.find((r) => r.kind === 'topics')?.values ?? [];
    assert.ok(topics.includes('共同経済活動') && topics.includes('平和条約'), JSON.stringify(moscow?.reasons));
    const reasons = createCorpusFeatures(index).related(pathToUri(seedPath(3))).find((item) => basename(item.uri) === MOSCOW_SUMMIT)!.reasons;
    assert.ok(reasons.some((reason) => /^shared topics: .*共同経済活動/.test(reason)), JSON.stringify(reasons));

    // 2000's Japan–Russia talks and 2002's Pyongyang summit share no one and no country, only 国交正常化交渉.
    const kono2000 = await fileAt(join(CORPUS, '2000-09-04-kono-yohei-ivanov-foreign-ministers.readout.txt'));
    const pyongyang = await fileAt(join(CORPUS, '2002-09-17-koizumi-kim-jong-il-pyongyang-summit.readout.txt'));
    assert.ok(index.topics!.topicsOf(kono2000.main!).some(({ term }) => term === '国交正常化交渉'));
    assert.ok(index.topics!.topicsOf(pyongyang.main!).some(({ term }) => term === '国交正常化交渉'));
    const ofKono2000 = relatedMeetings(index, kono2000);
    assert.ok(ofKono2000.length > 0);
    assert.equal(ofKono2000.find((r) => r.meeting.file === pyongyang), undefined, JSON.stringify(ofKono2000.map((r) => r.meeting.file.uri)));
  });

  it('keeps topics in the index cache: a warm restart tokenizes nothing and finds the same topics', async () => {
    const index = await built;
    index.dispose();
    const idle = new Tokenizer();
    const warm = new CorpusIndex(new DiskWorkspace([CORPUS]), { tokenizer: idle, storagePath });
    await warm.build();
    await warm.topics!.settled();
    assert.equal(idle.stats.workerCalls, 0);
    assert.equal(idle.stats.workerStarts, 0);
    assert.deepEqual(terms(warm, seedPath(3)), terms(index, seedPath(3)));
    warm.dispose();
  });
});

describe('topics of a corpus about one thing', () => {
  // Twelve talks that all discuss 漁業資源管理, and two of them also 海洋プラスチックごみ.
  const talk = (day: number, extra: string) =>
    `日豪外相会談\n\n令和6年3月${day}日、上川外務大臣は、ペニー・ウォン豪州外務大臣と会談を行いました。\n` +
    `1 両外相は、漁業資源管理について意見交換を行い、漁業資源管理の協力を確認しました。${extra}\n`;
  const files: [string, string][] = Array.from({ length: 12 }, (_, i) => [
    `file:///mem/${i + 1}.readout.txt`,
    talk(i + 1, i < 2 ? '両外相は、海洋プラスチックごみ対策についても議論しました。' : ''),
  ]);

  it('gives no weight to a term that most meetings share, and keeps the one a few share', async () => {
    const index = new CorpusIndex(new MemoryWorkspace(files), { tokenizer });
    await index.build();
    await index.topics!.settled();
    const first = index.file(files[0][0])!.main!;
    const topics = index.topics!.topicsOf(first).map((t) => t.term);
    assert.ok(topics.some((term) => term.startsWith('海洋プラスチック')), JSON.stringify(topics));
    assert.ok(!topics.some((term) => term.includes('漁業資源')), JSON.stringify(topics));
    index.dispose();
  });
});

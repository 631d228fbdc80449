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
import { DiskWorkspace, pathToUri } from '../../server/src/corpus/workspace';
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

  it('gives shared topics as a reason of related meetings, and admits a meeting on a shared topic alone', async () => {
    const index = await built;
    const related = relatedMeetings(index, await fileAt(seedPath(3)));
    const moscow = related.find((r) => basename(r.meeting.file.uri) === MOSCOW_SUMMIT);
    const topics = moscow?.reasons.find((r) => r.kind === 'topics')?.values ?? [];
    assert.ok(topics.includes('共同経済活動') && topics.includes('平和条約'), JSON.stringify(moscow?.reasons));
    const reasons = createCorpusFeatures(index).related(pathToUri(seedPath(3))).find((item) => basename(item.uri) === MOSCOW_SUMMIT)!.reasons;
    assert.ok(reasons.some((reason) => /^shared topics: .*共同経済活動/.test(reason)), JSON.stringify(reasons));

    // 2000's Japan–Russia talks and 2002's Pyongyang summit share no one and no country, but 国交正常化交渉.
    const kono2000 = await fileAt(join(CORPUS, '2000-09-04-kono-yohei-ivanov-foreign-ministers.readout.txt'));
    const pyongyang = relatedMeetings(index, kono2000).find((r) => basename(r.meeting.file.uri).startsWith('2002-09-17'));
    assert.deepEqual(pyongyang?.reasons.map((r) => r.kind), ['topics', 'time']);
    assert.deepEqual(pyongyang?.reasons[0].values, ['国交正常化交渉']);
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

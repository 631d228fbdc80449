// The Meetings view's list: every meeting with its people and, where another document tells the
// same event, the event's id; listed from the index cache at once while a warm start checks the files.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import type { FileStat } from '../../server/src/corpus/workspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { CORPUS } from './helpers';

/** A workspace whose file times come only once `open()` is called: a warm start held mid-way. */
class HeldWorkspace extends DiskWorkspace {
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  open(): void {
    this.release();
  }
  override async stat(uri: string): Promise<FileStat | undefined> {
    await this.gate;
    return super.stat(uri);
  }
}

describe('the meeting list', () => {
  it('gives each meeting its people, and the documents of one event one event id', async () => {
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
    await index.build();
    const list = createCorpusFeatures(index).meetings();
    const of = (file: string) => list.filter((item) => basename(item.uri) === file);
    const [twoPlusTwo] = of('2022-01-07-japan-us-2plus2-video-conference.readout.txt');
    const [press] = of('2022-01-07-hayashi-press-conference.readout.txt');
    assert.deepEqual(twoPlusTwo.people, ['林芳正', '岸信夫', 'アントニー・ブリンケン', 'ロイド・オースティン']);
    assert.ok(twoPlusTwo.event && twoPlusTwo.event === press.event);
    const events = new Map<string, string[]>();
    for (const item of list) if (item.event) events.set(item.event, [...(events.get(item.event) ?? []), basename(item.uri)]);
    // Each event holds two documents or more, never one file alone.
    for (const files of events.values()) assert.ok(new Set(files).size >= 2, JSON.stringify(files));
    assert.equal(list.filter((item) => item.event === null).length, list.length - [...events.values()].flat().length);
  });

  it('gives each meeting the readouts that cite it, newest first, each with its phrase and sentence', async () => {
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
    await index.build();
    const list = createCorpusFeatures(index).meetings();
    const [talks] = list.filter((item) => basename(item.uri) === '2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt');
    const citing = talks.citedBy ?? [];
    assert.equal(citing.length, index.referencesTo(index.file(talks.uri)!).length);
    assert.deepEqual(citing.map((c) => c.date), [...citing.map((c) => c.date)].sort().reverse());
    const seed3 = citing.find((c) => basename(c.uri).startsWith('seed-003-'));
    assert.ok(seed3);
    assert.equal(seed3.title, '日露外務・防衛閣僚会合共同記者発表概要');
    assert.match(seed3.sentence, /^これは、3月の日露外相会談の際に署名された/);
  });

  it('lists the cached meetings while a warm start still checks the files', async () => {
    const storagePath = mkdtempSync(join(tmpdir(), 'kaidan-list-'));
    const cold = new CorpusIndex(new DiskWorkspace([CORPUS]), { storagePath });
    await cold.build();
    const expected = cold.meetings().length;
    cold.dispose();

    const workspace = new HeldWorkspace([CORPUS]);
    const warm = new CorpusIndex(workspace, { storagePath });
    const states: number[] = [];
    warm.onState((state) => state.state === 'indexing' && states.push(state.meetings));
    const building = warm.build();
    while (states.length === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(createCorpusFeatures(warm).meetings().length, expected);
    assert.equal(states[0], expected);
    workspace.open();
    await building;
    assert.equal(warm.meetings().length, expected);
    warm.dispose();
  });
});

// The corpus index under faults and in an untrusted workspace: files that vanish while it
// is built, files that are not text, folders without readouts, a people.json it must not read, and
// a file too large for kuromoji. Nothing throws; each skipped file is named once.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { TOPICS_MAX_CHARS } from '../../server/src/corpus/topics';
import { FileStat, MemoryWorkspace, pathToUri } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { readTextFile } from '../../server/src/io/readText';
import type { Tokenizer } from '../../server/src/nlp/tokenizer';
import { ROOT, seedPath } from './helpers';

const SEED_1 = readTextFile(seedPath(1));
const SEED_3 = readTextFile(seedPath(3));

/** Files that vanish mid-build: one deleted right after it was listed, one renamed between its stat and its read. */
class VanishingWorkspace extends MemoryWorkspace {
  constructor(
    files: [string, string][],
    private readonly deletedAfterListing: string,
    private readonly renamedBeforeRead: string,
  ) {
    super(files);
  }

  override async listFiles(): Promise<string[]> {
    const listed = await super.listFiles();
    this.delete(this.deletedAfterListing);
    return listed;
  }

  override async stat(uri: string): Promise<FileStat | undefined> {
    const stat = await super.stat(uri);
    if (uri === this.renamedBeforeRead) this.delete(uri);
    return stat;
  }
}

async function builtIndex(index: CorpusIndex): Promise<CorpusIndex> {
  await index.build();
  return index;
}

describe('the corpus index when files vanish or are not text', () => {
  it('completes when a file is deleted after listing or renamed before its read, and names each once', async () => {
    const [kept, deleted, renamed] = ['file:///mem/kept.readout.txt', 'file:///mem/deleted.readout.txt', 'file:///mem/renamed.readout.txt'];
    const problems: string[] = [];
    const workspace = new VanishingWorkspace([[kept, SEED_1], [deleted, SEED_3], [renamed, SEED_3]], deleted, renamed);
    const index = await builtIndex(new CorpusIndex(workspace, { onProblem: (message) => problems.push(message) }));
    assert.deepEqual(index.allFiles().map((file) => file.uri), [kept]);
    assert.equal(index.state.state, 'ready');
    assert.equal(index.state.meetings, index.meetings().length);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.equal(problems.filter((problem) => problem.includes(deleted)).length, 1, problems.join('\n'));
    assert.equal(problems.filter((problem) => problem.includes(renamed)).length, 1, problems.join('\n'));
  });

  it('skips a binary readout with one problem line naming it, and indexes a Shift_JIS one like its UTF-8 original', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kaidan-faults-'));
    const binary = join(folder, 'broken.readout.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]));
    const shiftJis = join(folder, 'seed-001.shift_jis.txt');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'encodings', 'seed-001.shift_jis.txt'), shiftJis);
    const problems: string[] = [];
    const index = await builtIndex(new CorpusIndex(new DiskWorkspace([folder]), { onProblem: (message) => problems.push(message) }));
    assert.deepEqual(index.allFiles().map((file) => file.uri), [pathToUri(shiftJis)]);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.ok(problems[0].includes(pathToUri(binary)), problems[0]);

    const original = await builtIndex(new CorpusIndex(new MemoryWorkspace([['file:///mem/seed-001.readout.txt', SEED_1]])));
    assert.equal(index.file(pathToUri(shiftJis))!.summary.hash, original.file('file:///mem/seed-001.readout.txt')!.summary.hash);
  });
});

describe('a workspace with no readouts', () => {
  const folderWith = (files: Record<string, string>) => {
    const folder = mkdtempSync(join(tmpdir(), 'kaidan-empty-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
  };
  const cases = {
    'an empty folder': folderWith({}),
    'a folder of .txt files that are not readouts': folderWith({
      'notes.txt': '買い物: 牛乳、卵\n',
      'todo.txt': '1 資料を読む\n2 返事を書く\n',
      'binary.txt': '\u0000\u0001\u0002PNG',
    }),
  };
  for (const [name, folder] of Object.entries(cases)) {
    it(`is ready with 0 meetings on ${name}, and the corpus features answer empty`, async () => {
      const problems: string[] = [];
      const index = await builtIndex(new CorpusIndex(new DiskWorkspace([folder]), { onProblem: (message) => problems.push(message) }));
      assert.deepEqual(index.state, { state: 'ready', done: 0, total: 0, meetings: 0 });
      assert.deepEqual(problems, []);
      const features = createCorpusFeatures(index);
      // A readout opened from elsewhere: the corpus has nothing to relate it to.
      const document = { uri: 'file:///elsewhere/seed-003.readout.txt', getText: () => SEED_3 };
      assert.deepEqual(features.workspaceSymbols(''), []);
      assert.deepEqual(features.workspaceSymbols('会談'), []);
      assert.deepEqual(features.meetings(), []);
      assert.deepEqual(features.related(document), []);
      assert.equal(features.adjacent(document, 'previous'), null);
      assert.deepEqual(features.codeLenses(document).map((lens) => lens.command.title), ['0 related meetings']);
      assert.deepEqual(features.definition(document, { line: 0, character: 0 }), []);
      const lines = SEED_3.split('\n');
      for (let line = 0; line < Math.min(lines.length, 40); line++) {
        for (let character = 0; character < lines[line].length; character += 3) {
          const hover = features.hover(document, { line, character });
          assert.ok(!hover || !/Meetings in the corpus \([1-9]|Also named in|\]\(file:/.test(hover.contents.value), `a hover lists corpus files at ${line}:${character}`);
          features.references(document, { line, character });
        }
      }
    });
  }
});

describe('.kaidan/people.json and workspace trust', () => {
  const text = '日本・ルリタニア外相会談\n\n令和6年5月1日、上川外務大臣は、ルドルフ・ラッセンディル・ロシア外務大臣と会談を行いました。概要は以下のとおりです。\n1 ラッセンディル外務大臣より,協力を述べました。\n';
  const override = JSON.stringify({
    version: 1,
    people: [{ id: 'rassendyll-rudolf', family: 'ラッセンディル', names: ['ルドルフ・ラッセンディル'], variants: [], latin: 'Rudolf Rassendyll', country: 'RU', offices: [{ title: '外務大臣', from: '2024-01-01', to: null }] }],
  });
  const indexWith = (trusted: boolean) => {
    let reads = 0;
    const index = new CorpusIndex(new MemoryWorkspace([['file:///mem/r.readout.txt', text]]), {
      trusted,
      readPeopleOverride: async () => (reads++, override),
    });
    return { index, reads: () => reads };
  };

  it('does not read the override in an untrusted workspace', async () => {
    const { index, reads } = indexWith(false);
    await index.build();
    assert.equal(reads(), 0);
    assert.deepEqual(index.meetingsWith('rassendyll-rudolf'), []);
  });

  it('applies the override in a trusted workspace', async () => {
    const { index, reads } = indexWith(true);
    await index.build();
    assert.equal(reads(), 1);
    assert.deepEqual(index.meetingsWith('rassendyll-rudolf').map((m) => m.file.uri), ['file:///mem/r.readout.txt']);
  });

  it('is not read by a DiskWorkspace-backed index when untrusted, even after a change event for it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kaidan-trust-'));
    mkdirSync(join(folder, '.kaidan'));
    writeFileSync(join(folder, '.kaidan', 'people.json'), override);
    writeFileSync(join(folder, 'r.readout.txt'), text);
    const workspace = new DiskWorkspace([folder]);
    const index = await builtIndex(new CorpusIndex(workspace, { trusted: false, readPeopleOverride: () => workspace.readPeopleOverride() }));
    assert.deepEqual(index.meetingsWith('rassendyll-rudolf'), []);
    const changed = new Promise<void>((resolve) => index.onDidChange(resolve));
    workspace.fire([{ type: 'changed', uri: pathToUri(join(folder, '.kaidan', 'people.json')) }]);
    await changed;
    assert.deepEqual(index.meetingsWith('rassendyll-rudolf'), []);
  });
});

describe('topics of a file too large for kuromoji', () => {
  it(`gives a file over ${TOPICS_MAX_CHARS} characters no topics without tokenizing it, and says so once`, async () => {
    const tokenized: number[] = [];
    const tokenizer = { tokenize: async (text: string) => (tokenized.push(text.length), []) } as unknown as Tokenizer;
    const large = `${SEED_3}\n`.repeat(Math.ceil(TOPICS_MAX_CHARS / SEED_3.length) + 1);
    const [small, huge] = ['file:///mem/small.readout.txt', 'file:///mem/huge.readout.txt'];
    const problems: string[] = [];
    const workspace = new MemoryWorkspace([[small, SEED_1], [huge, large]]);
    const index = await builtIndex(new CorpusIndex(workspace, { tokenizer, onProblem: (message) => problems.push(message) }));
    await index.topics!.settled();
    assert.deepEqual(tokenized, [SEED_1.length]);
    assert.deepEqual(index.storedTopics(huge)?.meetings, []);
    assert.ok(index.file(huge)!.meetings.length > 0, 'the large file is still indexed');
    // Another pass (after an edit of the small file) neither tokenizes nor reports the large one again.
    workspace.write(small, `${SEED_1}\n`);
    await new Promise<void>((resolve) => index.onDidChange(resolve));
    await index.topics!.settled();
    assert.equal(tokenized.length, 2);
    assert.ok(tokenized.every((length) => length < TOPICS_MAX_CHARS));
    assert.equal(problems.filter((problem) => problem.includes(huge)).length, 1, problems.join('\n'));
  });
});

// Bad workspace inputs: a `.kaidan/people.json` or an index cache with values of the wrong type,
// FIFOs and symlinks to /dev/zero where files belong, a build that throws, and a checkout's
// thousands of 'created' events at once. The index completes, names each bad input once, and the
// server keeps answering. The cases that used to hang the process run in a child process with a
// deadline and a memory limit, so that a hang or a runaway read fails the test instead of the machine.

import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { CACHE_FILE, CorpusIndex } from '../../server/src/corpus/index';
import { MemoryWorkspace, pathToUri, uriToPath } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { readTextFile } from '../../server/src/io/readText';
import { defaultParser } from '../../server/src/parse/parser';
import { askEverything, within } from './inputHelpers';
import { seedPath } from './helpers';
import type { PeopleIndex } from '../../server/src/knowledge/people';

const RURITANIA = '日本・ルリタニア外相会談\n\n令和6年5月1日、上川外務大臣は、ルドルフ・ラッセンディル・ロシア外務大臣と会談を行いました。概要は以下のとおりです。\n1 ラッセンディル外務大臣より,協力を述べました。\n';
const RASSENDYLL = { id: 'rassendyll-rudolf', family: 'ラッセンディル', names: ['ルドルフ・ラッセンディル'], variants: [], latin: 'Rudolf Rassendyll', country: 'RU', offices: [{ title: '外務大臣', from: '2024-01-01', to: null }] };
const peopleFile = (people: unknown[]) => JSON.stringify({ version: 1, people });
/** People whose names or variants hold a number or null, after one good entry. */
const BAD_PEOPLE = peopleFile([
  RASSENDYLL,
  { ...RASSENDYLL, id: 'a', names: ['ルパート', 3] },
  { ...RASSENDYLL, id: 'b', names: [null] },
  { ...RASSENDYLL, id: 'c', variants: [7] },
  { ...RASSENDYLL, id: 'd', variants: [null] },
]);
const BAD_PEOPLE_PROBLEMS = [
  '.kaidan/people.json: entry 1 left out (names.1: Invalid input: expected string, received number)',
  '.kaidan/people.json: entry 2 left out (names.0: Invalid input: expected string, received null)',
  '.kaidan/people.json: entry 3 left out (variants.0: Invalid input: expected string, received number)',
  '.kaidan/people.json: entry 4 left out (variants.0: Invalid input: expected string, received null)',
];

function temporaryFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kaidan-${prefix}-`));
}

function documentsIn(folder: string): { uri: string; text: string }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt') && statSync(join(folder, name)).isFile())
    .map((name) => ({ uri: pathToUri(join(folder, name)), text: readTextFile(join(folder, name)) }));
}

// --- Scenarios run in a child process -----------------------------------------------------------

interface Scenario {
  readonly folder: string;
  readonly storagePath: string | null;
  /** A readout replaced after the build, then announced by a 'changed' event. */
  readonly replace?: { readonly name: string; readonly by: 'fifo' | 'zero' };
}

interface ScenarioResult {
  readonly state: string;
  readonly files: string[];
  readonly problems: string[];
  readonly hovers: number;
}

function makeFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const problems: string[] = [];
  const workspace = new DiskWorkspace([scenario.folder]);
  const index = new CorpusIndex(workspace, { storagePath: scenario.storagePath, readPeopleOverride: () => workspace.readPeopleOverride(), onProblem: (m) => problems.push(m) });
  await index.build();
  if (scenario.replace) {
    const path = join(scenario.folder, scenario.replace.name);
    unlinkSync(path);
    if (scenario.replace.by === 'fifo') makeFifo(path);
    else symlinkSync('/dev/zero', path);
    const changed = new Promise((resolve) => index.onDidChange(() => resolve(undefined)));
    workspace.fire([{ type: 'changed', uri: pathToUri(path) }]);
    await changed;
  }
  const files = index.allFiles().map((file) => basename(uriToPath(file.uri)));
  return { state: index.state.state, files, problems, hovers: askEverything(index, documentsIn(scenario.folder)) };
}

/** Runs a scenario in a child process (3 GB of address space, killed after 30 s) and returns its result. */
function inChild(scenario: Scenario): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    const command = `ulimit -v 3000000; exec "${process.execPath}" "${__filename}"`;
    const child = spawn('/bin/sh', ['-c', command], { env: { ...process.env, KAIDAN_INPUT_SCENARIO: JSON.stringify(scenario) } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(stdout) as ScenarioResult);
      else reject(new assert.AssertionError({ message: `the index process ended with ${signal ?? `code ${code}`} (a hang is killed after 30 s): ${stderr.slice(-400)}` }));
    });
  });
}

/** A folder with two seeds (and whatever `extra` adds), and an empty storage folder. */
function diskCorpus(prefix: string): { folder: string; storagePath: string } {
  const folder = temporaryFolder(prefix);
  for (const seed of [1, 3]) copyFileSync(seedPath(seed), join(folder, basename(seedPath(seed))));
  return { folder, storagePath: temporaryFolder(`${prefix}-storage`) };
}

const SEED_FILES = [basename(seedPath(1)), basename(seedPath(3))].sort();

function tests(): void {
  describe('.kaidan/people.json with values of the wrong type', () => {
    it('completes the index when names or variants hold a number or null, names each bad entry once, and uses the good one', async () => {
      const problems: string[] = [];
      const index = new CorpusIndex(new MemoryWorkspace([['file:///mem/r.readout.txt', RURITANIA]]), { readPeopleOverride: async () => BAD_PEOPLE, onProblem: (m) => problems.push(m) });
      await within(index.build(), 10_000, 'the build');
      assert.deepEqual(problems, BAD_PEOPLE_PROBLEMS);
      assert.deepEqual(index.meetingsWith('rassendyll-rudolf').map((m) => m.file.uri), ['file:///mem/r.readout.txt']);
      assert.equal(index.peopleIndex.people.filter((person) => ['a', 'b', 'c', 'd'].includes(person.id)).length, 0);
      assert.ok(askEverything(index, [{ uri: 'file:///mem/r.readout.txt', text: RURITANIA }]) > 0);
    });

    it('keeps serving when the file changes to such entries while running', async () => {
      const folder = temporaryFolder('people');
      mkdirSync(join(folder, '.kaidan'));
      const peoplePath = join(folder, '.kaidan', 'people.json');
      writeFileSync(peoplePath, peopleFile([RASSENDYLL]));
      writeFileSync(join(folder, 'r.readout.txt'), RURITANIA);
      const workspace = new DiskWorkspace([folder]);
      const problems: string[] = [];
      const index = new CorpusIndex(workspace, { readPeopleOverride: () => workspace.readPeopleOverride(), onProblem: (m) => problems.push(m) });
      await index.build();
      writeFileSync(peoplePath, BAD_PEOPLE);
      const changed = new Promise((resolve) => index.onDidChange(() => resolve(undefined)));
      workspace.fire([{ type: 'changed', uri: pathToUri(peoplePath) }]);
      await within(changed, 10_000, 'the change');
      assert.deepEqual(problems, BAD_PEOPLE_PROBLEMS);
      assert.equal(index.meetingsWith('rassendyll-rudolf').length, 1);
      assert.ok(askEverything(index, documentsIn(folder)) > 0);
    });
  });

  describe('an index cache whose entries match the files but hold wrong types', () => {
    type Entry = { summary: { meetings: { participants: unknown }[]; names: unknown[]; references: unknown[] } & Record<string, unknown> };
    const cases: Record<string, (entry: Entry) => void> = {
      'meetings is a string': (entry) => void (entry.summary.meetings = 'x' as never),
      'names hold null and numbers': (entry) => void (entry.summary.names = [null, 3]),
      'participants are null': (entry) => void (entry.summary.meetings[0].participants = null),
      'references hold an empty object': (entry) => void (entry.summary.references = [{}]),
    };
    const issues: Record<string, string> = {
      'meetings is a string': 'summary.meetings: Invalid input: expected array, received string',
      'names hold null and numbers': 'summary.names.0: Invalid input',
      'participants are null': 'summary.meetings.0.participants: Invalid input: expected array, received null',
      'references hold an empty object': 'summary.references.0.range: Invalid input: expected object, received undefined',
    };
    for (const [name, mutate] of Object.entries(cases)) {
      it(`skips the entry when ${name}, names it once, reads that file again and rewrites the cache without it`, async () => {
        const { folder, storagePath } = diskCorpus('cache');
        await new CorpusIndex(new DiskWorkspace([folder]), { storagePath }).build();
        const cachePath = join(storagePath, CACHE_FILE);
        const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { files: Record<string, Entry> };
        const damaged = join(folder, SEED_FILES[0]);
        mutate(cache.files[damaged]);
        writeFileSync(cachePath, JSON.stringify(cache));

        const problems: string[] = [];
        const counter = { parses: 0, parse: (text: string, people: PeopleIndex) => (counter.parses++, defaultParser.parse(text, people)) };
        const index = new CorpusIndex(new DiskWorkspace([folder]), { storagePath, parser: counter, onProblem: (m) => problems.push(m) });
        await within(index.build(), 10_000, 'the build');
        assert.deepEqual(problems, [`index cache: the entry for ${damaged} is malformed (${issues[name]}); that file is read again`]);
        assert.equal(counter.parses, 1);
        assert.deepEqual(index.allFiles().map((file) => basename(uriToPath(file.uri))).sort(), SEED_FILES);
        assert.ok(askEverything(index, documentsIn(folder)) > 0);

        // Rewritten: the next start reads everything from the cache, without a word.
        const again = { parses: 0, parse: (text: string, people: PeopleIndex) => (again.parses++, defaultParser.parse(text, people)) };
        const next: string[] = [];
        await new CorpusIndex(new DiskWorkspace([folder]), { storagePath, parser: again, onProblem: (m) => next.push(m) }).build();
        assert.deepEqual([again.parses, next], [0, []]);
      });
    }
  });

  describe('FIFOs, devices and symlinks out of the folder where workspace files belong', () => {
    it('completes the index when .kaidan/people.json is a FIFO, and names it once', async () => {
      const { folder, storagePath } = diskCorpus('fifo-people');
      mkdirSync(join(folder, '.kaidan'));
      makeFifo(join(folder, '.kaidan', 'people.json'));
      const result = await inChild({ folder, storagePath });
      assert.deepEqual([result.state, result.files], ['ready', SEED_FILES]);
      assert.deepEqual(result.problems, [`${join(folder, '.kaidan', 'people.json')} is a named pipe (FIFO), not a regular file; not read`]);
      assert.ok(result.hovers > 0);
    });

    it('completes the index when .kaidan/people.json is a symlink to /dev/zero, and names it once', async () => {
      const { folder, storagePath } = diskCorpus('zero-people');
      mkdirSync(join(folder, '.kaidan'));
      symlinkSync('/dev/zero', join(folder, '.kaidan', 'people.json'));
      const result = await inChild({ folder, storagePath });
      assert.deepEqual([result.state, result.files], ['ready', SEED_FILES]);
      assert.deepEqual(result.problems, [`${join(folder, '.kaidan', 'people.json')} leads out of its folder (to /dev/zero); not read`]);
    });

    for (const by of ['fifo', 'zero'] as const) {
      it(`completes the index when the cache file is ${by === 'fifo' ? 'a FIFO' : 'a symlink to /dev/zero'}, names it once and writes a cache in its place`, async () => {
        const { folder, storagePath } = diskCorpus(`${by}-cache`);
        const cachePath = join(storagePath, CACHE_FILE);
        if (by === 'fifo') makeFifo(cachePath);
        else symlinkSync('/dev/zero', cachePath);
        const result = await inChild({ folder, storagePath });
        assert.deepEqual([result.state, result.files], ['ready', SEED_FILES]);
        const reason = by === 'fifo' ? 'is a named pipe (FIFO), not a regular file' : 'leads out of its folder (to /dev/zero)';
        assert.deepEqual(result.problems, [`index cache not read: ${cachePath} ${reason}; not read`]);
        assert.ok(statSync(cachePath).isFile() && JSON.parse(readFileSync(cachePath, 'utf8')).files);
      });

      it(`drops an indexed readout replaced by ${by === 'fifo' ? 'a FIFO' : 'a symlink to /dev/zero'} on its 'changed' event, names it once, and keeps serving`, async () => {
        const { folder, storagePath } = diskCorpus(`${by}-readout`);
        const replaced = SEED_FILES[0];
        const result = await inChild({ folder, storagePath, replace: { name: replaced, by } });
        assert.deepEqual([result.state, result.files], ['ready', [SEED_FILES[1]]]);
        const path = join(folder, replaced);
        const reason = by === 'fifo' ? `${path} is a named pipe (FIFO), not a regular file; not read` : `${path} leads out of its folder (to /dev/zero); not read`;
        assert.deepEqual(result.problems, [`${pathToUri(path)}: ${reason}`]);
        assert.ok(result.hovers > 0);
      });
    }

    it('refuses a readout over the size limit with one line naming it, and indexes the rest', async () => {
      const { folder } = diskCorpus('large');
      const large = join(folder, 'large.readout.txt');
      writeFileSync(large, '');
      truncateSync(large, 33 * 1024 * 1024);
      const problems: string[] = [];
      const index = new CorpusIndex(new DiskWorkspace([folder]), { onProblem: (m) => problems.push(m) });
      await index.build();
      assert.deepEqual(index.allFiles().map((file) => basename(uriToPath(file.uri))).sort(), SEED_FILES);
      assert.deepEqual(problems, [`${pathToUri(large)}: ${large} is too large (34603008 bytes, over the limit of 33554432); not read`]);
    });
  });

  describe('a build or an update that throws', () => {
    it('logs a failed build as one line; requests answer and later file events are still applied', async () => {
      class FailingOnce extends MemoryWorkspace {
        failed = false;
        override async listFiles(): Promise<string[]> {
          if (!this.failed) {
            this.failed = true;
            throw new Error('EIO: the disk went away');
          }
          return super.listFiles();
        }
      }
      const workspace = new FailingOnce();
      const problems: string[] = [];
      const index = new CorpusIndex(workspace, { onProblem: (m) => problems.push(m) });
      await within(index.build(), 10_000, 'the build');
      assert.deepEqual(problems, ['indexing stopped: EIO: the disk went away; the index holds what was read before']);
      assert.equal(index.state.state, 'ready');
      assert.deepEqual(createCorpusFeatures(index).workspaceSymbols(''), []);
      const changed = new Promise((resolve) => index.onDidChange(() => resolve(undefined)));
      workspace.write('file:///mem/r.readout.txt', RURITANIA);
      await within(changed, 10_000, 'the created event');
      assert.deepEqual(index.allFiles().map((file) => file.uri), ['file:///mem/r.readout.txt']);
    });

    it('names a file whose summary throws once, keeps it out, and applies the rest of the batch', async () => {
      const parser = { parse: (text: string, people: PeopleIndex) => (text.includes('壊れた') ? (() => { throw new RangeError('the parser gave up'); })() : defaultParser.parse(text, people)) };
      const workspace = new MemoryWorkspace([['file:///mem/r.readout.txt', RURITANIA]]);
      const problems: string[] = [];
      const index = new CorpusIndex(workspace, { parser, onProblem: (m) => problems.push(m) });
      await index.build();
      const changed = new Promise((resolve) => index.onDidChange(() => resolve(undefined)));
      workspace.write('file:///mem/r.readout.txt', `${RURITANIA}壊れた\n`);
      await within(changed, 10_000, 'the change');
      assert.deepEqual(problems, ['file:///mem/r.readout.txt: not indexed (the parser gave up)']);
      assert.deepEqual(index.allFiles(), []);
    });
  });

  describe("a checkout's 2,000 'created' events in one notification", () => {
    it('leaves the server answering a workspace symbols request within a second, and indexes the new readouts', { timeout: 300_000 }, async () => {
      const folder = temporaryFolder('checkout');
      const workspace = new DiskWorkspace([folder]);
      const index = new CorpusIndex(workspace);
      await index.build();
      // 1,800 plain .txt notes (sniffed, not readouts) and 200 long readouts, as a checkout brings them.
      const note = `議事メモ。会談の準備について。\n${'資料を確認する。'.repeat(2500)}\n`;
      const seed = readTextFile(seedPath(1)).repeat(10);
      const created: string[] = [];
      for (let i = 0; i < 2000; i++) {
        const path = join(folder, i < 1800 ? `note-${i}.txt` : `r-${i}.readout.txt`);
        writeFileSync(path, i < 1800 ? note : `${seed}\n${i}\n`);
        created.push(pathToUri(path));
      }
      const started = performance.now();
      let longestStall = 0;
      let last = started;
      const ticker = setInterval(() => {
        const now = performance.now();
        longestStall = Math.max(longestStall, now - last);
        last = now;
      }, 5);
      const answered = new Promise<{ ms: number; symbols: number }>((resolve) =>
        setImmediate(() => resolve({ ms: performance.now() - started, symbols: createCorpusFeatures(index).workspaceSymbols('').length })),
      );
      const applied = new Promise((resolve) => index.onDidChange(() => resolve(undefined)));
      workspace.fire(created.map((uri) => ({ type: 'created' as const, uri })));
      const first = await answered;
      await applied;
      clearInterval(ticker);
      const total = performance.now() - started;
      console.log(`2,000 created events: workspace symbols answered after ${first.ms.toFixed(0)} ms; longest stall ${longestStall.toFixed(0)} ms; all applied after ${total.toFixed(0)} ms`);
      assert.equal(first.symbols, 0, 'answered before the batch was applied');
      assert.ok(first.ms < 1000, `workspace symbols answered after ${first.ms.toFixed(0)} ms`);
      assert.ok(longestStall < 1000, `the event loop stalled for ${longestStall.toFixed(0)} ms`);
      assert.equal(index.allFiles().length, 200);
    });
  });
}

const scenario = process.env.KAIDAN_INPUT_SCENARIO;
if (scenario) {
  runScenario(JSON.parse(scenario) as Scenario).then(
    (result) => process.stdout.write(JSON.stringify(result), () => process.exit(0)),
    (error) => process.stderr.write(String((error as Error)?.stack ?? error), () => process.exit(1)),
  );
} else tests();

// The kuromoji worker (server/src/nlp): it really tokenizes, with the dictionary from the resolved
// path; a text it has seen is answered from the cache; it ends when idle. Its faults: a worker that
// does not answer (a stand-in that never does), a dictionary that does not exist, a server that
// exits while the worker is busy.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { pathToUri } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { readTextFile } from '../../server/src/io/readText';
import { nounPhrases } from '../../server/src/nlp/nounPhrases';
import { DICTIONARY_ENV, Tokenizer, TokenizerTimeoutError, TokenizerUnavailableError, resolveDictionary } from '../../server/src/nlp/tokenizer';
import { seedPath } from './helpers';

const IDLE_MS = 400;
const tokenizer = new Tokenizer({ idleMs: IDLE_MS });
after(() => tokenizer.dispose());

describe('the kuromoji tokenizer worker', () => {
  it('resolves the dictionary of the installed package when compiled by tsc, unless the environment names one', () => {
    assert.equal(resolveDictionary({}), join(__dirname, '..', '..', '..', 'node_modules', 'kuromoji', 'dict'));
    assert.equal(resolveDictionary({ [DICTIONARY_ENV]: '/elsewhere/dict' }), '/elsewhere/dict');
    assert.equal(tokenizer.dictionary, resolveDictionary());
  });

  it('starts only on the first request and tokenizes there, with offsets into the text', async () => {
    assert.equal(tokenizer.running, false);
    assert.equal(tokenizer.stats.workerStarts, 0);
    const text = '1 両外相は,経済安全保障について協力していくことで一致しました。\n総理大臣官邸にて。';
    const tokens = await tokenizer.tokenize(text);
    assert.equal(tokenizer.stats.workerStarts, 1);
    assert.deepEqual(tokenizer.stats.loaded?.dictionary, resolveDictionary());
    assert.ok(tokenizer.stats.loaded!.ms > 0);
    for (const token of tokens) assert.equal(text.slice(token.start, token.start + token.surface.length), token.surface);
    assert.deepEqual(tokens.map((t) => t.surface).join(''), text);
    assert.ok(tokens.some((t) => t.surface === '保障' && t.pos === '名詞' && t.detail1 === 'サ変接続'));

    const phrases = nounPhrases(tokens);
    const joined = (parts: readonly string[]) => parts.join('');
    assert.ok(phrases.some((p) => joined(p.parts) === '経済安全保障' && !p.verbal), JSON.stringify(phrases));
    // 協力していく and 一致しました use the nouns as verbs.
    assert.ok(phrases.filter((p) => p.verbal).map((p) => joined(p.parts)).includes('協力'));
    // kuromoji splits 総理大臣; the phrase puts it back together.
    assert.ok(phrases.some((p) => joined(p.parts) === '総理大臣官邸'));
  });

  it('answers a text it has seen from the cache, and one request for a text asked twice at once', async () => {
    const text = '平和条約締結問題について議論した。';
    const first = await tokenizer.tokenize(text);
    const calls = tokenizer.stats.workerCalls;
    const hits = tokenizer.stats.cacheHits;
    assert.equal(await tokenizer.tokenize(text), first);
    assert.equal(tokenizer.stats.workerCalls, calls);
    assert.equal(tokenizer.stats.cacheHits, hits + 1);

    const [a, b] = await Promise.all([tokenizer.tokenize('共同経済活動。'), tokenizer.tokenize('共同経済活動。')]);
    assert.equal(a, b);
    assert.equal(tokenizer.stats.workerCalls, calls + 1);
  });

  it('ends the worker once it has been idle for the configured time', async () => {
    await tokenizer.tokenize('拉致問題の早期解決。');
    assert.equal(tokenizer.running, true);
    const idleSince = Date.now();
    const exited = new Promise<void>((resolve) => tokenizer.onWorkerExit(resolve));
    // A deadline that also keeps the test process alive while the worker is unreferenced.
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (deadline = setTimeout(() => reject(new Error('the worker did not end')), IDLE_MS + 5000)));
    await Promise.race([exited, late]).finally(() => clearTimeout(deadline));
    assert.equal(tokenizer.running, false);
    assert.ok(Date.now() - idleSince >= IDLE_MS - 50, `ended after ${Date.now() - idleSince} ms`);
    // Answers stay in the cache after the worker has gone.
    const starts = tokenizer.stats.workerStarts;
    await tokenizer.tokenize('拉致問題の早期解決。');
    assert.equal(tokenizer.stats.workerStarts, starts);
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'kaidan-tokenizer-'));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * A worker that loads at once and answers every text with no tokens: 'stall' (or a text with STALL
 * in it) never, a text of x's after 1.5 s, the rest at once.
 */
function stallingWorker(): string {
  const path = join(scratch, 'stallingWorker.js');
  writeFileSync(
    path,
    `process.send({ type: 'loaded', dictionary: 'stub', loadMs: 1 });
process.on('message', ({ id, text }) => {
  if (text === 'stall' || text.includes('STALL')) return;
  setTimeout(() => process.send({ type: 'tokens', id, tokens: [], ms: 0 }), text.startsWith('x') ? 1500 : 0);
});`,
  );
  return path;
}

describe('the kuromoji worker’s faults', () => {
  it('rejects a call the worker does not answer in time, ends that worker, and answers the next call from a new one', { timeout: 20_000 }, async () => {
    const stalling = new Tokenizer({ workerModule: stallingWorker(), timeoutBaseMs: 1000, timeoutMsPerKiloChar: 0 });
    const exited = new Promise<void>((resolve) => stalling.onWorkerExit(resolve));
    const from = Date.now();
    await assert.rejects(stalling.tokenize('stall'), (error: Error) => {
      assert.ok(error instanceof TokenizerTimeoutError, String(error));
      assert.equal(error.message, 'the tokenizer worker did not answer within 1 s; it was restarted');
      return true;
    });
    const waited = Date.now() - from;
    assert.ok(waited >= 990 && waited < 6000, `rejected after ${waited} ms`);
    assert.equal(stalling.stats.timeouts, 1);
    assert.equal(stalling.running, false);
    await exited;
    assert.deepEqual(await stalling.tokenize('answered'), []);
    assert.equal(stalling.stats.workerStarts, 2);
    await stalling.dispose();
  });

  it('gives each call time for its length on top of the time for the dictionary', { timeout: 20_000 }, async () => {
    // 1 s and 5 ms per thousand characters: 600 000 characters get 4 s, and are answered after 1.5 s.
    const stalling = new Tokenizer({ workerModule: stallingWorker(), timeoutBaseMs: 1000, timeoutMsPerKiloChar: 5 });
    assert.deepEqual(await stalling.tokenize('x'.repeat(600_000)), []);
    await assert.rejects(stalling.tokenize('stall'), /did not answer within 1 s/);
    assert.equal(stalling.stats.timeouts, 1);
    await stalling.dispose();
  });

  it('says once that a missing dictionary did not load, and starts no worker again until its wait is over, then waits twice as long', { timeout: 30_000 }, async () => {
    const problems: string[] = [];
    const missing = join(scratch, 'no-such-dict');
    const broken = new Tokenizer({ dictionary: missing, retryMs: 1500, onProblem: (message) => problems.push(message) });
    const failed = await broken.tokenize('平和条約。').then(() => null, (error: Error) => error);
    assert.ok(failed instanceof TokenizerUnavailableError, String(failed));
    assert.match(failed.message, new RegExp(`^the kuromoji dictionary at ${missing.replace(/[\\\\.]/g, '\\\\$&')} did not load: ENOENT`));
    assert.deepEqual(problems, [`${failed.message}. Topics are off; loading is tried again later, less often each time`]);
    assert.equal(broken.stats.workerStarts, 1);
    // The worker's start counts into the wait, and takes a while when other tests load the machine.
    assert.ok(failed.retryAt - Date.now() > 0 && failed.retryAt - Date.now() <= 1500, `retry in ${failed.retryAt - Date.now()} ms`);

    // Within the wait: rejected at once, no process.
    await assert.rejects(broken.tokenize('共同経済活動。'), TokenizerUnavailableError);
    assert.equal(broken.stats.workerStarts, 1);

    await sleep(failed.retryAt - Date.now() + 20);
    const again = await broken.tokenize('共同経済活動。').then(() => null, (error: Error) => error);
    assert.ok(again instanceof TokenizerUnavailableError);
    assert.equal(broken.stats.workerStarts, 2);
    // Twice as long: 3 s from the second failure, so more than the first wait even after a slow start.
    assert.ok(again.retryAt - Date.now() > 1500, `retry in ${again.retryAt - Date.now()} ms`);
    // The same failure is not told again.
    assert.equal(problems.length, 1, JSON.stringify(problems));
  });

  it('lets a topics pass without a dictionary end at once, and a second pass start no worker', { timeout: 60_000 }, async () => {
    const folder = join(scratch, 'corpus');
    mkdirSync(folder);
    for (const seed of [1, 3]) copyFileSync(seedPath(seed), join(folder, basename(seedPath(seed))));
    const problems: string[] = [];
    const broken = new Tokenizer({ dictionary: join(scratch, 'no-such-dict'), onProblem: (message) => problems.push(`tokenizer: ${message}`) });
    const index = new CorpusIndex(new DiskWorkspace([folder]), { tokenizer: broken, onProblem: (message) => problems.push(`index: ${message}`) });
    await index.build();
    await index.topics!.settled();
    assert.equal(broken.stats.workerStarts, 1);
    // A change to the corpus (here an editor's unsaved text) brings another pass.
    await index.setOverlay(pathToUri(join(folder, basename(seedPath(1)))), readTextFile(seedPath(1)) + '\n追記。\n');
    await index.topics!.settled();
    assert.equal(broken.stats.workerStarts, 1);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0], /^tokenizer: the kuromoji dictionary at .* did not load: ENOENT/);
    index.dispose();
  });

  it('leaves out of topics a file the worker timed out on, with one line, goes on with the others, and does not try it again until it changes', { timeout: 60_000 }, async () => {
    const folder = join(scratch, 'stalling-corpus');
    mkdirSync(folder);
    const stalled = join(folder, 'stalled.readout.txt');
    writeFileSync(stalled, readTextFile(seedPath(1)).replace('日米外相会談', '日米外相会談 STALL'));
    copyFileSync(seedPath(3), join(folder, basename(seedPath(3))));
    const problems: string[] = [];
    const stalling = new Tokenizer({ workerModule: stallingWorker(), timeoutBaseMs: 1000, timeoutMsPerKiloChar: 0 });
    const index = new CorpusIndex(new DiskWorkspace([folder]), { tokenizer: stalling, onProblem: (message) => problems.push(message) });
    await index.build();
    await index.topics!.settled();
    assert.deepEqual(problems, [`${pathToUri(stalled)}: no topics, the tokenizer worker did not answer within 1 s; it was restarted; tried again when the file changes`]);
    assert.equal(index.storedTopics(pathToUri(stalled)), null);
    assert.notEqual(index.storedTopics(pathToUri(join(folder, basename(seedPath(3))))), null);
    // Another pass (an edit of the other file) does not send the stalled file again.
    await index.setOverlay(pathToUri(join(folder, basename(seedPath(3)))), readTextFile(seedPath(3)) + '\n追記。\n');
    await index.topics!.settled();
    assert.equal(stalling.stats.timeouts, 1);
    assert.equal(problems.length, 1);
    index.dispose();
    await stalling.dispose();
  });

  it('ends quietly, without a stack trace, when the server exits while the worker is tokenizing', { timeout: 60_000 }, async () => {
    const tokenizerModule = join(__dirname, '..', '..', 'server', 'src', 'nlp', 'tokenizer.js');
    const long = readTextFile(seedPath(1)).repeat(20);
    // The server: it sends a long text to a loaded worker, and exits before the answer.
    const server = `const { Tokenizer } = require(${JSON.stringify(tokenizerModule)});
const tokenizer = new Tokenizer();
tokenizer.tokenize('始め。').then(() => {
  tokenizer.tokenize(${JSON.stringify(long)}).catch(() => undefined);
  setTimeout(() => process.exit(0), 50);
});`;
    const child = spawn(process.execPath, ['-e', server], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // The pipe closes when its last writer, the worker, has ended.
    await new Promise((done) => child.stderr!.once('close', done));
    assert.equal(stderr, '');
  });
});

// npm run bench -- --docs N [--check] [--peer [--rounds R]] [--peer-only]: drives the bundled
// language server over stdio as an editor does, on a synthetic corpus of N readouts, and reports each
// measurement against its budget as a ratio to a baseline measured in the same run. --peer then
// measures Kaidan beside vscode-markdown-languageservice on the same corpus (bench/peerBench.ts).
// The rows j1… time the shapes of text that were once quadratic, at 1 MB (bench/hostileShapes.ts).

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as kuromoji from 'kuromoji';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { generateCorpus } from './generate';
import { hostileShapeTimes } from './hostileShapes';
import { comparePeer, freshStorage } from './peerBench';

const ROOT = resolve(__dirname, __dirname.includes('out') ? '../..' : '..');
const SERVER = join(ROOT, 'dist', 'server', 'server.js');
const WORK = join(ROOT, 'bench', '.work');
const RESULTS = join(ROOT, 'bench', 'results');

const args = process.argv.slice(2);
const docs = Number(args[args.indexOf('--docs') + 1]) || 1000;
const check = args.includes('--check');
const peerOnly = args.includes('--peer-only');
const peer = peerOnly || args.includes('--peer');
const rounds = args.includes('--rounds') ? Math.max(1, Number(args[args.indexOf('--rounds') + 1]) || 3) : 3;
const PEER_REQUESTS = 200;
const REQUESTS = 1000;
const KUROMOJI_SAMPLE_CHARS = 300_000;
/** A little more than the tokenizer worker's idle time (server/src/nlp/tokenizer.ts), after which it ends. */
const WORKER_IDLE_MS = 32_000;

interface Row {
  readonly id: string;
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly budget?: { readonly limit: number; readonly against: string };
}

const rows: Row[] = [];
const record = (row: Row) => {
  rows.push(row);
  console.log(`  ${row.id.padEnd(4)} ${row.what}: ${row.value.toFixed(row.unit === 'MB' ? 0 : 1)} ${row.unit}`);
};

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function corpusFolder(): string {
  const folder = join(WORK, `corpus-${docs}`);
  const marker = join(folder, '.complete');
  if (!existsSync(marker)) {
    rmSync(folder, { recursive: true, force: true });
    generateCorpus(folder, docs);
    writeFileSync(marker, '');
  }
  return folder;
}

interface Server {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly ready: Promise<void>;
  /** Resolves when the background topic pass (kuromoji) has weighed the corpus. */
  readonly topics: Promise<void>;
}

/** Starts the server like VS Code does (stdio), answering the requests a client must answer. */
async function startServer(corpus: string, storage: string): Promise<{ server: Server; initializeMs: number }> {
  // As the extension starts it (client/src/extension.ts).
  const child = spawn(process.execPath, ['--expose-gc', SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', () => []);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  const ready = new Promise<void>((done) =>
    connection.onNotification('kaidan/indexState', (state: { state: string }) => {
      if (state.state === 'ready') done();
    }),
  );
  const topics = new Promise<void>((done) => connection.onNotification('kaidan/topicsState', () => done()));
  connection.listen();
  const started = performance.now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(corpus).href,
    workspaceFolders: [{ uri: pathToFileURL(corpus).href, name: 'corpus' }],
    capabilities: { workspace: { codeLens: { refreshSupport: true } }, window: { workDoneProgress: true } },
    initializationOptions: { storagePath: storage },
  });
  const initializeMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  return { server: { process: child, connection, ready, topics }, initializeMs };
}

async function stopServer(server: Server): Promise<void> {
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
  await new Promise((done) => server.process.once('exit', done));
  server.connection.dispose();
}

function floor(files: readonly string[]): { ms: number; chars: number } {
  const started = performance.now();
  let chars = 0;
  let hits = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8').normalize('NFKC');
    chars += text.length;
    hits += (text.match(/会談|大臣|[0-9]+月[0-9]+日/g) ?? []).length;
  }
  if (hits < 0) throw new Error('unreachable: keeps the pass from being optimised away');
  return { ms: performance.now() - started, chars };
}

async function kuromojiRate(files: readonly string[]): Promise<{ buildMs: number; charsPerSecond: number; sampleChars: number }> {
  const started = performance.now();
  const tokenizer = await new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((done, fail) =>
    kuromoji.builder({ dicPath: join(ROOT, 'node_modules', 'kuromoji', 'dict') }).build((error, built) => (error ? fail(error) : done(built))),
  );
  const buildMs = performance.now() - started;
  let sampleChars = 0;
  const tokenizing = performance.now();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    tokenizer.tokenize(text);
    sampleChars += text.length;
    if (sampleChars >= KUROMOJI_SAMPLE_CHARS) break;
  }
  return { buildMs, charsPerSecond: sampleChars / ((performance.now() - tokenizing) / 1000), sampleChars };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** A position on the first person mention of a document, for hovers. */
function personPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const match = /([ァ-ヴー]{2,}|[一-龥]{2,3})(?:外務大臣|防衛大臣|国務長官|国防長官|大統領|総理)/.exec(lines[line]);
    if (match) return { line, character: match.index + 1 };
  }
  return { line: 0, character: 0 };
}

async function main(): Promise<void> {
  if (!existsSync(SERVER)) throw new Error('dist/server/server.js is missing: run npm run build first');
  console.log(`Kaidan benchmark: ${docs} readouts, Node ${process.version}, ${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} cores`);
  const corpus = corpusFolder();
  const files = readdirSync(corpus).filter((name) => name.endsWith('.txt')).map((name) => join(corpus, name));
  const storage = join(WORK, `storage-${docs}`);
  rmSync(storage, { recursive: true, force: true });
  mkdirSync(storage, { recursive: true });
  const withPeer = () =>
    comparePeer({
      docs, files, work: WORK, results: RESULTS, rounds, requests: PEER_REQUESTS, memory, percentile, personPosition,
      startKaidan: async () => {
        const { server } = await startServer(corpus, freshStorage(WORK, docs));
        const settled = async () => {
          await server.topics;
          await new Promise((done) => setTimeout(done, WORKER_IDLE_MS));
        };
        return { process: server.process, connection: server.connection, settled };
      },
      stop: (server) => stopServer({ ...server, ready: Promise.resolve(), topics: Promise.resolve() }),
    });
  if (peerOnly) return withPeer();

  const base = floor(files);
  record({ id: 'a', what: `floor: read ${files.length} files (${(base.chars / 1e6).toFixed(1)} M chars) + one NFKC/regex pass`, value: base.ms, unit: 'ms' });
  const kuromojiMeasure = await kuromojiRate(files);
  const kuromojiAll = (base.chars / kuromojiMeasure.charsPerSecond) * 1000 + kuromojiMeasure.buildMs;
  record({ id: 'b', what: `kuromoji on everything (extrapolated from ${kuromojiMeasure.sampleChars} chars at ${(kuromojiMeasure.charsPerSecond / 1e6).toFixed(2)} M chars/s, + ${kuromojiMeasure.buildMs.toFixed(0)} ms build)`, value: kuromojiAll, unit: 'ms' });

  const cold = await startServer(corpus, storage);
  const pid = cold.server.process.pid!;
  const indexStarted = performance.now();
  record({ id: 'c', what: 'server start → initialize result', value: cold.initializeMs, unit: 'ms' });

  const sample = files[Math.floor(files.length / 2)];
  const sampleUri = pathToFileURL(sample).href;
  const sampleText = readFileSync(sample, 'utf8');
  const { connection } = cold.server;
  const opened = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: sampleUri, languageId: 'readout', version: 1, text: sampleText } });
  await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: sampleUri } });
  const outlineMs = performance.now() - opened;
  await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: sampleUri } });
  const tokensMs = performance.now() - opened;
  record({ id: 'd1', what: 'open a readout → first documentSymbol, while indexing', value: outlineMs, unit: 'ms', budget: { limit: 100, against: 'ms' } });
  record({ id: 'd2', what: 'open a readout → first semantic tokens, while indexing', value: tokensMs, unit: 'ms' });

  await cold.server.ready;
  const coldIndexMs = performance.now() - indexStarted;
  record({ id: 'e', what: 'cold corpus index complete', value: coldIndexMs, unit: 'ms', budget: { limit: 0.2 * kuromojiAll, against: '20% of (b)' } });

  // Requests are timed on a settled server: the background topic pass done and kuromoji's worker ended.
  const topicsStarted = performance.now();
  await cold.server.topics;
  record({ id: 'e2', what: 'background topic pass (kuromoji in its worker) complete, after the index', value: performance.now() - topicsStarted, unit: 'ms' });
  await new Promise((done) => setTimeout(done, WORKER_IDLE_MS));
  const afterTopics = memory(pid);
  record({ id: 'i1', what: "server resident memory, idle after indexing (kuromoji's worker ended)", value: afterTopics.rss, unit: 'MB', budget: { limit: 200, against: 'MB' } });

  const hoverAt = personPosition(sampleText);
  const hovers: number[] = [];
  const related: number[] = [];
  const symbols: number[] = [];
  const names = ['岸田', '林', 'ブリンケン', 'ラヴロフ', '王毅', '河野', 'オースティン', '日米', '外相会談', '2018'];
  for (let i = 0; i < REQUESTS; i++) {
    hovers.push((await timed(() => connection.sendRequest('textDocument/hover', { textDocument: { uri: sampleUri }, position: hoverAt }))).ms);
    related.push((await timed(() => connection.sendRequest('kaidan/related', { uri: sampleUri }))).ms);
    symbols.push((await timed(() => connection.sendRequest('workspace/symbol', { query: names[i % names.length] }))).ms);
  }
  for (const [id, what, samples, budget] of [
    ['g1', 'hover on a person', hovers, 20],
    ['g2', 'related meetings', related, 20],
    ['g3', 'workspace symbol', symbols, undefined],
  ] as const) {
    record({ id: `${id}.50`, what: `${what}, p50`, value: percentile(samples, 50), unit: 'ms' });
    record({ id: `${id}.95`, what: `${what}, p95`, value: percentile(samples, 95), unit: 'ms' });
    record({ id: `${id}.99`, what: `${what}, p99 over ${REQUESTS}`, value: percentile(samples, 99), unit: 'ms', ...(budget ? { budget: { limit: budget, against: 'ms' } } : {}) });
  }

  // A 1 MB readout: corpus texts joined under one title.
  let big = '日米外相会談(概要)\n\n';
  for (let i = 0; big.length < 1_000_000; i++) big += readFileSync(files[i % files.length], 'utf8') + '\n';
  const bigUri = pathToFileURL(join(WORK, 'one-megabyte.readout.txt')).href;
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'readout', version: 1, text: big } });
  record({ id: 'h1', what: `documentSymbol on a ${(big.length / 1e6).toFixed(1)} M-char readout`, value: (await timed(() => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: bigUri } }))).ms, unit: 'ms' });
  const full = await timed(() => connection.sendRequest<{ resultId?: string }>('textDocument/semanticTokens/full', { textDocument: { uri: bigUri } }));
  record({ id: 'h2', what: 'semantic tokens on it', value: full.ms, unit: 'ms' });
  const editAt = { line: 100, character: 0 };
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: bigUri, version: 2 },
    contentChanges: [{ range: { start: editAt, end: editAt }, text: '。' }],
  });
  const delta = await timed(() => connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri: bigUri }, previousResultId: full.result.resultId ?? '' }));
  record({ id: 'h3', what: 'one-character edit → fresh semantic tokens (delta)', value: delta.ms, unit: 'ms', budget: { limit: 50, against: 'ms' } });
  record({ id: 'h4', what: 'one-character edit → fresh documentSymbol', value: (await timed(() => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: bigUri } }))).ms, unit: 'ms' });
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: bigUri } });

  record({ id: 'i2', what: 'server peak resident memory (during the topic pass)', value: memory(pid).peak, unit: 'MB' });
  await stopServer(cold.server);

  const warm = await startServer(corpus, storage);
  const warmStarted = performance.now();
  await warm.server.ready;
  record({ id: 'f', what: 'warm restart from the cache → index complete', value: performance.now() - warmStarted + warm.initializeMs, unit: 'ms', budget: { limit: 3 * base.ms, against: '3× (a)' } });
  await stopServer(warm.server);

  const hostile = await hostileShapeTimes(3);
  hostile.forEach(({ shape, operation, ms }, i) =>
    record({ id: `j${i + 1}`, what: `1 MB of ${shape}: the slowest of outline, hover and code lens (${operation}, CPU time)`, value: ms, unit: 'ms', budget: { limit: 1000, against: 'ms' } }),
  );

  console.log('\n| | measurement | value | budget | ratio to budget | |\n|---|---|---:|---:|---:|---|');
  let missed = 0;
  for (const row of rows) {
    const value = `${row.value.toFixed(row.unit === 'MB' ? 0 : 1)} ${row.unit}`;
    if (!row.budget) {
      console.log(`| ${row.id} | ${row.what} | ${value} | | | |`);
      continue;
    }
    const ratio = row.value / row.budget.limit;
    if (ratio > 1.5) missed++;
    const limit = `${row.budget.limit.toFixed(row.unit === 'MB' ? 0 : 1)} ${row.unit} (${row.budget.against})`;
    console.log(`| ${row.id} | ${row.what} | ${value} | ${limit} | ${ratio.toFixed(2)} | ${ratio <= 1 ? 'met' : ratio <= 1.5 ? 'missed, within 50%' : 'MISSED'} |`);
  }
  mkdirSync(RESULTS, { recursive: true });
  const out = join(RESULTS, `bench-${docs}.json`);
  writeFileSync(out, JSON.stringify({ docs, node: process.version, date: new Date().toISOString(), rows }, null, 2));
  console.log(`\nwrote ${out}`);
  if (peer) await withPeer();
  if (check && missed > 0) {
    console.error(`bench: ${missed} budget(s) missed by more than 50%`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

// `npm run bench -- --docs N --peer`: the same measurements of Kaidan and of a peer, Microsoft's
// vscode-markdown-languageservice (bench/peerServer.ts), on the same corpus (the peer's copy rendered
// as Markdown by bench/peerCorpus.ts), both driven over stdio by this one client in the same way.
// Rounds alternate Kaidan, peer, Kaidan, peer; each figure is the median over the rounds, printed
// with the ratio Kaidan ÷ peer (below 1: Kaidan is faster or smaller).

import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { bigDocuments, linkPosition, markdownCorpus, proseLine } from './peerCorpus';

const PEER_SERVER = join(__dirname, 'peerServer.js');
/** The queries of run.ts's workspace-symbol measurement; both servers get the same ones. */
const QUERIES = ['岸田', '林', 'ブリンケン', 'ラヴロフ', '王毅', '河野', 'オースティン', '日米', '外相会談', '2018'];

interface Position {
  readonly line: number;
  readonly character: number;
}

/** A started server: Kaidan's comes from run.ts, the peer's from here. */
export interface Started {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** Resolves when the server has no more background work of its own (Kaidan: topic pass done, tokenizer worker ended). */
  settled(): Promise<void>;
}

export interface PeerBenchContext {
  readonly docs: number;
  /** The readouts, in generation order. */
  readonly files: readonly string[];
  readonly work: string;
  readonly results: string;
  readonly rounds: number;
  readonly requests: number;
  /** Starts Kaidan's bundled server on the readout corpus with an empty cache. */
  startKaidan(): Promise<Started>;
  stop(server: Started): Promise<void>;
  memory(pid: number): { rss: number; peak: number };
  percentile(samples: number[], p: number): number;
  /** Where Kaidan's references are asked for in a readout: its first person mention. */
  personPosition(text: string): Position;
}

/** What one round measures, for either server. */
interface Round {
  coldMs: number;
  firstReferencesMs: number;
  rssMB: number;
  symbolsP50: number;
  referencesP50: number;
  outlineOpenMs: number;
  outlineEditMs: number;
  /** How much each answered, to see that both did the work: symbols for the first query, references, outline entries of the 1 MB document. */
  counts: { symbols: number; references: number; outline: number };
}

/** What a round needs to drive one server: its documents as it reads them, and how to start it. */
interface Subject {
  readonly name: string;
  readonly languageId: string;
  readonly sample: { uri: string; text: string; references: Position };
  readonly big: { uri: string; text: string };
  start(): Promise<Started>;
}

async function startPeer(folder: string): Promise<Started> {
  const child = spawn(process.execPath, [PEER_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'corpus' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
  return { process: child, connection, settled: async () => undefined };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  return (await measured(work)).ms;
}

async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Entries of a documentSymbol answer, nested ones included. */
const entries = (symbols: readonly { children?: unknown[] }[] | null): number =>
  (symbols ?? []).reduce((sum, symbol) => sum + 1 + entries((symbol.children ?? []) as { children?: unknown[] }[]), 0);

async function round(subject: Subject, context: PeerBenchContext, editLine: number): Promise<Round> {
  const server = await subject.start();
  const { connection } = server;
  // Cold: from the initialize result to the first workspace-symbol answer, which waits for the index
  // (Kaidan's handler awaits its corpus index; the peer reads every file's symbols for it).
  const cold = await measured(() => connection.sendRequest<unknown[] | null>('workspace/symbol', { query: QUERIES[0] }));
  const { sample } = subject;
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: sample.uri, languageId: subject.languageId, version: 1, text: sample.text } });
  const references = { textDocument: { uri: sample.uri }, position: sample.references, context: { includeDeclaration: true } };
  // The peer builds its link index over every file for the first references answer.
  const firstReferences = await measured(() => connection.sendRequest<unknown[] | null>('textDocument/references', references));
  await server.settled();
  const rssMB = context.memory(server.process.pid!).rss;

  const symbols: number[] = [];
  const referenceTimes: number[] = [];
  for (let i = 0; i < context.requests; i++) {
    symbols.push(await timed(() => connection.sendRequest('workspace/symbol', { query: QUERIES[i % QUERIES.length] })));
    referenceTimes.push(await timed(() => connection.sendRequest('textDocument/references', references)));
  }

  const { big } = subject;
  const bigDocument = { textDocument: { uri: big.uri } };
  const outlineOpenMs = await timed(async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big.uri, languageId: subject.languageId, version: 1, text: big.text } });
    await connection.sendRequest('textDocument/documentSymbol', bigDocument);
  });
  const at = { line: editLine, character: 0 };
  const edited = await measured(async () => {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: big.uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: '。' }] });
    return connection.sendRequest<{ children?: unknown[] }[] | null>('textDocument/documentSymbol', bigDocument);
  });
  await connection.sendNotification('textDocument/didClose', bigDocument);
  await context.stop(server);
  return {
    coldMs: cold.ms,
    firstReferencesMs: firstReferences.ms,
    rssMB,
    symbolsP50: context.percentile(symbols, 50),
    referencesP50: context.percentile(referenceTimes, 50),
    outlineOpenMs,
    outlineEditMs: edited.ms,
    counts: { symbols: cold.result?.length ?? 0, references: firstReferences.result?.length ?? 0, outline: entries(edited.result) },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export async function comparePeer(context: PeerBenchContext): Promise<void> {
  const markdown = markdownCorpus(context.files, join(context.work, `corpus-${context.docs}-md`));
  console.log(
    `\nPeer: vscode-markdown-languageservice on the same ${markdown.files.length} readouts as Markdown (${markdown.headings} headings, ${markdown.links} links to other meetings), ` +
      `${context.rounds} rounds alternating Kaidan and peer, ${context.requests} requests of each kind per round`,
  );
  // The sample: a readout whose link goes to the meeting most linked to, so that the peer's references have most to find.
  const targets = markdown.files.map((file) => /\]\(\.\/([^)]+)\)/.exec(readFileSync(file, 'utf8'))?.[1] ?? null);
  const incoming = new Map<string, number>();
  for (const target of targets) if (target) incoming.set(target, (incoming.get(target) ?? 0) + 1);
  const index = Math.max(0, targets.reduce((best, target, i) => (target && (best < 0 || incoming.get(target)! > incoming.get(targets[best]!)!) ? i : best), -1));
  const readoutText = readFileSync(context.files[index], 'utf8');
  const markdownText = readFileSync(markdown.files[index], 'utf8');
  const linkAt = linkPosition(markdownText) ?? { line: 0, character: 2 };
  const big = bigDocuments(context.files, markdown.files);
  const editLine = proseLine(big.markdown, 100);
  const subjects: Subject[] = [
    {
      name: 'Kaidan',
      languageId: 'readout',
      sample: { uri: pathToFileURL(context.files[index]).href, text: readoutText, references: context.personPosition(readoutText) },
      big: { uri: pathToFileURL(join(context.work, 'one-megabyte.readout.txt')).href, text: big.readout },
      start: () => context.startKaidan(),
    },
    {
      name: 'peer',
      languageId: 'markdown',
      sample: { uri: pathToFileURL(markdown.files[index]).href, text: markdownText, references: linkAt },
      big: { uri: pathToFileURL(join(context.work, 'one-megabyte.md')).href, text: big.markdown },
      start: () => startPeer(markdown.folder),
    },
  ];
  const measured: Round[][] = [[], []];
  for (let r = 0; r < context.rounds; r++) {
    for (const [i, subject] of subjects.entries()) {
      const result = await round(subject, context, editLine);
      measured[i].push(result);
      console.log(
        `  round ${r + 1} ${subject.name.padEnd(6)} cold ${result.coldMs.toFixed(0)} ms, first references ${result.firstReferencesMs.toFixed(0)} ms, ` +
          `RSS ${result.rssMB.toFixed(0)} MB, symbol p50 ${result.symbolsP50.toFixed(2)} ms, references p50 ${result.referencesP50.toFixed(2)} ms, ` +
          `1 MB outline ${result.outlineOpenMs.toFixed(0)} ms, after an edit ${result.outlineEditMs.toFixed(0)} ms ` +
          `(answers: ${result.counts.symbols} symbols for '${QUERIES[0]}', ${result.counts.references} references, ${result.counts.outline} outline entries)`,
      );
    }
  }
  const rows: { id: string; what: string; unit: string; kaidan: number; peer: number; ratio: number }[] = [];
  const row = (id: string, what: string, unit: string, pick: (round: Round) => number) => {
    const kaidan = median(measured[0].map(pick));
    const peer = median(measured[1].map(pick));
    rows.push({ id, what, unit, kaidan, peer, ratio: kaidan / peer });
  };
  row('p1', 'cold index: initialize result → first workspace/symbol answer (peer: symbols of every document)', 'ms', (r) => r.coldMs);
  row('p2', 'then the first references answer (peer: builds its link index)', 'ms', (r) => r.firstReferencesMs);
  row('p3', `outline of a ${(big.readout.length / 1e6).toFixed(1)} M-char document on open (peer's Markdown: ${(big.markdown.length / 1e6).toFixed(1)} M)`, 'ms', (r) => r.outlineOpenMs);
  row('p4', 'its outline after a one-character edit', 'ms', (r) => r.outlineEditMs);
  row('p5', `workspace symbol, p50 of ${context.requests}`, 'ms', (r) => r.symbolsP50);
  row('p6', `references, p50 of ${context.requests} (Kaidan: on a person; peer: on a link to another meeting)`, 'ms', (r) => r.referencesP50);
  row('p7', 'resident memory after indexing (Kaidan: its topic pass done and its worker ended)', 'MB', (r) => r.rssMB);

  console.log(`\n| | measurement (median of ${context.rounds} rounds) | Kaidan | peer | Kaidan ÷ peer |\n|---|---|---:|---:|---:|`);
  const format = (value: number, unit: string) => `${value.toFixed(unit === 'MB' ? 0 : value < 10 ? 2 : 1)} ${unit}`;
  for (const { id, what, unit, kaidan, peer, ratio } of rows) {
    console.log(`| ${id} | ${what} | ${format(kaidan, unit)} | ${format(peer, unit)} | ${ratio.toFixed(2)} |`);
  }
  mkdirSync(context.results, { recursive: true });
  const out = join(context.results, `peer-${context.docs}.json`);
  writeFileSync(out, JSON.stringify({ docs: context.docs, node: process.version, date: new Date().toISOString(), rounds: context.rounds, rows, measured: { kaidan: measured[0], peer: measured[1] } }, null, 2));
  console.log(`\nwrote ${out}`);
}

/** A fresh, empty cache folder for each cold start of Kaidan. */
export function freshStorage(work: string, docs: number): string {
  const storage = join(work, `storage-peer-${docs}`);
  rmSync(storage, { recursive: true, force: true });
  mkdirSync(storage, { recursive: true });
  return storage;
}

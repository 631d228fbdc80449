// The one kuromoji tokenizer of the server (issue 6): it runs in a worker process started on the
// first request, never at server start and never on the server's thread; results are cached by
// content hash; the worker is ended after a while without requests, so the dictionary's ~370 MB go
// with it. A process, not a worker thread: memory a thread frees stays in the server's resident
// set (about 80 MB of it was measured after the thread ended), while an ended process gives it all back. kuromoji tags foreign names as 名詞,一般 and splits 総理大臣 into 総理+大臣: callers
// filter names and offices with the knowledge files.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ChildProcess, fork } from 'node:child_process';
import { LruCache } from './lruCache';
import type { Token, TokenizeRequest, WorkerReply, WorkerSetup } from './protocol';

export type { Token } from './protocol';

export const DICTIONARY_ENV = 'KAIDAN_KUROMOJI_DICT';
const DEFAULT_IDLE_MS = 30_000;
/** The token cache's bound, in characters of tokenized text (about 40 MB of tokens). */
const DEFAULT_CACHE_CHARS = 500_000;

/**
 * kuromoji's dictionary: the environment's override, else the `dict/` that esbuild.mjs copies
 * beside the server bundle, else (compiled by tsc for tests and the bench) the installed package's,
 * found upwards from here (not by require.resolve, which a bundle cannot answer).
 */
export function resolveDictionary(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DICTIONARY_ENV];
  if (override) return override;
  const bundled = join(__dirname, 'dict');
  if (existsSync(bundled)) return bundled;
  for (let folder = __dirname; dirname(folder) !== folder; folder = dirname(folder)) {
    const installed = join(folder, 'node_modules', 'kuromoji', 'dict');
    if (existsSync(installed)) return installed;
  }
  // Named in the worker's error when it fails to load.
  return bundled;
}

export interface TokenizerOptions {
  readonly dictionary?: string;
  /** How long the worker stays after its last request (30 s). */
  readonly idleMs?: number;
  readonly cacheChars?: number;
}

export interface TokenizerStats {
  /** Workers started (each loads the dictionary). */
  workerStarts: number;
  /** Texts sent to the worker (cache misses). */
  workerCalls: number;
  cacheHits: number;
  /** Characters the worker tokenized, and the time it spent on them. */
  charsTokenized: number;
  tokenizeMs: number;
  /** The last dictionary load, as the worker reported it. */
  loaded: { readonly dictionary: string; readonly ms: number } | null;
}

interface Pending {
  readonly resolve: (tokens: Token[]) => void;
  readonly reject: (error: Error) => void;
}

export class Tokenizer {
  readonly stats: TokenizerStats = { workerStarts: 0, workerCalls: 0, cacheHits: 0, charsTokenized: 0, tokenizeMs: 0, loaded: null };
  readonly dictionary: string;
  private readonly idleMs: number;
  private readonly cache: LruCache<string, readonly Token[]>;
  /** Requests for the same text while one is with the worker share its answer. */
  private readonly inFlight = new Map<string, Promise<readonly Token[]>>();
  private readonly pending = new Map<number, Pending>();
  private readonly exitListeners = new Set<() => void>();
  private worker: ChildProcess | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 0;

  constructor(options: TokenizerOptions = {}) {
    this.dictionary = options.dictionary ?? resolveDictionary();
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.cache = new LruCache(options.cacheChars ?? DEFAULT_CACHE_CHARS);
  }

  /** Whether a worker (and its dictionary) is in memory now. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Fires when a worker has ended (idle, disposed or failed). */
  onWorkerExit(listener: () => void): { dispose(): void } {
    this.exitListeners.add(listener);
    return { dispose: () => this.exitListeners.delete(listener) };
  }

  tokenize(text: string): Promise<readonly Token[]> {
    const key = createHash('sha1').update(text).digest('hex');
    const cached = this.cache.get(key);
    if (cached) {
      this.stats.cacheHits++;
      return Promise.resolve(cached);
    }
    let request = this.inFlight.get(key);
    if (!request) {
      request = this.send(text).then(
        (tokens) => (this.cache.set(key, tokens, text.length), this.inFlight.delete(key), tokens),
        (error: Error) => (this.inFlight.delete(key), Promise.reject(error)),
      );
      this.inFlight.set(key, request);
    }
    return request;
  }

  /** Ends the worker now; pending requests fail. */
  async dispose(): Promise<void> {
    this.clearIdleTimer();
    const worker = this.worker;
    if (!worker || worker.exitCode !== null) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill();
    await exited;
  }

  private send(text: string): Promise<Token[]> {
    this.clearIdleTimer();
    const worker = this.worker ?? this.start();
    // Referenced while it owes answers, so a process waiting only on them does not exit.
    worker.ref();
    worker.channel?.ref();
    const id = this.nextId++;
    this.stats.workerCalls++;
    this.stats.charsTokenized += text.length;
    return new Promise<Token[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.send({ id, text } satisfies TokenizeRequest);
    });
  }

  private start(): ChildProcess {
    const setup: WorkerSetup = { dictionary: this.dictionary };
    // The worker's own options only: it needs no debugger port or loader flags of the server.
    const worker = fork(join(__dirname, 'tokenizerWorker.js'), [JSON.stringify(setup)], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.stats.workerStarts++;
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'loaded') {
        this.stats.loaded = { dictionary: reply.dictionary, ms: reply.loadMs };
        return;
      }
      this.stats.tokenizeMs += reply.ms;
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      pending?.resolve(reply.tokens);
      if (this.pending.size === 0 && this.worker === worker) this.becomeIdle(worker);
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => {
      this.fail(worker, new Error(`the tokenizer worker exited (code ${code})`));
      for (const listener of this.exitListeners) listener();
    });
    this.worker = worker;
    return worker;
  }

  private becomeIdle(worker: ChildProcess): void {
    worker.unref();
    worker.channel?.unref();
    this.idleTimer = setTimeout(() => {
      // Forgotten before it has exited, so that a request arriving meanwhile starts a new one.
      this.worker = null;
      worker.kill();
    }, this.idleMs);
    // The idle countdown alone keeps no process (the CLI, a test run) alive.
    this.idleTimer.unref();
  }

  private fail(worker: ChildProcess, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.clearIdleTimer();
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

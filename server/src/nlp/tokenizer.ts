// The one kuromoji tokenizer of the server: it runs in a worker process started on the
// first request, never at server start and never on the server's thread; results are cached by
// content hash; the worker is ended after a while without requests, so the dictionary's ~370 MB go
// with it. A process, not a worker thread: memory a thread frees stays in the server's resident
// set (about 80 MB of it was measured after the thread ended), while an ended process gives it all back. kuromoji tags foreign names as 名詞,一般 and splits 総理大臣 into 総理+大臣: callers
// filter names and offices with the knowledge files. A call the worker does not answer in time fails
// and ends that worker; a dictionary that does not load is said once, and tried again ever later.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ChildProcess, fork } from 'node:child_process';
import { LruCache } from './lruCache';
import type { Token, TokenizeRequest, WorkerReply, WorkerSetup } from './protocol';

export type { Token } from './protocol';

export const DICTIONARY_ENV = 'KAIDAN_KUROMOJI_DICT';
const DEFAULT_IDLE_MS = 30_000;
/**
 * A call's deadline: the dictionary's load (about 3 s) with room to spare, plus time for the text.
 * kuromoji was measured at 37 s for a million characters on a busy machine; 250 ms per thousand is
 * about seven times that.
 */
const DEFAULT_TIMEOUT_BASE_MS = 30_000;
const DEFAULT_TIMEOUT_MS_PER_KILO_CHAR = 250;
/** After a dictionary failed to load, the wait before the next try, doubled each time up to an hour. */
const DEFAULT_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;
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
  /** A call's deadline is this (30 s) plus `timeoutMsPerKiloChar` (250 ms) per thousand characters. */
  readonly timeoutBaseMs?: number;
  readonly timeoutMsPerKiloChar?: number;
  /** The first wait after the dictionary failed to load (30 s). */
  readonly retryMs?: number;
  /** One line when the dictionary fails to load (not again while it keeps failing), and when it loads again. */
  readonly onProblem?: (message: string) => void;
  /** The worker's module: tokenizerWorker.js beside this one, unless a test stands in for it. */
  readonly workerModule?: string;
}

export interface TokenizerStats {
  /** Workers started (each loads the dictionary). */
  workerStarts: number;
  /** Texts sent to the worker (cache misses). */
  workerCalls: number;
  cacheHits: number;
  /** Calls the worker did not answer in time (each ended that worker). */
  timeouts: number;
  /** Characters the worker tokenized, and the time it spent on them. */
  charsTokenized: number;
  tokenizeMs: number;
  /** The last dictionary load, as the worker reported it. */
  loaded: { readonly dictionary: string; readonly ms: number } | null;
}

/** The dictionary did not load: calls fail at once, without a worker, until `retryAt`. */
export class TokenizerUnavailableError extends Error {
  constructor(
    message: string,
    /** When a call may start a worker again (a Date.now() value). */
    readonly retryAt: number,
  ) {
    super(message);
    this.name = 'TokenizerUnavailableError';
  }
}

/** The worker did not answer one call in time; it was ended, and the next call starts a new one. */
export class TokenizerTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`the tokenizer worker did not answer within ${Number((ms / 1000).toFixed(1))} s; it was restarted`);
    this.name = 'TokenizerTimeoutError';
  }
}

interface Pending {
  readonly resolve: (tokens: Token[]) => void;
  readonly reject: (error: Error) => void;
  readonly deadline: NodeJS.Timeout;
}

interface LoadFailure {
  readonly message: string;
  /** How it failed, without the file it failed on: 'ENOENT'. */
  readonly way: string;
  readonly retryAt: number;
  readonly waitMs: number;
}

export class Tokenizer {
  readonly stats: TokenizerStats = { workerStarts: 0, workerCalls: 0, cacheHits: 0, timeouts: 0, charsTokenized: 0, tokenizeMs: 0, loaded: null };
  readonly dictionary: string;
  private readonly idleMs: number;
  private readonly timeoutBaseMs: number;
  private readonly timeoutMsPerKiloChar: number;
  private readonly retryMs: number;
  private readonly onProblem: (message: string) => void;
  private readonly workerModule: string;
  private readonly cache: LruCache<string, readonly Token[]>;
  /** Requests for the same text while one is with the worker share its answer. */
  private readonly inFlight = new Map<string, Promise<readonly Token[]>>();
  private readonly pending = new Map<number, Pending>();
  private readonly exitListeners = new Set<() => void>();
  private worker: ChildProcess | null = null;
  /** Whether the current worker has said its dictionary loaded. */
  private workerLoaded = false;
  private loadFailure: LoadFailure | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 0;

  constructor(options: TokenizerOptions = {}) {
    this.dictionary = options.dictionary ?? resolveDictionary();
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.timeoutBaseMs = options.timeoutBaseMs ?? DEFAULT_TIMEOUT_BASE_MS;
    this.timeoutMsPerKiloChar = options.timeoutMsPerKiloChar ?? DEFAULT_TIMEOUT_MS_PER_KILO_CHAR;
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    this.onProblem = options.onProblem ?? (() => undefined);
    this.workerModule = options.workerModule ?? join(__dirname, 'tokenizerWorker.js');
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
    const failure = this.loadFailure;
    if (failure && Date.now() < failure.retryAt) return Promise.reject(new TokenizerUnavailableError(failure.message, failure.retryAt));
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
    const worker = this.worker;
    // An idle worker is unreferenced: referenced again, so that its exit is awaited, not the end of the event loop.
    worker?.ref();
    this.terminate();
    if (worker && worker.exitCode === null && worker.signalCode === null) await new Promise((resolve) => worker.once('exit', resolve));
  }

  /**
   * Ends the worker at once, for the server's exit (where nothing can be awaited). SIGKILL, as a
   * stopped or stuck worker would not act on a request to end.
   */
  terminate(): void {
    this.clearIdleTimer();
    const worker = this.worker;
    if (!worker) return;
    this.fail(worker, new Error('the tokenizer worker was ended'));
    worker.kill('SIGKILL');
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
    const ms = this.timeoutBaseMs + (this.timeoutMsPerKiloChar * text.length) / 1000;
    return new Promise<Token[]>((resolve, reject) => {
      const deadline = setTimeout(() => this.timedOut(worker, ms), ms);
      this.pending.set(id, { resolve, reject, deadline });
      // A channel that broke (EPIPE, a worker that has just died) fails the call, not the server.
      worker.send({ id, text } satisfies TokenizeRequest, (error) => error && this.fail(worker, error));
    });
  }

  private start(): ChildProcess {
    const setup: WorkerSetup = { dictionary: this.dictionary };
    // The worker's own options only: it needs no debugger port or loader flags of the server.
    const worker = fork(this.workerModule, [JSON.stringify(setup)], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.stats.workerStarts++;
    this.workerLoaded = false;
    worker.on('message', (reply: WorkerReply) => this.received(worker, reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code, signal) => {
      if (this.worker === worker && !this.workerLoaded) this.loadFailed(`the worker ended while loading it (${signal ?? `code ${code}`})`);
      this.fail(worker, new Error(`the tokenizer worker exited (${signal ?? `code ${code}`})`));
      for (const listener of this.exitListeners) listener();
    });
    this.worker = worker;
    return worker;
  }

  private received(worker: ChildProcess, reply: WorkerReply): void {
    if (this.worker !== worker) return;
    if (reply.type === 'loaded') {
      this.workerLoaded = true;
      this.stats.loaded = { dictionary: reply.dictionary, ms: reply.loadMs };
      if (this.loadFailure) this.onProblem(`the kuromoji dictionary at ${this.dictionary} loaded; topics are found again`);
      this.loadFailure = null;
      return;
    }
    if (reply.type === 'loadFailed') {
      this.loadFailed(reply.message);
      return;
    }
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (pending) clearTimeout(pending.deadline);
    if (reply.type === 'failed') pending?.reject(new Error(`the tokenizer failed: ${reply.message}`));
    else {
      this.stats.tokenizeMs += reply.ms;
      pending?.resolve(reply.tokens);
    }
    if (this.pending.size === 0) this.becomeIdle(worker);
  }

  /** Fails what is pending, and waits longer each time before a call may start a worker again. */
  private loadFailed(reason: string): void {
    const waitMs = this.loadFailure ? Math.min(2 * this.loadFailure.waitMs, MAX_RETRY_MS) : this.retryMs;
    const message = `the kuromoji dictionary at ${this.dictionary} did not load: ${reason}`;
    // Said once, not on every try while it keeps failing the same way. The dictionary's files load
    // side by side, so which one fails first (base.dat.gz, check.dat.gz …) changes from try to try.
    const way = reason.split(':')[0];
    if (this.loadFailure?.way !== way) this.onProblem(`${message}. Topics are off; loading is tried again later, less often each time`);
    this.loadFailure = { message, way, retryAt: Date.now() + waitMs, waitMs };
    const worker = this.worker;
    if (worker) this.fail(worker, new TokenizerUnavailableError(message, this.loadFailure.retryAt));
  }

  private timedOut(worker: ChildProcess, ms: number): void {
    if (this.worker !== worker) return;
    this.stats.timeouts++;
    this.fail(worker, new TokenizerTimeoutError(ms));
    worker.kill('SIGKILL');
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
    for (const pending of this.pending.values()) {
      clearTimeout(pending.deadline);
      pending.reject(error);
    }
    this.pending.clear();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

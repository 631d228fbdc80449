// The cold index's parsing spread over the machine's cores: worker threads that each summarise a
// share of a batch of texts, started at the first batch and ended after a while without one, so
// that their heaps go once the index is built. The server's thread reads the files and stays free
// for requests meanwhile.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BatchSummarizer } from '../corpus/summaryStore';
import type { FileSummary } from '../corpus/summary';

export interface SummaryRequest {
  readonly id: number;
  readonly texts: readonly string[];
  readonly peopleText: string | null;
}

export interface SummaryReply {
  readonly id: number;
  readonly results: (FileSummary | string)[];
}

export interface SummaryWorkersOptions {
  /** How many threads (default: one per core but the server's, which parses a share too; at most three). */
  readonly threads?: number;
  /** How long the threads stay after their last batch (10 s). */
  readonly idleMs?: number;
  /** The worker's module: summaryWorker.js beside this one (or the server bundle). */
  readonly workerModule?: string;
}

const DEFAULT_IDLE_MS = 10_000;
const MAX_THREADS = 3;

interface Waiting {
  resolve(results: (FileSummary | string)[]): void;
  reject(error: Error): void;
}

export class SummaryWorkers implements BatchSummarizer {
  private workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  readonly threads: number;
  private readonly idleMs: number;
  private readonly workerModule: string;

  constructor(options: SummaryWorkersOptions = {}) {
    this.threads = Math.max(1, options.threads ?? Math.min(availableParallelism() - 1, MAX_THREADS));
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.workerModule = options.workerModule ?? join(__dirname, 'summaryWorker.js');
  }

  async summarize(texts: readonly string[], peopleText: string | null): Promise<(FileSummary | string)[]> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    try {
      this.start();
      // Contiguous shares of about equal length in characters, one per thread.
      const shares = shareOut(texts, this.workers.length);
      const replies = await Promise.all(shares.map((share, i) => this.ask(this.workers[i], share, peopleText)));
      return replies.flat();
    } finally {
      this.idleTimer = setTimeout(() => this.dispose(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  /** Ends the threads; the next batch starts them again. */
  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const workers = this.workers;
    this.workers = [];
    for (const worker of workers) void worker.terminate();
    this.failAll(new Error('the summary workers were ended'));
  }

  private start(): void {
    while (this.workers.length < this.threads) {
      const worker = new Worker(this.workerModule);
      worker.unref();
      worker.on('message', (reply: SummaryReply) => this.received(reply));
      worker.on('error', (error) => this.lost(worker, error));
      worker.on('exit', (code) => this.lost(worker, new Error(`a summary worker exited (code ${code})`)));
      this.workers.push(worker);
    }
  }

  private ask(worker: Worker, texts: readonly string[], peopleText: string | null): Promise<(FileSummary | string)[]> {
    if (texts.length === 0) return Promise.resolve([]);
    const id = this.nextId++;
    const request: SummaryRequest = { id, texts, peopleText };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  private received(reply: SummaryReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    waiting?.resolve(reply.results);
  }

  /** A thread that failed or exited takes every batch in flight with it: the index parses those itself. */
  private lost(worker: Worker, error: Error): void {
    if (!this.workers.includes(worker)) return;
    this.workers = this.workers.filter((other) => other !== worker);
    this.failAll(error);
  }

  private failAll(error: Error): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { reject } of waiting) reject(error);
  }
}

/** Splits texts into `count` contiguous shares of about the same total length. */
export function shareOut(texts: readonly string[], count: number): (readonly string[])[] {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  const shares: string[][] = [[]];
  let filled = 0;
  for (const text of texts) {
    if (filled >= (total * shares.length) / count && shares.length < count) shares.push([]);
    shares[shares.length - 1].push(text);
    filled += text.length;
  }
  return shares;
}

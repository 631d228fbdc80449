// Each file's summary with the time, size and hash it was made for: read from the cache when the
// file is unchanged, else summarised again. The build's pass hands the texts to parse to a batch
// summariser (worker threads, when the server gives one) and keeps the files in the order listed.

import type { PeopleIndex } from '../knowledge/people';
import type { ReadoutParser } from '../parse/parser';
import type { CacheEntry } from './cacheStore';
import { FileSummary, SUMMARY_FORMAT, contentHash, summarize } from './summary';
import type { FileTopics } from './topics';
import type { CancellationToken } from './types';
import type { CorpusWorkspace, FileStat } from './workspace';

export interface StoredSummary {
  summary: FileSummary;
  mtimeMs: number;
  size: number;
  topics: FileTopics | null;
}

/** Summaries of many texts at once, off the server's thread. */
export interface BatchSummarizer {
  /** How many threads share a batch (the caller's own thread parses a share beside them). */
  readonly threads: number;
  /**
   * Each text's summary, in order, or the message of what failed for that text. `peopleText` is the
   * workspace's people.json (null: none), so that names resolve as they do on the server's thread.
   * Rejects when the summariser itself failed: the caller then summarises the texts itself.
   */
  summarize(texts: readonly string[], peopleText: string | null): Promise<(FileSummary | string)[]>;
}

export interface SummaryStoreHost {
  readonly workspace: CorpusWorkspace;
  readonly parser: ReadoutParser;
  people(): PeopleIndex;
  peopleText(): string | null;
  /** An open editor's text, which stands for the file. */
  overlay(uri: string): string | undefined;
  onProblem(message: string): void;
  readonly summarizer?: BatchSummarizer;
}

/** A file whose text must be summarised. */
interface Pending {
  readonly uri: string;
  readonly text: string;
  readonly hash: string;
  readonly stat: FileStat | undefined;
  readonly cached: CacheEntry | undefined;
}

/** How many files the build's pass stats, reads and summarises together. */
const PASS_BATCH = 64;
/** Fewer texts than this to summarise are parsed here: a worker's start costs more. */
const SUMMARIZER_MIN_TEXTS = 8;
/**
 * With a single thread beside the server's, the threads' start, warm-up and copying of summaries
 * cost about what they save (measured on two cores: 5,000 readouts 7.2 s here, 6.6–7.1 s with one
 * thread, a quarter more CPU time): batches go to threads from two on, a machine of three cores or more.
 */
const SUMMARIZER_MIN_THREADS = 2;
/** How many files are summarised here between yields to the event loop, so requests are served meanwhile. */
const YIELD_EVERY = 8;

const isFresh = (summary: FileSummary | undefined): summary is FileSummary => summary?.format === SUMMARY_FORMAT;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

export class SummaryStore {
  readonly entries = new Map<string, StoredSummary>();
  /** Whether the entries hold something the cache file does not. */
  unsaved = false;
  /** How many texts the batch summariser parsed (the host's parser counts the others). */
  parsedElsewhere = 0;
  private summarizerFailed = false;

  constructor(private readonly host: SummaryStoreHost) {}

  /** Summarises one file from the cache when its size, time or content hash is unchanged. */
  async load(uri: string, cached?: CacheEntry, asked?: Promise<FileStat | undefined>): Promise<void> {
    const pending = await this.prepare(uri, cached, asked);
    if (pending) this.complete(pending, this.summarized(pending.uri, pending.text));
  }

  /**
   * The build's pass over the listed files, `progress` told after each batch; the entries keep the
   * listing's order. Stops early when cancelled.
   */
  async loadAll(uris: readonly string[], cache: ReadonlyMap<string, CacheEntry>, pathOf: (uri: string) => string, progress: (done: number) => void, token?: CancellationToken): Promise<void> {
    for (let from = 0; from < uris.length && !token?.isCancellationRequested; from += PASS_BATCH) {
      const batch = uris.slice(from, from + PASS_BATCH);
      // File times are asked for many at once: one by one, a warm start would wait on each in turn.
      const stats = batch.map((uri) => this.host.workspace.stat(uri));
      const pending: Pending[] = [];
      for (let i = 0; i < batch.length; i++) {
        const file = await this.prepare(batch[i], cache.get(pathOf(batch[i])), stats[i]);
        if (file) pending.push(file);
      }
      await this.summarizeAll(pending);
      progress(Math.min(from + PASS_BATCH, uris.length));
      await nextTurn();
    }
    this.keepOrder(uris);
  }

  /**
   * Summarises a batch: the summariser's threads take their shares while this thread parses one
   * share of its own, a few texts between yields, so every core works and requests are still served.
   */
  private async summarizeAll(pending: readonly Pending[]): Promise<void> {
    const summarizer = this.summarizerFailed ? undefined : this.host.summarizer;
    const useThreads = summarizer !== undefined && summarizer.threads >= SUMMARIZER_MIN_THREADS && pending.length >= SUMMARIZER_MIN_TEXTS;
    const ownShare = useThreads ? Math.floor(pending.length / (summarizer.threads + 1)) : pending.length;
    const sent = pending.slice(ownShare);
    const elsewhere = useThreads ? summarizer.summarize(sent.map((file) => file.text), this.host.peopleText()).catch((error: unknown) => this.summarizerLost(error)) : null;
    const own: (FileSummary | null)[] = [];
    for (let i = 0; i < ownShare; i++) {
      own.push(this.summarized(pending[i].uri, pending[i].text));
      if ((i + 1) % YIELD_EVERY === 0) await nextTurn();
    }
    const results = (await elsewhere) ?? null;
    pending.slice(0, ownShare).forEach((file, i) => this.complete(file, own[i]));
    if (results) {
      this.parsedElsewhere += sent.length;
      sent.forEach((file, i) => this.complete(file, typeof results[i] === 'string' ? this.notIndexed(file.uri, results[i] as string) : (results[i] as FileSummary)));
    } else {
      for (let i = 0; i < sent.length; i++) {
        this.complete(sent[i], this.summarized(sent[i].uri, sent[i].text));
        if ((i + 1) % YIELD_EVERY === 0) await nextTurn();
      }
    }
  }

  private summarizerLost(error: unknown): null {
    this.summarizerFailed = true;
    this.host.onProblem(`summarising in worker threads failed (${(error as Error)?.message ?? String(error)}); the server's thread summarises instead`);
    return null;
  }

  /** Sets what the cache or an earlier summary already gives; returns the text to summarise otherwise. */
  private async prepare(uri: string, cached: CacheEntry | undefined, asked?: Promise<FileStat | undefined>): Promise<Pending | null> {
    const overlay = this.host.overlay(uri);
    const stat = overlay === undefined ? await (asked ?? this.host.workspace.stat(uri)) : undefined;
    if (overlay === undefined && !stat) {
      // Deleted or renamed since it was listed: its 'deleted' or 'created' event follows.
      this.host.onProblem(`${uri}: gone before it could be read`);
      this.entries.delete(uri);
      return null;
    }
    if (cached && stat && isFresh(cached.summary) && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      this.entries.set(uri, { summary: cached.summary, mtimeMs: stat.mtimeMs, size: stat.size, topics: cached.topics ?? null });
      return null;
    }
    this.unsaved = true;
    let text: string;
    try {
      text = overlay ?? (await this.host.workspace.readText(uri));
    } catch (error) {
      this.host.onProblem(`${uri}: ${(error as Error).message}`);
      this.entries.delete(uri);
      return null;
    }
    const hash = contentHash(text);
    const known = cached && isFresh(cached.summary) && cached.hash === hash ? cached.summary : this.entries.get(uri)?.summary;
    const file = { uri, text, hash, stat, cached };
    if (!(known && known.hash === hash && isFresh(known))) return file;
    this.complete(file, known);
    return null;
  }

  private complete(file: Pending, summary: FileSummary | null): void {
    if (!summary) return;
    const topics = [file.cached?.topics, this.entries.get(file.uri)?.topics].find((t) => t?.hash === file.hash) ?? null;
    this.entries.set(file.uri, { summary, mtimeMs: file.stat?.mtimeMs ?? 0, size: file.stat?.size ?? 0, topics });
  }

  /** A fresh summary, or null (with one problem line, the file left out) if summarising throws. */
  private summarized(uri: string, text: string): FileSummary | null {
    try {
      return summarize(text, this.host.parser, this.host.people());
    } catch (error) {
      return this.notIndexed(uri, (error as Error)?.message ?? String(error));
    }
  }

  private notIndexed(uri: string, why: string): null {
    this.host.onProblem(`${uri}: not indexed (${why})`);
    this.entries.delete(uri);
    return null;
  }

  /** Entries in the listing's order, as a pass one file at a time would leave them. */
  private keepOrder(uris: readonly string[]): void {
    const ordered = uris.flatMap((uri) => {
      const entry = this.entries.get(uri);
      return entry ? [[uri, entry] as const] : [];
    });
    if (ordered.length !== this.entries.size) return;
    this.entries.clear();
    for (const [uri, entry] of ordered) this.entries.set(uri, entry);
  }
}

// The corpus index: every readout of the workspace summarised once, kept up to date per file, and
// persisted by content hash so that a restart parses only what changed. People and meeting
// references are resolved over the whole corpus after each change (cheap: no parsing).

import { Person, PeopleIndex, nameKey } from '../knowledge/people';
import type { Tokenizer } from '../nlp/tokenizer';
import { ReadoutParser, defaultParser } from '../parse/parser';
import { CacheEntry, CacheStore, LoadedCache } from './cacheStore';
import { FileEventQueue } from './fileEvents';
import { CorpusLookups, IncomingReferences, Mentions } from './lookups';
import { OpenDocuments } from './openDocuments';
import { loadPeople, personById } from './people';
import { meetingAt, resolveFile, resolveReferences } from './resolver';
import { FileSummary, SUMMARY_FORMAT, summarize } from './summary';
import { BatchSummarizer, StoredSummary, SummaryStore } from './summaryStore';
import { CorpusTopics, FileTopics, TOPICS_FORMAT } from './topics';
import { CancellationToken, IndexState, IndexedFile, IndexedMeeting, ResolvedReference } from './types';
import { CorpusWorkspace, Disposable, uriToPath } from './workspace';

export interface CorpusIndexOptions {
  readonly parser?: ReadoutParser;
  /** A folder for the cache file (the extension's storage folder); no persistence without it. */
  readonly storagePath?: string | null;
  /** Text of `.kaidan/people.json`, read by the caller; null when there is none. */
  readonly readPeopleOverride?: () => Promise<string | null>;
  /** Whether the workspace is trusted (default true). An untrusted one's people.json is not read: it would decide whom hovers and links name. */
  readonly trusted?: boolean;
  readonly onProblem?: (message: string) => void;
  /** kuromoji, for the topics of each meeting (corpus/topics.ts); no topics without it. */
  readonly tokenizer?: Tokenizer;
  /** Summarises the cold index's texts off the server's thread; without it they are parsed here. */
  readonly summarizer?: BatchSummarizer;
}

export { CACHE_FILE } from './cacheStore';

export class CorpusIndex {
  private readonly store: SummaryStore;
  private readonly summaries: Map<string, StoredSummary>;
  private peopleText: string | null = null;
  private readonly overlays = new Map<string, string>();
  private files = new Map<string, IndexedFile>();
  private readonly listeners = new Set<(state: IndexState) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly parser: ReadoutParser;
  private people: PeopleIndex;
  private subscription: Disposable | null = null;
  private readonly fileEvents: FileEventQueue;
  private building: Promise<void> | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  /** Each file's resolved references, until the corpus is resolved again; a file no longer used takes its own along. */
  private referenceCache = new WeakMap<IndexedFile, ResolvedReference[]>();
  /** Entries of documents open in an editor, for the text they were made from. */
  private readonly openDocuments = new OpenDocuments<IndexedFile>();
  /** Counts resolutions of the corpus: an open document's entry is resolved again after each. */
  private resolutions = 0;
  private lastState: IndexState = { state: 'indexing', done: 0, total: 0, meetings: 0 };
  private parsedHere = 0;
  /** The meetings' topics, when a tokenizer was given. */
  readonly topics: CorpusTopics | null;

  constructor(
    private readonly workspace: CorpusWorkspace,
    private options: CorpusIndexOptions = {},
  ) {
    const parser = options.parser ?? defaultParser;
    this.parser = { parse: (text, lineMap) => (this.parsedHere++, parser.parse(text, lineMap)) };
    this.people = loadPeople().people;
    this.store = new SummaryStore({
      workspace,
      parser: this.parser,
      people: () => this.people,
      peopleText: () => this.peopleText,
      overlay: (uri) => this.overlays.get(uri),
      onProblem: (message) => this.options.onProblem?.(message),
      summarizer: options.summarizer,
    });
    this.summaries = this.store.entries;
    this.topics = options.tokenizer ? new CorpusTopics(this, options.tokenizer, (message) => this.options.onProblem?.(message)) : null;
    this.fileEvents = new FileEventQueue({
      reloadPeople: () => this.reloadPeople(),
      forget: (uri) => this.summaries.delete(uri),
      has: (uri) => this.summaries.has(uri),
      load: (uri) => this.store.load(uri),
      listFiles: () => this.workspace.listFiles(),
      changed: () => this.changed(),
      onProblem: (message) => this.options.onProblem?.(message),
    });
  }

  /** Options known only later (the language server's storage folder arrives with `initialize`). */
  configure(options: Pick<CorpusIndexOptions, 'storagePath' | 'readPeopleOverride' | 'trusted' | 'onProblem'>): void {
    this.options = { ...this.options, ...options };
  }

  /** How many texts were parsed, here or by the batch summariser (for tests of the cache). */
  get parses(): number {
    return this.parsedHere + this.store.parsedElsewhere;
  }

  get peopleIndex(): PeopleIndex {
    return this.people;
  }

  get state(): IndexState {
    return this.lastState;
  }

  onState(listener: (state: IndexState) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Fires after the index changed (a file added, changed or removed, people reloaded). */
  onDidChange(listener: () => void): Disposable {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  private emit(state: IndexState): void {
    this.lastState = state;
    for (const listener of this.listeners) listener(state);
  }

  /** Lists, reads and summarises the corpus; resolves once the index is complete. Later calls wait for the same build. */
  build(token?: CancellationToken): Promise<void> {
    this.building ??= this.runBuild(token).catch((error) => this.buildFailed(error));
    return this.building;
  }

  /** A build that threw still leaves a server that answers, from what was indexed, and follows file events. */
  private buildFailed(error: unknown): void {
    this.options.onProblem?.(`indexing stopped: ${(error as Error)?.message ?? String(error)}; the index holds what was read before`);
    this.subscription ??= this.workspace.onDidChangeFiles((events) => this.fileEvents.push(events));
    this.emit({ state: 'ready', done: this.files.size, total: this.files.size, meetings: this.lookups?.meetings.length ?? 0 });
  }

  private async runBuild(token?: CancellationToken): Promise<void> {
    await this.reloadPeople();
    const uris = await this.workspace.listFiles();
    const { entries: cached, dropped } = this.loadCache();
    // What the cache holds is there at once (the Meetings view, workspace symbols); the pass below checks each file.
    this.install(uris.flatMap((uri) => {
      const summary = cached.get(uriToPath(uri))?.summary;
      return summary?.format === SUMMARY_FORMAT ? [[uri, summary] as const] : [];
    }));
    this.emit({ state: 'indexing', done: 0, total: uris.length, meetings: this.meetings().length });
    await this.store.loadAll(uris, cached, uriToPath, (done) => this.emit({ state: 'indexing', done, total: uris.length, meetings: 0 }), token);
    this.subscription ??= this.workspace.onDidChangeFiles((events) => this.fileEvents.push(events));
    // A warm start whose every file matched the cache keeps what it installed from it.
    const unchanged = this.files.size === this.summaries.size && [...this.summaries].every(([uri, { summary }]) => this.files.get(uri)?.summary === summary);
    if (!unchanged) this.resolveAll();
    // A warm start that found everything in the cache has nothing to write back.
    if (this.store.unsaved || dropped || cached.size !== this.summaries.size) this.saveCache();
    this.emit({ state: 'ready', done: uris.length, total: uris.length, meetings: this.meetings().length });
  }

  /** The current text of an indexed file: the editor's when it is open, else the disk's; null when unreadable. */
  async textOf(uri: string): Promise<string | null> {
    return this.overlays.get(uri) ?? (await this.workspace.readText(uri).catch(() => null));
  }

  /** The file's topic phrases, when computed for its current content. */
  storedTopics(uri: string): FileTopics | null {
    const entry = this.summaries.get(uri);
    const topics = entry?.topics;
    return topics && topics.format === TOPICS_FORMAT && topics.hash === entry.summary.hash ? topics : null;
  }

  /** Keeps topic phrases computed for a file's content (ignored when the file has changed since), and caches them. */
  storeTopics(uri: string, topics: FileTopics): void {
    const entry = this.summaries.get(uri);
    if (entry?.summary.hash !== topics.hash) return;
    entry.topics = topics;
    this.scheduleSave();
  }

  /** Counts changes of the corpus, so that what is derived from it can be kept until the next one. */
  get generation(): number {
    return this.changes;
  }

  private changes = 0;

  private changed(): void {
    this.changes++;
    this.resolveAll();
    this.scheduleSave();
    this.emit({ state: 'ready', done: this.summaries.size, total: this.summaries.size, meetings: this.meetings().length });
    for (const listener of this.changeListeners) listener();
  }

  private async reloadPeople(): Promise<void> {
    const unread = (error: unknown) => (this.options.onProblem?.((error as Error)?.message ?? String(error)), null);
    const text = this.options.trusted === false ? null : ((await this.options.readPeopleOverride?.().catch(unread)) ?? null);
    const { people, problems } = loadPeople(text);
    for (const problem of problems) this.options.onProblem?.(problem.message);
    this.people = people;
    this.peopleText = text;
  }

  /** An open editor's text, which stands for the file until `revert`. */
  async setOverlay(uri: string, text: string): Promise<void> {
    const inCorpus = this.summaries.has(uri);
    this.overlays.set(uri, text);
    if (!inCorpus) return;
    const before = this.summaries.get(uri)?.summary.hash;
    await this.store.load(uri);
    if (this.summaries.get(uri)?.summary.hash !== before) this.changed();
  }

  /** The editor closed: the file on disk counts again. */
  async revert(uri: string): Promise<void> {
    this.openDocuments.forget(uri);
    if (!this.overlays.delete(uri) || !this.summaries.has(uri)) return;
    this.summaries.get(uri)!.mtimeMs = -1;
    await this.store.load(uri);
    this.changed();
  }

  /** The index entry of a document with this text: the corpus's when it matches, else one made from the text (not added), kept until the text or the corpus changes. */
  fileFor(uri: string, text: string): IndexedFile {
    return this.openDocuments.fileFor(uri, text, this.resolutions, {
      known: (known) => this.files.get(known),
      summarize: (unsaved) => summarize(unsaved, this.parser, this.people),
      resolve: (file, summary, inCorpus) => this.resolveFile(file, summary, inCorpus),
    });
  }

  /** Drops what was kept for a document (closed in the editor); its overlay stays until `revert`. */
  forgetDocument(uri: string): void {
    this.openDocuments.forget(uri);
  }

  private resolveAll(): void {
    this.install([...this.summaries].map(([uri, { summary }]) => [uri, summary] as const));
  }

  private install(summaries: readonly (readonly [string, FileSummary])[]): void {
    const files = new Map<string, IndexedFile>();
    for (const [uri, summary] of summaries) files.set(uri, this.resolveFile(uri, summary, true));
    this.files = files;
    this.resolutions++;
    this.referenceCache = new WeakMap();
    this.lookups = null;
  }

  /** Lookups over the resolved files, built on first use after each change. */
  private lookups: CorpusLookups | null = null;

  private lookup(): CorpusLookups {
    this.lookups ??= new CorpusLookups(this.files);
    return this.lookups;
  }

  private resolveFile(uri: string, summary: FileSummary, inCorpus: boolean): IndexedFile {
    return resolveFile(uri, summary, inCorpus, this.people);
  }

  /** The meeting a line belongs to. */
  meetingAt(file: IndexedFile, line: number): IndexedMeeting | null {
    return meetingAt(file, line);
  }

  allFiles(): IndexedFile[] {
    return [...this.files.values()];
  }

  file(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  meetings(): IndexedMeeting[] {
    return this.lookup().meetings;
  }

  /** A person by id: from the knowledge file (and the workspace's people.json), or met in the corpus only. */
  person(id: string): Person | undefined {
    return personById(this.people, id) ?? this.lookup().inferredPeople().get(id);
  }

  /** Everyone who can be written so: the knowledge file's people, then the corpus's own. */
  peopleNamed(written: string): Person[] {
    const key = nameKey(written);
    const inferred = [...this.lookup().inferredPeople().values()].filter((person) => person.names.some((name) => nameKey(name) === key || name.endsWith(written)));
    return [...this.people.candidates(written), ...inferred];
  }

  /** Meetings the person took part in, newest first. */
  meetingsWith(personId: string): IndexedMeeting[] {
    return this.lookup().meetingsWith(personId);
  }

  /** Every place a person is named, per file. */
  mentionsOf(personId: string): Mentions {
    return this.lookup().mentionsOf(personId);
  }

  /** The file's meeting references, each with the corpus meeting it points at. */
  references(file: IndexedFile): ResolvedReference[] {
    let resolved = this.referenceCache.get(file);
    if (!resolved) {
      resolved = resolveReferences(file, this.people, (window) => this.lookup().meetingsDuring(window));
      this.referenceCache.set(file, resolved);
    }
    return resolved;
  }

  /** Meetings elsewhere whose references point at this file. */
  referencesTo(file: IndexedFile): IncomingReferences {
    return this.lookup().referencesTo(file, (other) => this.references(other));
  }

  dispose(): void {
    this.subscription?.dispose();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveCache();
    }
  }

  // --- persistence ---

  private cacheStore(): CacheStore | null {
    const folder = this.options.storagePath;
    return folder ? new CacheStore(folder, (message) => this.options.onProblem?.(message)) : null;
  }

  private loadCache(): LoadedCache {
    return this.cacheStore()?.load() ?? { entries: new Map(), dropped: false };
  }

  private scheduleSave(): void {
    this.store.unsaved = true;
    if (!this.options.storagePath) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveCache();
    }, 2000);
    this.saveTimer.unref?.();
  }

  private saveCache(): void {
    const store = this.cacheStore();
    if (!store) return;
    this.store.unsaved = false;
    store.save(this.cacheEntries());
  }

  private *cacheEntries(): Iterable<[path: string, entry: CacheEntry]> {
    for (const [uri, entry] of this.summaries) {
      // An editor's unsaved text is not what is on disk: keep it out of the cache.
      if (this.overlays.has(uri)) continue;
      yield [uriToPath(uri), { hash: entry.summary.hash, mtimeMs: entry.mtimeMs, size: entry.size, summary: entry.summary, topics: entry.topics }];
    }
  }
}

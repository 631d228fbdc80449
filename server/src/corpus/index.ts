// The corpus index: every readout of the workspace summarised once, kept up to date per file, and
// persisted by content hash so that a restart parses only what changed. People and meeting
// references are resolved over the whole corpus after each change (cheap: no parsing).

import { PeopleIndex } from '../knowledge/people';
import type { Tokenizer } from '../nlp/tokenizer';
import { ReadoutParser, defaultParser } from '../parse/parser';
import { CacheEntry, CacheStore, LoadedCache } from './cacheStore';
import { FileEventQueue } from './fileEvents';
import { OpenDocuments } from './openDocuments';
import { loadPeople } from './people';
import { fileNameOf } from './uris';
import { DateWindow, ReferenceContext, ResolvableReference, hasNearTime, referenceWindow, resolveReference, windowOf } from './references';
import { FileSummary, SUMMARY_FORMAT, SummaryReference, contentHash, summarize } from './summary';
import { CorpusTopics, FileTopics, TOPICS_FORMAT } from './topics';
import { CancellationToken, IndexState, IndexedFile, IndexedMeeting, ResolvedName, ResolvedReference } from './types';
import { CorpusWorkspace, Disposable, FileStat, uriToPath } from './workspace';

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
}

export { CACHE_FILE } from './cacheStore';
/** How many files are summarised between yields to the event loop, so requests are served while indexing. */
const BATCH = 8;
/** How many file times a build asks for at once. */
const STAT_BATCH = 64;

const FILE_NAME_DATE = /(\d{4})-(\d{2})(?:-(\d{2}))?/;

function fileNameDate(uri: string, monthDay: string | null): string | null {
  const match = FILE_NAME_DATE.exec(fileNameOf(uri));
  if (!match) return null;
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12) return null;
  // The text's month-day, when it has one, is more precise than the name's.
  const date = monthDay ? `${year}-${monthDay}` : day ? `${year}-${month}-${day}` : `${year}-${month}`;
  return windowOf(date) ? date : null;
}

/** The list under a key, created empty on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

interface Lookups {
  readonly meetings: IndexedMeeting[];
  readonly byPerson: Map<string, IndexedMeeting[]>;
  readonly namesByPerson: Map<string, { file: IndexedFile; names: ResolvedName[] }[]>;
  /** Dated meetings by the start of their date window, for finding those in a time window. */
  readonly dated: { meeting: IndexedMeeting; window: DateWindow }[];
  /** The longest date window (a year-only date), so that a search can start early enough. */
  readonly longest: number;
  /** References into each file, collected on first use. */
  incoming: Map<string, { from: IndexedFile; reference: ResolvedReference }[]> | null;
}

export class CorpusIndex {
  private readonly summaries = new Map<string, { summary: FileSummary; mtimeMs: number; size: number; topics: FileTopics | null }>();
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
  /** How many texts were parsed (for tests of the cache). */
  parses = 0;
  /** The meetings' topics, when a tokenizer was given. */
  readonly topics: CorpusTopics | null;

  constructor(
    private readonly workspace: CorpusWorkspace,
    private options: CorpusIndexOptions = {},
  ) {
    const parser = options.parser ?? defaultParser;
    this.parser = { parse: (text) => (this.parses++, parser.parse(text)) };
    this.people = loadPeople().people;
    this.topics = options.tokenizer ? new CorpusTopics(this, options.tokenizer, (message) => this.options.onProblem?.(message)) : null;
    this.fileEvents = new FileEventQueue({
      reloadPeople: () => this.reloadPeople(),
      forget: (uri) => this.summaries.delete(uri),
      has: (uri) => this.summaries.has(uri),
      load: (uri) => this.load(uri),
      listFiles: () => this.workspace.listFiles(),
      changed: () => this.changed(),
      onProblem: (message) => this.options.onProblem?.(message),
    });
  }

  /** Options known only later (the language server's storage folder arrives with `initialize`). */
  configure(options: Pick<CorpusIndexOptions, 'storagePath' | 'readPeopleOverride' | 'trusted' | 'onProblem'>): void {
    this.options = { ...this.options, ...options };
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
    this.emit({ state: 'indexing', done: 0, total: uris.length, meetings: 0 });
    let stats: Promise<FileStat | undefined>[] = [];
    for (let i = 0; i < uris.length; i++) {
      if (token?.isCancellationRequested) break;
      // File times are asked for many at once: one by one, a warm start would wait on each in turn.
      if (i % STAT_BATCH === 0) stats = uris.slice(i, i + STAT_BATCH).map((uri) => this.workspace.stat(uri));
      await this.load(uris[i], cached.get(uriToPath(uris[i])), stats[i % STAT_BATCH]);
      if ((i + 1) % BATCH === 0) {
        this.emit({ state: 'indexing', done: i + 1, total: uris.length, meetings: 0 });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.subscription ??= this.workspace.onDidChangeFiles((events) => this.fileEvents.push(events));
    this.resolveAll();
    // A warm start that found everything in the cache has nothing to write back.
    if (this.unsaved || dropped || cached.size !== this.summaries.size) this.saveCache();
    this.emit({ state: 'ready', done: uris.length, total: uris.length, meetings: this.meetings().length });
  }

  /** Summarises one file from the cache when its size, time or content hash is unchanged. */
  private async load(uri: string, cached?: CacheEntry, asked?: Promise<FileStat | undefined>): Promise<void> {
    const overlay = this.overlays.get(uri);
    const stat = overlay === undefined ? await (asked ?? this.workspace.stat(uri)) : undefined;
    if (overlay === undefined && !stat) {
      // Deleted or renamed since it was listed: its 'deleted' or 'created' event follows.
      this.options.onProblem?.(`${uri}: gone before it could be read`);
      this.summaries.delete(uri);
      return;
    }
    const fresh = (summary: FileSummary | undefined) => summary?.format === SUMMARY_FORMAT;
    if (cached && stat && fresh(cached.summary) && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      this.summaries.set(uri, { summary: cached.summary, mtimeMs: stat.mtimeMs, size: stat.size, topics: cached.topics ?? null });
      return;
    }
    this.unsaved = true;
    let text: string;
    try {
      text = overlay ?? (await this.workspace.readText(uri));
    } catch (error) {
      this.options.onProblem?.(`${uri}: ${(error as Error).message}`);
      this.summaries.delete(uri);
      return;
    }
    const hash = contentHash(text);
    const known = cached && fresh(cached.summary) && cached.hash === hash ? cached.summary : this.summaries.get(uri)?.summary;
    const summary = known && known.hash === hash && fresh(known) ? known : this.summarized(uri, text);
    if (!summary) return;
    const topics = [cached?.topics, this.summaries.get(uri)?.topics].find((t) => t?.hash === hash) ?? null;
    this.summaries.set(uri, { summary, mtimeMs: stat?.mtimeMs ?? 0, size: stat?.size ?? 0, topics });
  }

  /** A fresh summary, or null (with one problem line, the file left out) if summarising throws. */
  private summarized(uri: string, text: string): FileSummary | null {
    try {
      return summarize(text, this.parser, this.people);
    } catch (error) {
      this.options.onProblem?.(`${uri}: not indexed (${(error as Error)?.message ?? String(error)})`);
      this.summaries.delete(uri);
      return null;
    }
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
  }

  /** An open editor's text, which stands for the file until `revert`. */
  async setOverlay(uri: string, text: string): Promise<void> {
    const inCorpus = this.summaries.has(uri);
    this.overlays.set(uri, text);
    if (!inCorpus) return;
    const before = this.summaries.get(uri)?.summary.hash;
    await this.load(uri);
    if (this.summaries.get(uri)?.summary.hash !== before) this.changed();
  }

  /** The editor closed: the file on disk counts again. */
  async revert(uri: string): Promise<void> {
    this.openDocuments.forget(uri);
    if (!this.overlays.delete(uri) || !this.summaries.has(uri)) return;
    this.summaries.get(uri)!.mtimeMs = -1;
    await this.load(uri);
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
    const files = new Map<string, IndexedFile>();
    for (const [uri, { summary }] of this.summaries) files.set(uri, this.resolveFile(uri, summary, true));
    this.files = files;
    this.resolutions++;
    this.referenceCache = new WeakMap();
    this.lookups = null;
  }

  /** Lookups over the resolved files, built on first use after each change. */
  private lookups: Lookups | null = null;

  private lookup(): Lookups {
    if (this.lookups) return this.lookups;
    const meetings = [...this.files.values()].flatMap((file) => file.meetings);
    const byPerson = new Map<string, IndexedMeeting[]>();
    for (const meeting of meetings) {
      for (const id of new Set(meeting.personIds)) listIn(byPerson, id).push(meeting);
    }
    for (const [id, list] of byPerson) byPerson.set(id, byDateDescending(list));
    const namesByPerson = new Map<string, { file: IndexedFile; names: ResolvedName[] }[]>();
    for (const file of this.files.values()) {
      const perPerson = new Map<string, ResolvedName[]>();
      for (const name of file.names) if (name.personId) listIn(perPerson, name.personId).push(name);
      for (const [id, names] of perPerson) listIn(namesByPerson, id).push({ file, names });
    }
    const dated = meetings
      .map((meeting) => ({ meeting, window: windowOf(meeting.date) }))
      .filter((entry): entry is { meeting: IndexedMeeting; window: DateWindow } => entry.window !== null)
      .sort((a, b) => a.window.from - b.window.from);
    const longest = dated.reduce((max, entry) => Math.max(max, entry.window.to - entry.window.from), 0);
    this.lookups = { meetings, byPerson, namesByPerson, dated, longest, incoming: null };
    return this.lookups;
  }

  /** Meetings whose dates overlap a window (dates without a day span their month or year). */
  private meetingsDuring(window: DateWindow): IndexedMeeting[] {
    const { dated, longest } = this.lookup();
    let low = 0;
    let high = dated.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (dated[mid].window.from < window.from - longest) low = mid + 1;
      else high = mid;
    }
    const found: IndexedMeeting[] = [];
    for (let i = low; i < dated.length && dated[i].window.from <= window.to; i++) {
      if (dated[i].window.to >= window.from) found.push(dated[i].meeting);
    }
    return found;
  }

  private resolveFile(uri: string, summary: FileSummary, inCorpus: boolean): IndexedFile {
    const file: { -readonly [K in keyof IndexedFile]: IndexedFile[K] } = { uri, summary, meetings: [], main: null, names: [], inCorpus };
    file.meetings = summary.meetings.map((meeting, index) => {
      const date = meeting.date ?? fileNameDate(uri, meeting.monthDay);
      const dateSource = meeting.date ? 'text' : date ? 'file name' : null;
      const participants = meeting.participants.map((p) => ({
        ...p,
        personId: this.people.resolve(p.name, { title: p.title, date, country: p.country })?.id ?? null,
      }));
      const personIds = [...new Set(participants.flatMap((p) => (p.personId ? [p.personId] : [])))];
      return { file, index, summary: meeting, date, dateSource, participants, personIds } as IndexedMeeting;
    });
    file.main = file.meetings[summary.mainMeeting] ?? null;
    file.names = summary.names.map((name) => {
      const meeting = this.meetingAt(file, name.range.start.line);
      const date = meeting?.date ?? file.main?.date ?? null;
      // A bare family name in a meeting resolves to that meeting's participant of the same name first.
      const participant = meeting?.participants.find((p) => p.personId && (p.name === name.name || p.name.startsWith(name.name)));
      const personId =
        name.personId ?? participant?.personId ?? this.people.resolve(name.name, { title: name.title, date, country: name.country })?.id ?? null;
      return { ...name, personId };
    });
    return file;
  }

  /** The meeting a line belongs to. */
  meetingAt(file: IndexedFile, line: number): IndexedMeeting | null {
    return file.meetings.find((m) => m.summary.range.start.line <= line && line <= m.summary.range.end.line) ?? file.main;
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

  /** Meetings the person took part in, newest first. */
  meetingsWith(personId: string): IndexedMeeting[] {
    return this.lookup().byPerson.get(personId) ?? [];
  }

  /** Every place a person is named, per file. */
  mentionsOf(personId: string): { file: IndexedFile; names: ResolvedName[] }[] {
    return this.lookup().namesByPerson.get(personId) ?? [];
  }

  /** The file's meeting references, each with the corpus meeting it points at. */
  references(file: IndexedFile): ResolvedReference[] {
    let resolved = this.referenceCache.get(file);
    if (!resolved) {
      resolved = file.summary.references
        .map((reference) => {
          const meeting = this.meetingAt(file, reference.range.start.line);
          const date = meeting?.date ?? file.main?.date ?? null;
          // Only meetings in the phrase's time window (or the document's own, for a phrase with no time) can be meant.
          const window = referenceWindow(reference.time, date) ?? windowOf(date);
          const candidates = window ? this.meetingsDuring(window).filter((other) => other.file.uri !== file.uri) : [];
          return {
            reference,
            target: resolveAmong(reference, { date, countries: meeting?.summary.countries ?? [], people: this.people }, candidates),
            window: referenceWindow(reference.time, date),
          };
        })
        .filter((entry) => entry.target !== null || hasNearTime(entry.reference) || foreignParties(entry.reference, file));
      this.referenceCache.set(file, resolved);
    }
    return resolved;
  }

  /** Meetings elsewhere whose references point at this file. */
  referencesTo(file: IndexedFile): { from: IndexedFile; reference: ResolvedReference }[] {
    const lookups = this.lookup();
    if (!lookups.incoming) {
      const incoming = new Map<string, { from: IndexedFile; reference: ResolvedReference }[]>();
      for (const other of this.files.values()) {
        for (const reference of this.references(other)) {
          const target = reference.target?.file.uri;
          if (target && target !== other.uri) listIn(incoming, target).push({ from: other, reference });
        }
      }
      lookups.incoming = incoming;
    }
    return lookups.incoming.get(file.uri) ?? [];
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
    this.unsaved = true;
    if (!this.options.storagePath) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveCache();
    }, 2000);
    this.saveTimer.unref?.();
  }

  /** Whether the summaries hold something the cache file does not. */
  private unsaved = false;

  private saveCache(): void {
    const store = this.cacheStore();
    if (!store) return;
    this.unsaved = false;
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

/** The reference's meeting among the candidates: resolution reads only what it needs of each, and answers with one of them. */
function resolveAmong(reference: ResolvableReference, context: ReferenceContext, candidates: readonly IndexedMeeting[]): IndexedMeeting | null {
  return resolveReference(reference, context, candidates) as IndexedMeeting | null;
}

/** A phrase naming other parties than the document's own ('米朝首脳会談' in a Japan–Russia readout) is worth showing unresolved. */
function foreignParties(reference: SummaryReference, file: IndexedFile): boolean {
  const own = file.main?.summary.countries ?? [];
  return reference.countries.length > 0 && reference.countries.some((code) => !own.includes(code));
}

export function byDateDescending(meetings: IndexedMeeting[]): IndexedMeeting[] {
  return meetings.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.uri.localeCompare(b.file.uri) || a.index - b.index);
}

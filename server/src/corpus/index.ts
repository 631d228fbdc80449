// The corpus index: every readout of the workspace summarised once, kept up to date per file, and
// persisted by content hash so that a restart parses only what changed. People and meeting
// references are resolved over the whole corpus after each change (cheap: no parsing).

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PeopleIndex } from '../knowledge/people';
import type { Tokenizer } from '../nlp/tokenizer';
import { ReadoutParser, defaultParser } from '../parse/parser';
import { loadPeople } from './people';
import { DateWindow, hasNearTime, referenceWindow, resolveReference, windowOf } from './references';
import { FileSummary, SUMMARY_FORMAT, SummaryMeeting, SummaryName, SummaryParticipant, SummaryReference, contentHash, summarize } from './summary';
import { CorpusTopics, FileTopics, TOPICS_FORMAT } from './topics';
import { CorpusWorkspace, Disposable, FileEvent, FileStat, uriToPath } from './workspace';

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface ResolvedParticipant extends SummaryParticipant {
  readonly personId: string | null;
}

export interface IndexedMeeting {
  readonly file: IndexedFile;
  readonly index: number;
  readonly summary: SummaryMeeting;
  /** The meeting's date: from the text, else from the file name ('2022-02' when only a month). */
  readonly date: string | null;
  readonly dateSource: 'text' | 'file name' | null;
  readonly participants: readonly ResolvedParticipant[];
  readonly personIds: readonly string[];
}

export interface ResolvedName extends SummaryName {
  readonly personId: string | null;
}

export interface IndexedFile {
  readonly uri: string;
  readonly summary: FileSummary;
  readonly meetings: readonly IndexedMeeting[];
  /** The document's main meeting (null for a file with none). */
  readonly main: IndexedMeeting | null;
  readonly names: readonly ResolvedName[];
  /** Whether the file belongs to the workspace corpus (false for a document only looked at). */
  readonly inCorpus: boolean;
}

export interface ResolvedReference {
  readonly reference: SummaryReference;
  /** The meeting it points at, or null when the corpus holds none that fits. */
  readonly target: IndexedMeeting | null;
  /** When it may have been, from the phrase and the document's date. */
  readonly window: DateWindow | null;
}

export type IndexState = { readonly state: 'indexing' | 'ready'; readonly done: number; readonly total: number; readonly meetings: number };

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

interface CacheEntry {
  readonly hash: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly summary: FileSummary;
  /** Computed after the summary, in the background: null until then. */
  readonly topics: FileTopics | null;
}

export const CACHE_FILE = 'corpus-index.json';
/** How many files are summarised between yields to the event loop, so requests are served while indexing. */
const BATCH = 8;
/** How many file times a build asks for at once. */
const STAT_BATCH = 64;

const FILE_NAME_DATE = /(\d{4})-(\d{2})(?:-(\d{2}))?/;

function fileNameDate(uri: string, monthDay: string | null): string | null {
  const match = FILE_NAME_DATE.exec(basename(uriToPath(uri)));
  if (!match) return null;
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12) return null;
  // The text's month-day, when it has one, is more precise than the name's.
  if (monthDay) return `${year}-${monthDay}`;
  return day ? `${year}-${month}-${day}` : `${year}-${month}`;
}

/**
 * A name as the cache file writes it: the name and its office on one line, as a tuple. Names are
 * most of a summary, and the cache is read whole at every start.
 */
type CompactName = [name: string, title: string | null, country: string | null, personId: string | null, line: number, start: number, end: number, fullStart: number, fullEnd: number];

function compactName(name: SummaryName): CompactName | SummaryName {
  const { range, fullRange } = name;
  const oneLine = range.start.line === range.end.line && fullRange.start.line === range.start.line && fullRange.end.line === range.start.line;
  return oneLine
    ? [name.name, name.title, name.country, name.personId, range.start.line, range.start.character, range.end.character, fullRange.start.character, fullRange.end.character]
    : name;
}

function expandName(written: CompactName | SummaryName): SummaryName {
  if (!Array.isArray(written)) return written;
  const [name, title, country, personId, line, start, end, fullStart, fullEnd] = written;
  const at = (character: number) => ({ line, character });
  return { name, title, country, personId, range: { start: at(start), end: at(end) }, fullRange: { start: at(fullStart), end: at(fullEnd) } };
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
  private building: Promise<void> | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  /** By uri, for the text of one hash: an edited document's references replace its earlier ones. */
  private referenceCache = new Map<string, { hash: string; resolved: ResolvedReference[] }>();
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
    this.building ??= this.runBuild(token);
    return this.building;
  }

  private async runBuild(token?: CancellationToken): Promise<void> {
    await this.reloadPeople();
    const uris = await this.workspace.listFiles();
    const cached = this.loadCache();
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
    this.subscription ??= this.workspace.onDidChangeFiles((events) => void this.applyEvents(events));
    this.resolveAll();
    // A warm start that found everything in the cache has nothing to write back.
    if (this.unsaved || cached.size !== this.summaries.size) this.saveCache();
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
    const summary = known && known.hash === hash && fresh(known) ? known : summarize(text, this.parser, this.people);
    const topics = [cached?.topics, this.summaries.get(uri)?.topics].find((t) => t?.hash === hash) ?? null;
    this.summaries.set(uri, { summary, mtimeMs: stat?.mtimeMs ?? 0, size: stat?.size ?? 0, topics });
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

  private async applyEvents(events: readonly FileEvent[]): Promise<void> {
    let changed = false;
    for (const event of events) {
      if (/[\\/]\.kaidan[\\/]people\.json$/.test(event.uri)) {
        await this.reloadPeople();
        changed = true;
        continue;
      }
      if (event.type === 'deleted') changed = this.summaries.delete(event.uri) || changed;
      else {
        const listed = event.type === 'created' ? (await this.workspace.listFiles()).includes(event.uri) : this.summaries.has(event.uri);
        if (!listed) continue;
        await this.load(event.uri);
        changed = true;
      }
    }
    if (changed) this.changed();
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
    const text = this.options.trusted === false ? null : ((await this.options.readPeopleOverride?.().catch(() => null)) ?? null);
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
    if (!this.overlays.delete(uri) || !this.summaries.has(uri)) return;
    this.summaries.get(uri)!.mtimeMs = -1;
    await this.load(uri);
    this.changed();
  }

  /** The index entry of a document with this text: the corpus's when it matches, else one made now (not added). */
  fileFor(uri: string, text: string): IndexedFile {
    const known = this.files.get(uri);
    const hash = contentHash(text);
    if (known && known.summary.hash === hash) return known;
    const summary = summarize(text, this.parser, this.people);
    return this.resolveFile(uri, summary, known !== undefined);
  }

  private resolveAll(): void {
    const files = new Map<string, IndexedFile>();
    for (const [uri, { summary }] of this.summaries) files.set(uri, this.resolveFile(uri, summary, true));
    this.files = files;
    this.referenceCache = new Map();
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
    const cached = this.referenceCache.get(file.uri);
    let resolved = cached?.hash === file.summary.hash ? cached.resolved : undefined;
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
            target: resolveReference(reference, { date, countries: meeting?.summary.countries ?? [], people: this.people }, candidates),
            window: referenceWindow(reference.time, date),
          };
        })
        .filter((entry) => entry.target !== null || hasNearTime(entry.reference) || foreignParties(entry.reference, file));
      this.referenceCache.set(file.uri, { hash: file.summary.hash, resolved });
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

  private cachePath(): string | null {
    return this.options.storagePath ? join(this.options.storagePath, CACHE_FILE) : null;
  }

  /** The cache file's entries by path; empty when it is missing, unreadable, truncated or of another format. */
  private loadCache(): Map<string, CacheEntry> {
    const path = this.cachePath();
    const entries = new Map<string, CacheEntry>();
    if (!path) return entries;
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as { format?: number; files?: Record<string, CacheEntry> };
      if (data.format !== SUMMARY_FORMAT || typeof data.files !== 'object' || data.files === null) return entries;
      for (const [file, entry] of Object.entries(data.files)) {
        if (typeof entry?.hash === 'string' && entry.summary?.format === SUMMARY_FORMAT && Array.isArray(entry.summary.names)) {
          entries.set(file, { ...entry, summary: { ...entry.summary, names: entry.summary.names.map(expandName) } });
        }
      }
    } catch {
      // Missing or corrupt: rebuilt from the files.
    }
    return entries;
  }

  private scheduleSave(): void {
    this.unsaved = true;
    if (!this.cachePath()) return;
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
    const path = this.cachePath();
    if (!path) return;
    this.unsaved = false;
    const files: Record<string, CacheEntry> = {};
    for (const [uri, entry] of this.summaries) {
      // An editor's unsaved text is not what is on disk: keep it out of the cache.
      if (this.overlays.has(uri)) continue;
      const summary = { ...entry.summary, names: entry.summary.names.map(compactName) };
      files[uriToPath(uri)] = { hash: entry.summary.hash, mtimeMs: entry.mtimeMs, size: entry.size, summary: summary as unknown as FileSummary, topics: entry.topics };
    }
    try {
      mkdirSync(this.options.storagePath!, { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ format: SUMMARY_FORMAT, files }));
      renameSync(temporary, path);
    } catch (error) {
      this.options.onProblem?.(`cannot write the index cache: ${(error as Error).message}`);
    }
  }
}

/** A phrase naming other parties than the document's own ('米朝首脳会談' in a Japan–Russia readout) is worth showing unresolved. */
function foreignParties(reference: SummaryReference, file: IndexedFile): boolean {
  const own = file.main?.summary.countries ?? [];
  return reference.countries.length > 0 && reference.countries.some((code) => !own.includes(code));
}

export function byDateDescending(meetings: IndexedMeeting[]): IndexedMeeting[] {
  return meetings.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.uri.localeCompare(b.file.uri) || a.index - b.index);
}

export { windowOf };

// The corpus as the index sees it: files under folders, their text, and change events. The
// language server backs it with the disk (and the client's file watcher); tests with memory.

import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { READOUT_MAX_BYTES, UnreadableFileError, decodeText } from '../io/readText';
import { RegularFileLimits, readRegularFile } from '../io/regularFile';
import { looksLikeReadout } from '../parse/detect';
import { CorpusFilter, CorpusGlobs, corpusFilter } from './globs';

export interface FileStat {
  readonly mtimeMs: number;
  readonly size: number;
}

export type FileEvent = { readonly type: 'created' | 'changed' | 'deleted'; readonly uri: string };

export interface Disposable {
  dispose(): void;
}

export interface CorpusWorkspace {
  /** Every readout under the workspace folders that the include/exclude globs admit. */
  listFiles(): Promise<string[]>;
  /** The text of a file on disk (never an open editor's). Throws when it cannot be read as text. */
  readText(uri: string): Promise<string>;
  stat(uri: string): Promise<FileStat | undefined>;
  onDidChangeFiles(listener: (events: readonly FileEvent[]) => void): Disposable;
}

export type { CorpusGlobs } from './globs';

export const DEFAULT_GLOBS: CorpusGlobs = {
  include: ['**/*.readout', '**/*.readout.txt', '**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**', '**/.kaidan/**'],
};

/** A plain .txt is a readout only when it reads like one; .readout and .readout.txt always are. */
export function isReadoutName(uri: string): 'yes' | 'maybe' {
  return /\.readout(\.txt)?$/i.test(uri) ? 'yes' : 'maybe';
}

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** A plain .txt is sniffed by its head: enough bytes for the 8,000 characters `looksLikeReadout` reads, in any supported encoding. */
const SNIFF_BYTES = 32 * 1024;
/** A people file is a few hundred entries; one far larger is not one. */
const PEOPLE_MAX_BYTES = 4 * 1024 * 1024;
/** How many plain .txt files a listing sniffs, and how many folder entries it looks at, between yields to the event loop. */
const SNIFF_CHUNK = 32;
const WALK_CHUNK = 256;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The disk under some folders. Events come from outside (the client's watcher), through `fire`. */
export class DiskWorkspace implements CorpusWorkspace {
  private readonly listeners = new Set<(events: readonly FileEvent[]) => void>();

  private filter: CorpusFilter;

  /** Refused globs are reported through onProblem and left out. */
  constructor(
    private folders: readonly string[],
    globs: CorpusGlobs = DEFAULT_GLOBS,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {
    this.filter = this.compile(globs);
  }

  /** The language server learns folders and globs from `initialize`, after it made the workspace. */
  configure(folders: readonly string[], globs?: CorpusGlobs): void {
    this.folders = folders;
    if (globs) this.filter = this.compile(globs);
  }

  private compile(globs: CorpusGlobs): CorpusFilter {
    const filter = corpusFilter(globs);
    for (const problem of filter.problems) this.onProblem(problem);
    return filter;
  }

  /** The first folder's `.kaidan/people.json`, or null. Throws, with one line, when there is one that cannot be read. */
  async readPeopleOverride(): Promise<string | null> {
    for (const folder of this.folders) {
      const path = join(folder, '.kaidan', 'people.json');
      try {
        return decodeText(readRegularFile(path, { root: folder, maxBytes: PEOPLE_MAX_BYTES }), path).text;
      } catch (error) {
        // None in this folder.
        if (error instanceof UnreadableFileError && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) continue;
        throw error;
      }
    }
    return null;
  }

  /** Whether a file (by uri) belongs to the corpus by its path alone. */
  admits(uri: string): boolean {
    const path = uriToPath(uri);
    return this.folders.some((folder) => {
      const rel = relative(folder, path);
      return !rel.startsWith('..') && this.filter.admits(rel.split(sep).join('/'));
    });
  }

  async listFiles(): Promise<string[]> {
    const found: string[] = [];
    for (const folder of this.folders) await this.walk(folder, folder, found);
    const readouts: string[] = [];
    let sniffed = 0;
    for (const uri of found.sort()) {
      if (isReadoutName(uri) === 'yes') readouts.push(uri);
      else {
        if (++sniffed % SNIFF_CHUNK === 0) await nextTurn();
        if (this.sniff(uri)) readouts.push(uri);
      }
    }
    return readouts;
  }

  /** Collects the admitted files under a folder, giving the event loop a turn every few hundred entries. */
  private async walk(folder: string, root: string, found: string[]): Promise<void> {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (let i = 0; i < entries.length; i++) {
      if ((i + 1) % WALK_CHUNK === 0) await nextTurn();
      const entry = entries[i];
      const full = join(folder, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (entry.isDirectory()) {
        // Skip excluded folders without walking them.
        if (!this.filter.excludesFolder(rel)) await this.walk(full, root, found);
      } else if (entry.isFile() && this.filter.admits(rel)) found.push(pathToUri(full));
    }
  }

  /** Whether a plain .txt reads like a readout, from its head; what is not text is not one. */
  private sniff(uri: string): boolean {
    try {
      return looksLikeReadout(this.read(uri, SNIFF_BYTES));
    } catch {
      return false;
    }
  }

  async readText(uri: string): Promise<string> {
    return this.read(uri);
  }

  /** A file under one of the folders, refused when it is not a regular file inside that folder or too large. */
  private read(uri: string, headBytes?: number): string {
    const path = uriToPath(uri);
    const root = this.folders.find((folder) => {
      const rel = relative(folder, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
    if (root === undefined) throw new UnreadableFileError(`${path} is outside the workspace folders; not read`);
    const limits: RegularFileLimits = { root, maxBytes: READOUT_MAX_BYTES, headBytes };
    return decodeText(readRegularFile(path, limits), path, headBytes !== undefined).text;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const stat = statSync(uriToPath(uri));
      return { mtimeMs: stat.mtimeMs, size: stat.size };
    } catch {
      return undefined;
    }
  }

  onDidChangeFiles(listener: (events: readonly FileEvent[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  fire(events: readonly FileEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}

/** Files held in memory, for tests and for the CLI's fixed set of files. */
export class MemoryWorkspace implements CorpusWorkspace {
  private readonly files = new Map<string, { text: string; mtimeMs: number }>();
  private readonly listeners = new Set<(events: readonly FileEvent[]) => void>();
  private clock = 1;

  constructor(files: Iterable<[uri: string, text: string]> = []) {
    for (const [uri, text] of files) this.files.set(uri, { text, mtimeMs: this.clock++ });
  }

  async listFiles(): Promise<string[]> {
    return [...this.files.keys()].filter((uri) => isReadoutName(uri) === 'yes' || looksLikeReadout(this.files.get(uri)!.text)).sort();
  }

  async readText(uri: string): Promise<string> {
    const file = this.files.get(uri);
    if (!file) throw new Error(`${uri}: no such file`);
    return file.text;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = this.files.get(uri);
    return file && { mtimeMs: file.mtimeMs, size: file.text.length };
  }

  onDidChangeFiles(listener: (events: readonly FileEvent[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  write(uri: string, text: string): void {
    const type = this.files.has(uri) ? 'changed' : 'created';
    this.files.set(uri, { text, mtimeMs: this.clock++ });
    for (const listener of this.listeners) listener([{ type, uri }]);
  }

  delete(uri: string): void {
    if (!this.files.delete(uri)) return;
    for (const listener of this.listeners) listener([{ type: 'deleted', uri }]);
  }
}

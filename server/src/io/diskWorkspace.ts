// The corpus on disk: the workspace folders walked with the corpus globs, plain .txt files sniffed
// by their head, files read only when they are regular files inside a folder and not too large.
// Events come from the client's file watcher.

import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { CorpusFilter, CorpusGlobs, corpusFilter } from '../corpus/globs';
import { CorpusWorkspace, DEFAULT_GLOBS, Disposable, FileEvent, FileStat, isReadoutName, pathToUri, uriToPath } from '../corpus/workspace';
import { looksLikeReadout } from '../parse/detect';
import { READOUT_MAX_BYTES, UnreadableFileError, decodeText } from './readText';
import { RegularFileLimits, readRegularFile } from './regularFile';

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

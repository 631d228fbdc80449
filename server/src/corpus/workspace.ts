// The corpus as the index sees it: files under folders, their text, and change events. The
// language server backs it with the disk (and the client's file watcher); tests with memory.

import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readTextFile } from '../io/readText';
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

  /** The first folder's `.kaidan/people.json`, or null. */
  async readPeopleOverride(): Promise<string | null> {
    for (const folder of this.folders) {
      try {
        return readTextFile(join(folder, '.kaidan', 'people.json'));
      } catch {
        // None in this folder.
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
    const walk = (folder: string, root: string) => {
      let entries;
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = join(folder, entry.name);
        const rel = relative(root, full).split(sep).join('/');
        if (entry.isDirectory()) {
          // Skip excluded folders without walking them.
          if (!this.filter.excludesFolder(rel)) walk(full, root);
        } else if (entry.isFile() && this.filter.admits(rel)) found.push(pathToUri(full));
      }
    };
    for (const folder of this.folders) walk(folder, folder);
    const readouts: string[] = [];
    for (const uri of found.sort()) {
      if (isReadoutName(uri) === 'yes') readouts.push(uri);
      else {
        try {
          if (looksLikeReadout(readTextFile(uriToPath(uri)))) readouts.push(uri);
        } catch {
          // Not text: not a readout.
        }
      }
    }
    return readouts;
  }

  async readText(uri: string): Promise<string> {
    return readTextFile(uriToPath(uri));
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

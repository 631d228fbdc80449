// The corpus as the index sees it: files under folders, their text, and change events. The
// language server backs it with the disk (io/diskWorkspace.ts, and the client's file watcher);
// tests with memory. Nothing here reads a file.

import { fileURLToPath, pathToFileURL } from 'node:url';
import { looksLikeReadout } from '../parse/detect';
import { CorpusGlobs } from './globs';

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

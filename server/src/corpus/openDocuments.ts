// The index entries of documents open in an editor, whose text may be unsaved or outside the corpus:
// each document's entry is kept for the text it was made from, so that hovers and code lenses on
// one version summarise it once. An entry goes when its document closes, or when the open
// documents' texts exceed a bound, least recently used first.

import { LruCache } from '../nlp/lruCache';
import { FileSummary, contentHash } from './summary';

/** How many characters of open documents' texts their entries are kept for (about 16 MB of text). */
export const OPEN_DOCUMENT_CHARS = 8_000_000;

interface Entry<F> {
  /** The text the entry was made from: the editor's own string, so comparing it is mostly by identity. */
  readonly text: string;
  readonly summary: FileSummary;
  readonly file: F;
  /** Which resolution of the corpus the file was resolved against. */
  readonly resolution: number;
}

/** What the index lends to make an entry. */
export interface EntryMaker<F> {
  /** The corpus's own entry of the file, if it is in the corpus. */
  known(uri: string): F | undefined;
  summarize(text: string): FileSummary;
  resolve(uri: string, summary: FileSummary, inCorpus: boolean): F;
}

export class OpenDocuments<F extends { readonly summary: FileSummary }> {
  private readonly entries: LruCache<string, Entry<F>>;

  constructor(capacity = OPEN_DOCUMENT_CHARS) {
    this.entries = new LruCache(capacity);
  }

  /** The entry for a document's text, made again only when the text or the corpus changed since the last one. */
  fileFor(uri: string, text: string, resolution: number, maker: EntryMaker<F>): F {
    const entry = this.entries.get(uri);
    const sameText = entry?.text === text;
    if (sameText && entry.resolution === resolution) return entry.file;
    const known = maker.known(uri);
    const hash = sameText ? entry.summary.hash : contentHash(text);
    const summary = known?.summary.hash === hash ? known.summary : sameText ? entry.summary : maker.summarize(text);
    const file = known?.summary === summary ? known : maker.resolve(uri, summary, known !== undefined);
    this.entries.set(uri, { text, summary, file, resolution }, text.length);
    return file;
  }

  /** The document closed: its entry goes. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** How many documents have an entry. */
  get size(): number {
    return this.entries.size;
  }
}

// The index cache file in the extension's storage folder: every file's summary by path, with the
// file time and size it was made for. Read entry by entry against its schema: a bad entry is named
// and left out, the rest is used, and the file is then written again without it.

import { join } from 'node:path';
import { readRegularFile, writeFileAtomically } from '../io/regularFile';
import { CacheEntry, CompactName, cacheEntrySchema, cacheFileSchema } from './cacheSchema';
import { firstIssue } from './schemaIssue';
import { FileSummary, SUMMARY_FORMAT, SummaryName, nameFullRange, nameRange } from './summary';

export type { CacheEntry } from './cacheSchema';

export const CACHE_FILE = 'corpus-index.json';

/**
 * The largest cache file read. A corpus of tens of thousands of readouts stays far below it; past it
 * the file is not the index's own and is rebuilt.
 */
export const CACHE_MAX_BYTES = 256 * 1024 * 1024;

/** How many bad entries are named one by one; the rest are counted in one more line. */
const NAMED_BAD_ENTRIES = 10;

export interface LoadedCache {
  readonly entries: Map<string, CacheEntry>;
  /** Whether entries were left out, so that the file needs writing again. */
  readonly dropped: boolean;
}

/** A name as the cache file writes it: a tuple when it stands on one line, else with its two ranges. */
function writtenName(name: SummaryName): CompactName | object {
  const { line } = name;
  return name.endLine === line && name.fullLine === line && name.fullEndLine === line
    ? [name.name, name.title, name.country, name.personId, line, name.start, name.end, name.fullStart, name.fullEnd]
    : { name: name.name, title: name.title, country: name.country, personId: name.personId, range: nameRange(name), fullRange: nameFullRange(name) };
}

export class CacheStore {
  constructor(
    private readonly folder: string,
    private readonly onProblem: (message: string) => void,
  ) {}

  get path(): string {
    return join(this.folder, CACHE_FILE);
  }

  /** The entries by path; none when the file is missing, not a regular file, truncated or of another format. */
  load(): LoadedCache {
    const entries = new Map<string, CacheEntry>();
    let files: Record<string, unknown>;
    try {
      const bytes = readRegularFile(this.path, { root: this.folder, maxBytes: CACHE_MAX_BYTES });
      const parsed = cacheFileSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      // Another version's cache: rebuilt from the files without a word.
      if (!parsed.success) return { entries, dropped: false };
      files = parsed.data.files;
    } catch (error) {
      // Missing or cut short by a crash: rebuilt from the files. Anything else is worth a line.
      const code = (error as { code?: string }).code;
      if (code !== 'ENOENT' && !(error instanceof SyntaxError)) this.onProblem(`index cache not read: ${(error as Error).message}`);
      return { entries, dropped: false };
    }
    let bad = 0;
    for (const [path, written] of Object.entries(files)) {
      const entry = cacheEntrySchema.safeParse(written);
      if (entry.success) {
        entries.set(path, entry.data);
        continue;
      }
      if (++bad <= NAMED_BAD_ENTRIES) this.onProblem(`index cache: the entry for ${path} is malformed (${firstIssue(entry.error)}); that file is read again`);
    }
    if (bad > NAMED_BAD_ENTRIES) this.onProblem(`index cache: ${bad - NAMED_BAD_ENTRIES} more malformed entries left out`);
    return { entries, dropped: bad > 0 };
  }

  save(entries: Iterable<[path: string, entry: CacheEntry]>): void {
    const files: Record<string, unknown> = {};
    for (const [path, entry] of entries) {
      const summary: FileSummary = entry.summary;
      files[path] = { ...entry, summary: { ...summary, names: summary.names.map(writtenName) } };
    }
    try {
      writeFileAtomically(this.folder, this.path, JSON.stringify({ format: SUMMARY_FORMAT, files }));
    } catch (error) {
      this.onProblem(`cannot write the index cache: ${(error as Error).message}`);
    }
  }
}

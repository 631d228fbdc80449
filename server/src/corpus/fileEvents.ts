// File events from the watcher, applied in batches that leave the server free to answer: a checkout
// or an unzip brings thousands of 'created' events in one notification. Events for one file are
// merged, the workspace is listed at most once per batch, and the event loop gets a turn between
// the files read.

import type { FileEvent } from './workspace';

/** What the index does for the events; the queue decides when, and how many at once. */
export interface FileEventTarget {
  reloadPeople(): Promise<void>;
  /** Drops a file from the index; whether it was there. */
  forget(uri: string): boolean;
  has(uri: string): boolean;
  load(uri: string): Promise<void>;
  listFiles(): Promise<string[]>;
  /** Called once per batch that changed the index. */
  changed(): void;
  onProblem(message: string): void;
}

export const PEOPLE_FILE = /[\\/]\.kaidan[\\/]people\.json$/;

type Pending = Map<string, FileEvent['type']>;

/** A file created and then changed is still new; a deletion or a later creation replaces what came before. */
function merged(before: FileEvent['type'] | undefined, type: FileEvent['type']): FileEvent['type'] {
  return before === 'created' && type === 'changed' ? 'created' : type;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FileEventQueue {
  private pending: Pending = new Map();
  private running: Promise<void> | null = null;

  constructor(private readonly target: FileEventTarget) {}

  push(events: readonly FileEvent[]): void {
    for (const event of events) this.pending.set(event.uri, merged(this.pending.get(event.uri), event.type));
    this.running ??= this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const batch = this.pending;
        this.pending = new Map();
        try {
          await this.apply(batch);
        } catch (error) {
          this.target.onProblem(`file changes not applied: ${(error as Error).message ?? String(error)}`);
        }
      }
    } finally {
      this.running = null;
    }
  }

  private async apply(batch: Pending): Promise<void> {
    let changed = false;
    let people = false;
    const loads: string[] = [];
    const created: string[] = [];
    for (const [uri, type] of batch) {
      if (PEOPLE_FILE.test(uri)) people = true;
      else if (type === 'deleted') changed = this.target.forget(uri) || changed;
      else if (this.target.has(uri)) loads.push(uri);
      else if (type === 'created') created.push(uri);
    }
    // People first: the files read below are summarised with them.
    if (people) {
      await this.target.reloadPeople();
      changed = true;
    }
    if (created.length > 0) {
      const listed = new Set(await this.target.listFiles());
      loads.push(...created.filter((uri) => listed.has(uri)));
    }
    // A turn for requests between files: one long readout takes a tenth of a second to summarise.
    for (let i = 0; i < loads.length; i++) {
      if (i > 0) await nextTurn();
      await this.target.load(loads[i]);
      changed = true;
    }
    if (changed) this.target.changed();
  }
}

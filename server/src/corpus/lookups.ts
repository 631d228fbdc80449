// Lookups over the resolved files of one generation of the corpus: meetings by person, by date and
// by the files that reference them, and names by person. The index builds them on first use after
// each change and drops them at the next.

import { windowOf } from './referenceTime';
import type { DateWindow } from './referenceTime';
import type { Person } from '../knowledge/people';
import { inferPeople } from './inferredPeople';
import type { IndexedFile, IndexedMeeting, ResolvedName, ResolvedReference } from './types';

export type Mentions = { file: IndexedFile; names: ResolvedName[] }[];
export type IncomingReferences = { from: IndexedFile; reference: ResolvedReference }[];

/** The list under a key, created empty on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function byDateDescending(meetings: IndexedMeeting[]): IndexedMeeting[] {
  return meetings.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.uri.localeCompare(b.file.uri) || a.index - b.index);
}

export class CorpusLookups {
  readonly meetings: IndexedMeeting[];
  private readonly byPerson = new Map<string, IndexedMeeting[]>();
  private readonly namesByPerson = new Map<string, Mentions>();
  /** Dated meetings by the start of their date window, for finding those in a time window. */
  private readonly dated: { meeting: IndexedMeeting; window: DateWindow }[];
  /** The longest date window (a year-only date), so that a search can start early enough. */
  private readonly longest: number;
  /** References into each file, collected on first use. */
  private incoming: Map<string, IncomingReferences> | null = null;
  /** The people of the corpus the knowledge file does not hold, collected on first use. */
  private inferred: Map<string, Person> | null = null;

  constructor(private readonly files: ReadonlyMap<string, IndexedFile>) {
    this.meetings = [...files.values()].flatMap((file) => file.meetings);
    for (const meeting of this.meetings) {
      for (const id of new Set(meeting.personIds)) listIn(this.byPerson, id).push(meeting);
    }
    for (const [id, list] of this.byPerson) this.byPerson.set(id, byDateDescending(list));
    for (const file of files.values()) {
      const perPerson = new Map<string, ResolvedName[]>();
      for (const name of file.names) if (name.personId) listIn(perPerson, name.personId).push(name);
      for (const [id, names] of perPerson) listIn(this.namesByPerson, id).push({ file, names });
    }
    this.dated = this.meetings
      .map((meeting) => ({ meeting, window: windowOf(meeting.date) }))
      .filter((entry): entry is { meeting: IndexedMeeting; window: DateWindow } => entry.window !== null)
      .sort((a, b) => a.window.from - b.window.from);
    this.longest = this.dated.reduce((max, entry) => Math.max(max, entry.window.to - entry.window.from), 0);
  }

  /** The corpus's people whom the knowledge file does not hold, by id. */
  inferredPeople(): ReadonlyMap<string, Person> {
    this.inferred ??= inferPeople(this.meetings);
    return this.inferred;
  }

  /** Meetings the person took part in, newest first. */
  meetingsWith(personId: string): IndexedMeeting[] {
    return this.byPerson.get(personId) ?? [];
  }

  /** Every place a person is named, per file. */
  mentionsOf(personId: string): Mentions {
    return this.namesByPerson.get(personId) ?? [];
  }

  /** Meetings whose dates overlap a window (dates without a day span their month or year). */
  meetingsDuring(window: DateWindow): IndexedMeeting[] {
    const { dated, longest } = this;
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

  /** Meetings elsewhere whose references point at this file, from each file's resolved references. */
  referencesTo(file: IndexedFile, referencesOf: (file: IndexedFile) => ResolvedReference[]): IncomingReferences {
    if (!this.incoming) {
      const incoming = new Map<string, IncomingReferences>();
      for (const other of this.files.values()) {
        for (const reference of referencesOf(other)) {
          const target = reference.target?.file.uri;
          if (target && target !== other.uri) listIn(incoming, target).push({ from: other, reference });
        }
      }
      this.incoming = incoming;
    }
    return this.incoming.get(file.uri) ?? [];
  }
}

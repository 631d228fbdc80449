// A file's summary resolved against the people and the rest of the corpus: meeting dates (from the
// text, else the file name), participants and names as person ids, and meeting references as the
// corpus meetings they point at. Cheap (no parsing), so the index does it again after each change.

import type { PeopleIndex } from '../knowledge/people';
import { ReferenceContext, ResolvableReference, hasNearTime, namesThisEvent, resolveReference } from './references';
import { isEmptyWindow, referenceWindow, windowOf } from './referenceTime';
import type { DateWindow } from './referenceTime';
import type { FileSummary, SummaryReference } from './summary';
import type { IndexedFile, IndexedMeeting, ResolvedReference } from './types';
import { inferredPersonId } from './inferredPeople';
import { fileNameOf } from './uris';

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

/** The meeting a line belongs to. */
export function meetingAt(file: IndexedFile, line: number): IndexedMeeting | null {
  return file.meetings.find((m) => m.summary.range.start.line <= line && line <= m.summary.range.end.line) ?? file.main;
}

export function resolveFile(uri: string, summary: FileSummary, inCorpus: boolean, people: PeopleIndex): IndexedFile {
  const file: { -readonly [K in keyof IndexedFile]: IndexedFile[K] } = { uri, summary, meetings: [], main: null, names: [], inCorpus };
  file.meetings = summary.meetings.map((meeting, index) => {
    const date = meeting.date ?? fileNameDate(uri, meeting.monthDay);
    const dateSource = meeting.date ? 'text' : date ? 'file name' : null;
    const participants = meeting.participants.map((p) => ({
      ...p,
      personId: people.resolve(p.name, { title: p.title, date, country: p.country })?.id ?? inferredPersonId(p.name, p.title, p.country),
    }));
    const personIds = [...new Set(participants.flatMap((p) => (p.personId ? [p.personId] : [])))];
    return { file, index, summary: meeting, date, dateSource, participants, personIds } as IndexedMeeting;
  });
  file.main = file.meetings[summary.mainMeeting] ?? null;
  file.names = summary.names.map((name) => {
    const meeting = meetingAt(file, name.line);
    const date = meeting?.date ?? file.main?.date ?? null;
    // A bare family name in a meeting resolves to that meeting's participant of the same name first
    // (a Japanese name starts with it, a foreign one ends with it: 'イノケ・クルブアラ' and 'クルブアラ大臣').
    const participant = meeting?.participants.find(
      (p) => p.personId && (p.name === name.name || p.name.startsWith(name.name) || /^[ァ-ヴ]/.test(name.name) && p.name.endsWith(`・${name.name}`)),
    );
    // The participant goes first: alone, 'カン長官' could be anyone of that name ('カン・ギョンファ' is at the table).
    const personId =
      participant?.personId ??
      name.personId ??
      people.resolve(name.name, { title: name.title, date, country: name.country })?.id ??
      inferredPersonId(name.name, name.title, name.country);
    // Most names keep the parser's id: the summary's own object serves, with no copy per name.
    return personId === name.personId ? name : { ...name, personId };
  });
  return file;
}

/** The file's meeting references, each with the corpus meeting it points at, from the meetings of each time window. */
export function resolveReferences(file: IndexedFile, people: PeopleIndex, meetingsDuring: (window: DateWindow) => IndexedMeeting[]): ResolvedReference[] {
  return file.summary.references
    .map((reference) => {
      const meeting = meetingAt(file, reference.range.start.line);
      const date = meeting?.date ?? file.main?.date ?? null;
      // Only meetings in the phrase's time window (or the document's own, for a phrase with no time) can be meant.
      const written = referenceWindow(reference.time, date);
      const window = written ?? windowOf(date);
      const candidates = window && !isEmptyWindow(window) ? meetingsDuring(window).filter((other) => other.file.uri !== file.uri) : [];
      return {
        reference,
        target: resolveAmong(reference, { date, countries: meeting?.summary.countries ?? [], people }, candidates),
        window: written,
      };
    })
    .filter((entry) => entry.target !== null || (!namesThisEvent(entry.reference) && (hasNearTime(entry.reference) || foreignParties(entry.reference, file))));
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

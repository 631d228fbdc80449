// Hovers over a readout, from the corpus index: a person (who, which office, the corpus meetings
// with them), a meeting reference (the meeting it points at, or what is known of it), the title
// (the normalised metadata and where each value came from). All document text is escaped.

import { countryName } from '../knowledge/countries';
import { Person } from '../knowledge/people';
import { CancellationToken, CorpusIndex, IndexedFile, IndexedMeeting, ResolvedReference } from '../corpus/index';
import { displayName, officeOn } from '../corpus/people';
import { isoOfDay } from '../corpus/references';
import { contains, escapeMarkdown, fileLink } from './markdown';
import { meetingTitle } from './meetingItems';
import { Hover, Position, Range } from './types';

const MAX_LISTED = 20;

/** The person named at a position: a name in the text or a participant of a meeting. */
export function personAt(file: IndexedFile, position: Position): { personId: string | null; name: string; title: string | null; range: Range } | null {
  const name = file.names.find((n) => contains(n.range, position) || contains(n.fullRange, position));
  if (name) return { personId: name.personId, name: name.name, title: name.title, range: name.range };
  for (const meeting of file.meetings) {
    const participant = meeting.participants.find((p) => contains(p.range, position));
    if (participant) return { personId: participant.personId, name: participant.name, title: participant.title, range: participant.range };
  }
  return null;
}

export function referenceAt(index: CorpusIndex, file: IndexedFile, position: Position): ResolvedReference | null {
  return index.references(file).find((r) => contains(r.reference.range, position)) ?? null;
}

function meetingLine(meeting: IndexedMeeting): string {
  const facts = [meeting.date ?? '日付不明', meeting.summary.kind ?? '会談'].map(escapeMarkdown).join(' · ');
  return `${facts} · ${fileLink(meetingTitle(meeting), meeting.file.uri, meeting.summary.titleRange)}`;
}

function personHover(index: CorpusIndex, file: IndexedFile, found: NonNullable<ReturnType<typeof personAt>>): string {
  const person: Person | undefined = found.personId ? index.peopleIndex.people.find((p) => p.id === found.personId) : undefined;
  if (!person) {
    const candidates = index.peopleIndex.candidates(found.name).length;
    return `**${escapeMarkdown(found.name)}**${found.title ? ` ${escapeMarkdown(found.title)}` : ''}\n\n` +
      (candidates > 1 ? `${candidates} people of this name in the knowledge file; the text does not settle which.` : 'Not in the knowledge file (add it to .kaidan/people.json).');
  }
  const lines: string[] = [];
  const date = index.meetingAt(file, found.range.start.line)?.date ?? null;
  const office = officeOn(person, date);
  lines.push(`**${escapeMarkdown(displayName(person))}**${person.latin ? ` (${escapeMarkdown(person.latin)})` : ''}` +
    (office ? ` — ${escapeMarkdown(`${countryName(person.country)} ${office.title}`)}` : ''));
  lines.push('');
  lines.push(person.offices.map((o) => escapeMarkdown(`${o.title} ${o.from} – ${o.to ?? ''}`)).join('  \n'));
  const meetings = index.meetingsWith(person.id);
  lines.push('', `**Meetings in the corpus (${meetings.length})**, newest first:`, '');
  for (const meeting of meetings.slice(0, MAX_LISTED)) lines.push(`- ${meetingLine(meeting)}`);
  if (meetings.length > MAX_LISTED) lines.push(`- … ${meetings.length - MAX_LISTED} more`);
  const withMeetings = new Set(meetings.map((m) => m.file.uri));
  const namedIn = index.mentionsOf(person.id).filter((entry) => !withMeetings.has(entry.file.uri));
  if (namedIn.length) {
    lines.push('', `**Also named in (${namedIn.length})**:`, '');
    for (const { file: other, names } of namedIn.slice(0, MAX_LISTED)) {
      const date = other.main?.date ?? '日付不明';
      lines.push(`- ${escapeMarkdown(date)} · ${fileLink(other.summary.title ?? other.uri.split('/').pop()!, other.uri, names[0].range)} (${names.length})`);
    }
  }
  return lines.join('\n');
}

function referenceHover(resolved: ResolvedReference): string {
  const { reference, target, window } = resolved;
  const lines = [`**${escapeMarkdown(reference.text)}**`, ''];
  if (target) {
    lines.push(`→ ${meetingLine(target)}`, '');
    const facts = [
      target.summary.place && `場所: ${target.summary.place}`,
      target.summary.countries.length > 0 && target.summary.countries.map(countryName).join('・'),
      target.participants.length > 0 && target.participants.map((p) => p.name).join('、'),
    ].filter((fact): fact is string => typeof fact === 'string');
    if (facts.length) lines.push(facts.map(escapeMarkdown).join(' · '), '');
    for (const line of target.file.summary.preview) lines.push(`> ${escapeMarkdown(line)}  `);
    return lines.join('\n');
  }
  lines.push('Not in the corpus. What the text tells:', '');
  const level = { leader: '首脳', foreign: '外相', defence: '防衛相', '2+2': '2+2', visit: '訪問' } as const;
  if (reference.level) lines.push(`- kind: ${escapeMarkdown(level[reference.level])}${reference.mode ? ` (${reference.mode})` : ''}`);
  if (reference.countries.length) lines.push(`- countries: ${escapeMarkdown(reference.countries.map(countryName).join('・'))}`);
  if (window) lines.push(`- when: ${window.from === window.to ? isoOfDay(window.from) : `${isoOfDay(window.from)} – ${isoOfDay(window.to)}`}`);
  if (reference.place) lines.push(`- place: ${escapeMarkdown(reference.place)}`);
  if (reference.person) lines.push(`- visitor: ${escapeMarkdown(reference.person.name)}`);
  return lines.join('\n');
}

function titleHover(file: IndexedFile): string {
  const main = file.main;
  if (!main) return `**${escapeMarkdown(file.summary.title ?? '')}**`;
  const source = (field: string) => {
    const entry = main.summary.provenance.find((p) => p.field === field);
    return entry ? ` (line ${entry.range.start.line + 1})` : '';
  };
  const m = main.summary;
  const rows = [
    ['kind', m.kind, source('kind')],
    ['date', main.date, main.dateSource === 'file name' ? ' (from the file name)' : source('date')],
    ['time', m.startTime, source('startTime')],
    ['duration', m.durationMinutes !== null ? `${m.durationMinutes} min` : null, source('durationMinutes')],
    ['place', m.place, source('place')],
    ['countries', m.countries.map((code) => `${countryName(code)} (${code})`).join(', ') || null, ''],
    ['participants', main.participants.map((p) => `${p.name}${p.title ? ` ${p.title}` : ''}`).join(', ') || null, ''],
  ] as const;
  const lines = [`**${escapeMarkdown(meetingTitle(main))}**`, ''];
  for (const [label, value, from] of rows) if (value) lines.push(`- ${label}: ${escapeMarkdown(value)}${escapeMarkdown(from)}`);
  if (file.meetings.length > 1) lines.push('', `This document holds ${file.meetings.length} meetings.`);
  return lines.join('\n');
}

export function hover(index: CorpusIndex, file: IndexedFile, position: Position, token?: CancellationToken): Hover | null {
  const reference = referenceAt(index, file, position);
  if (token?.isCancellationRequested) return null;
  if (reference) return { contents: { kind: 'markdown', value: referenceHover(reference) }, range: reference.reference.range };
  const person = personAt(file, position);
  if (person) return { contents: { kind: 'markdown', value: personHover(index, file, person) }, range: person.range };
  const titleRange = file.summary.titleRange;
  if (titleRange && contains(titleRange, position)) return { contents: { kind: 'markdown', value: titleHover(file) }, range: titleRange };
  return null;
}

// Hovers over a readout, from the corpus index: a person (who, which office, the corpus meetings
// with them), a meeting reference (the meeting it points at, or what is known of it), the title
// (the normalised metadata and where each value came from), a topic word (the meetings that discuss
// it, each with its sentence). All document text is escaped.

import { countryName } from '../knowledge/countries';
import { Person } from '../knowledge/people';
import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken, IndexedFile, IndexedMeeting, ResolvedReference } from '../corpus/types';
import { displayName, officeOn } from '../corpus/people';
import { isInferredId } from '../corpus/inferredPeople';
import { directionOf, isEmptyWindow, isoOfDay } from '../corpus/referenceTime';
import { relatedMeetings } from '../corpus/related';
import { nameFullRange, nameRange } from '../corpus/summary';
import { splitLines } from '../parse/text';
import { Translate } from './localize';
import { contains, escapeMarkdown, fileLink } from './markdown';
import { meetingTitle } from './meetingItems';
import { Hover, Position, Range } from './types';

const MAX_LISTED = 20;

/** The person named at a position: a name in the text or a participant of a meeting. */
export function personAt(file: IndexedFile, position: Position): { personId: string | null; name: string; title: string | null; range: Range } | null {
  const name = file.names.find((n) => contains(nameRange(n), position) || contains(nameFullRange(n), position));
  if (name) return { personId: name.personId, name: name.name, title: name.title, range: nameRange(name) };
  for (const meeting of file.meetings) {
    const participant = meeting.participants.find((p) => contains(p.range, position));
    if (participant) return { personId: participant.personId, name: participant.name, title: participant.title, range: participant.range };
  }
  return null;
}

export function referenceAt(index: CorpusIndex, file: IndexedFile, position: Position): ResolvedReference | null {
  return index.references(file).find((r) => contains(r.reference.range, position)) ?? null;
}

/** A meeting as a list line, linked to its title (or to another line of its readout: `at`). */
function meetingLine(meeting: IndexedMeeting, at: Range = meeting.summary.titleRange): string {
  const facts = [meeting.date ?? '日付不明', meeting.summary.kind ?? '会談'].map(escapeMarkdown).join(' · ');
  return `${facts} · ${fileLink(meetingTitle(meeting), meeting.file.uri, at)}`;
}

/** Marks the hovered readout's own meetings in a list. */
function thisReadout(meeting: IndexedMeeting, file: IndexedFile, t: Translate): string {
  return meeting.file.uri === file.uri ? ` — *${t('this readout')}*` : '';
}

function personHover(index: CorpusIndex, file: IndexedFile, found: NonNullable<ReturnType<typeof personAt>>, t: Translate): string {
  const person: Person | undefined = found.personId ? index.person(found.personId) : undefined;
  if (!person) {
    const candidates = index.peopleIndex.candidates(found.name).length;
    return `**${escapeMarkdown(found.name)}**${found.title ? ` ${escapeMarkdown(found.title)}` : ''}\n\n` +
      (candidates > 1 ? t('{0} people of this name in the knowledge file; the text does not settle which.', candidates) : t('Not in the knowledge file (add it to .kaidan/people.json).'));
  }
  const lines: string[] = [];
  const date = index.meetingAt(file, found.range.start.line)?.date ?? null;
  const office = officeOn(person, date);
  lines.push(`**${escapeMarkdown(displayName(person))}**${person.latin ? ` (${escapeMarkdown(person.latin)})` : ''}` +
    (office ? ` — ${escapeMarkdown(`${countryName(person.country)} ${office.title}`)}` : ''));
  lines.push('');
  if (isInferredId(person.id)) {
    const [seen] = person.offices;
    lines.push(t('Not in the knowledge file: {0} in the readouts of the corpus, {1} – {2}.', escapeMarkdown(seen.title), seen.from, seen.to ?? ''));
  } else lines.push(person.offices.map((o) => escapeMarkdown(`${o.title} ${o.from} – ${o.to ?? ''}`)).join('  \n'));
  const meetings = index.meetingsWith(person.id);
  if (meetings.length) lines.push('', t('**Meetings in the corpus ({0})**, newest first:', meetings.length), '');
  for (const meeting of meetings.slice(0, MAX_LISTED)) lines.push(`- ${meetingLine(meeting)}${thisReadout(meeting, file, t)}`);
  if (meetings.length > MAX_LISTED) lines.push(`- ${t('… {0} more', meetings.length - MAX_LISTED)}`);
  const withMeetings = new Set(meetings.map((m) => m.file.uri));
  const namedIn = index.mentionsOf(person.id).filter((entry) => !withMeetings.has(entry.file.uri));
  if (namedIn.length) {
    lines.push('', t('**Also named in ({0})**:', namedIn.length), '');
    for (const { file: other, names } of namedIn.slice(0, MAX_LISTED)) {
      const date = other.main?.date ?? '日付不明';
      lines.push(`- ${escapeMarkdown(date)} · ${fileLink(other.summary.title ?? other.uri.split('/').pop()!, other.uri, nameRange(names[0]))} (${names.length})`);
    }
  }
  return lines.join('\n');
}

function referenceHover(resolved: ResolvedReference, t: Translate): string {
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
  lines.push(t('No matching meeting in the corpus. What the text tells:'), '');
  const level = { leader: '首脳', foreign: '外相', defence: '防衛相', '2+2': '2+2', visit: '訪問' } as const;
  if (reference.level) lines.push(`- ${t('kind')}: ${escapeMarkdown(level[reference.level])}${reference.mode ? ` (${reference.mode})` : ''}`);
  if (reference.countries.length) lines.push(`- ${t('countries')}: ${escapeMarkdown(reference.countries.map(countryName).join('・'))}`);
  if (window && !isEmptyWindow(window)) lines.push(`- ${t('when')}: ${window.from === window.to ? isoOfDay(window.from) : `${isoOfDay(window.from)} – ${isoOfDay(window.to)}`}`);
  if (reference.time.ahead) lines.push(`- ${t('planned: still to come when this was written')}`);
  else if (directionOf(reference.time) === 'before') lines.push(`- ${t('past: held before this was written')}`);
  if (reference.place) lines.push(`- ${t('place')}: ${escapeMarkdown(reference.place)}`);
  if (reference.person) lines.push(`- ${t('visitor')}: ${escapeMarkdown(reference.person.name)}`);
  return lines.join('\n');
}

function titleHover(index: CorpusIndex, file: IndexedFile, t: Translate, token?: CancellationToken): string {
  const main = file.main;
  if (!main) return `**${escapeMarkdown(file.summary.title ?? '')}**`;
  const source = (field: string) => {
    const entry = main.summary.provenance.find((p) => p.field === field);
    return entry ? ` ${t('(line {0})', entry.range.start.line + 1)}` : '';
  };
  const m = main.summary;
  const rows = [
    [t('kind'), m.kind, source('kind')],
    [t('date'), main.date, main.dateSource === 'file name' ? ` ${t('(from the file name)')}` : source('date')],
    [t('time'), m.startTime, source('startTime')],
    [t('duration'), m.durationMinutes !== null ? t('{0} min', m.durationMinutes) : null, source('durationMinutes')],
    [t('place'), m.place, source('place')],
    [t('countries'), m.countries.map((code) => `${countryName(code)} (${code})`).join(', ') || null, ''],
    [t('participants'), main.participants.map((p) => `${p.name}${p.title ? ` ${p.title}` : ''}`).join(', ') || null, ''],
  ] as const;
  const lines = [`**${escapeMarkdown(meetingTitle(main))}**`, ''];
  for (const [label, value, from] of rows) if (value) lines.push(`- ${label}: ${escapeMarkdown(value)}${escapeMarkdown(from)}`);
  if (file.meetings.length > 1) lines.push('', t('This document holds {0} meetings.', file.meetings.length));
  const sameEvent = relatedMeetings(index, file, token).filter((related) => related.reasons.some((reason) => reason.kind === 'same event'));
  if (sameEvent.length) lines.push('', t('**The same event** in other documents:'), '', ...sameEvent.map(({ meeting }) => `- ${meetingLine(meeting)}`));
  lines.push(...citedBy(index, file, t));
  return lines.join('\n');
}

/** The readouts that refer to this one, each with the sentence that does. */
function citedBy(index: CorpusIndex, file: IndexedFile, t: Translate): string[] {
  const incoming = index.referencesTo(file);
  if (incoming.length === 0) return [];
  const lines = ['', t('**Cited by ({0})**:', incoming.length), ''];
  for (const { from, reference } of incoming.slice(0, MAX_LISTED)) {
    const at = reference.reference.range;
    const meeting = index.meetingAt(from, at.start.line);
    const source = meeting ? meetingLine(meeting, at) : fileLink(from.summary.title ?? from.uri.split('/').pop()!, from.uri, at);
    lines.push(`- ${source}  `, `  ${escapeMarkdown(reference.reference.sentence)}`);
  }
  if (incoming.length > MAX_LISTED) lines.push(`- ${t('… {0} more', incoming.length - MAX_LISTED)}`);
  return lines;
}

export function hover(index: CorpusIndex, file: IndexedFile, position: Position, t: Translate, token?: CancellationToken): Hover | null {
  const reference = referenceAt(index, file, position);
  if (token?.isCancellationRequested) return null;
  if (reference) return { contents: { kind: 'markdown', value: referenceHover(reference, t) }, range: reference.reference.range };
  const person = personAt(file, position);
  if (person) return { contents: { kind: 'markdown', value: personHover(index, file, person, t) }, range: person.range };
  const titleRange = file.summary.titleRange;
  if (titleRange && contains(titleRange, position)) return { contents: { kind: 'markdown', value: titleHover(index, file, t, token) }, range: titleRange };
  return null;
}

/** The corpus topic written at a position: the longest of the file's topics that covers it. */
export function topicAt(index: CorpusIndex, file: IndexedFile, text: string, position: Position): { term: string; range: Range } | null {
  const topics = index.topics;
  if (!topics) return null;
  const line = splitLines(text)[position.line]?.text;
  if (line === undefined) return null;
  let found: { term: string; at: number } | null = null;
  for (const term of topics.topicsInFile(file.uri)) {
    if (found && term.length <= found.term.length) continue;
    for (let at = line.indexOf(term); at >= 0 && at <= position.character; at = line.indexOf(term, at + 1)) {
      if (position.character < at + term.length) found = { term, at };
    }
  }
  if (!found) return null;
  const range = { start: { line: position.line, character: found.at }, end: { line: position.line, character: found.at + found.term.length } };
  return { term: found.term, range };
}

/** On a topic word: the meetings of the corpus that discuss it, newest first, each with its sentence. */
export function topicHover(index: CorpusIndex, file: IndexedFile, text: string, position: Position, t: Translate): Hover | null {
  const topic = topicAt(index, file, text, position);
  if (!topic || !index.topics) return null;
  const mentions = index.topics.meetingsAbout(topic.term);
  const lines = [`**${escapeMarkdown(topic.term)}**`, '', t('**Meetings that discuss it ({0})**, newest first:', mentions.length), ''];
  for (const { meeting, sentence } of mentions.slice(0, MAX_LISTED)) lines.push(`- ${meetingLine(meeting)}${thisReadout(meeting, file, t)}  `, `  ${escapeMarkdown(sentence)}`);
  if (mentions.length > MAX_LISTED) lines.push(`- ${t('… {0} more', mentions.length - MAX_LISTED)}`);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: topic.range };
}

// Lines that name their speaker outside any transcript tag: a name and office alone on a line
// ('李部長'), a label before a quote ('司会「…」'), and a press conference's untagged prose, its host's.

import { Speaker } from '../model/readout';
import { findNamedOffices } from './participants';
import { Attribution, HOST_OFFICE, MODERATOR, PRESS, StatementList, hostFor } from './speechContext';
import { clausesOf } from './subjects';
import { Line } from './text';

/** The speaker a line standing alone as a name and office labels ('李部長', '川口大臣：'). */
export function labelLine(attribution: Attribution, line: Line): Speaker | null {
  const trimmed = line.text.trim().replace(/[:：]$/, '');
  if (trimmed.length > 30 || /[。、，,]/.test(trimmed)) return null;
  const date = attribution.meetingAt(line.start)?.date ?? null;
  const found = findNamedOffices(trimmed, date);
  return found.length === 1 && found[0].start === 0 && found[0].end === trimmed.length ? attribution.registry.speakerFor(found[0], date) : null;
}

/** The page's own account of the conference ('…会見を行ったところ、概要以下のとおり'): narration, not the host's words. */
const CONFERENCE_NARRATION = /(?:概要|要旨)(?:は)?(?:以下|次)の(?:とおり|通り)/;
/** A line that opens with its speaker's label and a quote: '司会「…」', '共同-佐藤「…」', '岡田大臣「…」'. */
const QUOTE_LABEL = /^[\s\u3000]*([^\s\u3000「」、。,，]{1,16})「/;

/**
 * The host of the press conference a line belongs to, who says all that no tag claims: a minister's
 * or 官房長官's remarks are written without tags. Null outside a conference given by one side alone.
 */
export function pressConferenceHost(attribution: Attribution, offset: number, host: Speaker | null): Speaker | null {
  const meeting = attribution.meetingAt(offset);
  if (meeting?.kind !== '記者会見' || meeting.participants.some((participant) => participant.country !== 'JP')) return null;
  return host ?? hostFor(attribution, HOST_OFFICE.exec(meeting.title ?? '')?.[1] ?? '大臣', offset);
}

/** A line of a press conference no tag claims: the host's, unless a label before a quote names someone else. */
export function attributeConferenceLine(attribution: Attribution, reported: StatementList, line: Line, host: Speaker): void {
  if (CONFERENCE_NARRATION.test(line.text)) return;
  const label = QUOTE_LABEL.exec(line.text);
  const date = attribution.meetingAt(line.start)?.date ?? null;
  const [named] = label ? findNamedOffices(label[1], date) : [];
  const speaker = !label ? host : label[1] === '司会' ? MODERATOR : named ? attribution.registry.speakerFor(named, date) : PRESS;
  const labelSpan = label ? { start: line.start + label.index + label[0].indexOf(label[1]), end: line.start + label.index + label[0].length - 1 } : null;
  for (const [i, clause] of clausesOf(line).entries()) reported.append(speaker, { start: clause.start, end: clause.end }, i === 0 ? labelSpan : null);
}


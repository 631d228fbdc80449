// Lines that name their speaker outside any transcript tag: a name and office alone on a line
// ('李部長'), a label before a quote ('司会「…」'), and a press conference's untagged prose, its host's.

import { Span, Speaker } from '../model/readout';
import { KATAKANA_NAME, findNamedOffices, mayNameOffice } from './participants';
import { Attribution, HOST_OFFICE, MODERATOR, PRESS, StatementList, hostFor, subjectSpeaker } from './speechContext';
import { TELLS_BACK, clausesOf, findSubject } from './subjects';
import { Line, WHITESPACE, isBlank } from './text';

export interface Label {
  readonly speaker: Speaker;
  /** Whether the label speaks for the quote below it only, not for the lines after. */
  readonly quoteOnly: boolean;
}

/** A quote first. */
const OPENS_WITH_QUOTE = /^[\s\u3000]*「/;
/**
 * Lines that stand alone as a name and office ('李部長', '川口大臣：'), each labelling the lines
 * below as that speaker's, by line index. Labels take turns between two speakers at least: one
 * alone ('岸田外務大臣' above a page's title) is the page's category, not a speaker's.
 */
export function labelLines(attribution: Attribution, lines: readonly Line[], furniture: readonly boolean[]): Map<number, Label> {
  const labels = new Map<number, Label>();
  // A label a quote follows ('中谷防衛大臣' over '「…」') speaks even alone, for the quote.
  const quoted = new Map<number, Label>();
  let last: { index: number; speaker: Speaker } | null = null;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    if (furniture[line.index] || isBlank(line.text)) continue;
    if (last && OPENS_WITH_QUOTE.test(line.text)) quoted.set(last.index, { speaker: last.speaker, quoteOnly: true });
    const speaker = labelLine(attribution, line);
    if (speaker) labels.set(line.index, { speaker, quoteOnly: false });
    last = speaker ? { index: line.index, speaker } : null;
  }
  const labelled = new Set([...labels.values()].map((label) => label.speaker.id)).size;
  return labelled >= 2 || (labelled === 1 && onesRemarks(attribution, lines, labels)) ? labels : quoted;
}

/**
 * Whether a lone label heads one speaker's remarks: a copy of what one leader said at a joint press
 * event ('スコット・モリソン首相' under '日豪首脳会談・共同記者発表'), where no other speaker is written.
 */
function onesRemarks(attribution: Attribution, lines: readonly Line[], labels: Map<number, Label>): boolean {
  const [index] = labels.keys();
  return attribution.meetingAt(lines[index].start)?.kind === '共同記者発表';
}

/** A colon closing the line. */
const ENDS_WITH_COLON = /[:：]$/;
/** A full stop or a comma. */
const HOLDS_STOP_OR_COMMA = /[。、，,]/;
/** The speaker a line standing alone as a name and office labels. */
function labelLine(attribution: Attribution, line: Line): Speaker | null {
  // Asked of every line: most hold no office, and that is told before anything is cut or looked up.
  if (!mayNameOffice(line.text)) return null;
  const trimmed = line.text.trim().replace(ENDS_WITH_COLON, '');
  if (trimmed.length > 30 || HOLDS_STOP_OR_COMMA.test(trimmed)) return null;
  const date = attribution.meetingAt(line.start)?.date ?? null;
  const found = findNamedOffices(trimmed, attribution.input.people, date);
  return found.length === 1 && found[0].start === 0 && found[0].end === trimmed.length ? attribution.registry.speakerFor(found[0], date) : null;
}

/** The page's own account of the conference ('…会見を行ったところ、概要以下のとおり'): narration, not the host's words. */
const CONFERENCE_NARRATION = /(?:概要|要旨)(?:は)?(?:以下|次)の(?:とおり|通り)/;
/** A line that opens with its speaker's label and a quote: '司会「…」', '共同-佐藤「…」', '岡田大臣「…」'. */
const QUOTE_LABEL = /^[\s\u3000]*([^\s\u3000「」、。,，]{1,16})「/;

/** A speaker who refers to themselves by office ('私(官房長官)から'): the page is their remarks. */
const SELF_REFERENCE = /私[(（](官房長官|外務大臣|防衛大臣|外務報道官|報道官|大臣)[)）]/;

/** The office a page's speaker refers to themselves by, if one does. */
export function selfReferencedOffice(lines: readonly Line[]): string | null {
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    const found = line.text.includes('私') ? SELF_REFERENCE.exec(line.text) : null;
    if (found) return found[1];
  }
  return null;
}

/**
 * The host of the press conference a line belongs to, who says all that no tag claims: a minister's
 * or 官房長官's remarks are written without tags, and a page of no known kind whose speaker refers
 * to themselves by office is such remarks. Null outside a conference given by one side alone.
 */
export function pressConferenceHost(attribution: Attribution, offset: number, host: Speaker | null, selfOffice: string | null): Speaker | null {
  const meeting = attribution.meetingAt(offset);
  const conference = meeting?.kind === '記者会見' || (meeting !== undefined && meeting.kind === null && selfOffice !== null);
  if (!conference || meeting!.participants.some((participant) => participant.country !== null && participant.country !== 'JP')) return null;
  return host ?? hostFor(attribution, HOST_OFFICE.exec(meeting!.title ?? '')?.[1] ?? selfOffice ?? '大臣', offset);
}

/** A line that opens with a short label and a space before the words, as news copies of a readout write it: '首相 韓国は…', '文氏 …', '両首脳 …'. */
const SPACED_LABEL = new RegExp(`^[\\s\\u3000]*(${KATAKANA_NAME}氏|[一-龥々]{1,4}氏|首相|総理|大統領|国家主席|主席|外相|両首脳|両外相|双方)[ \\u3000]+(?=[^\\s\\u3000])`);

/** A full stop or a closing quote. */
const HOLDS_STOP_OR_CLOSE = /[。．」]/;
/** The speaker a line's spaced label names, and where the label stands. */
export function spacedLabel(attribution: Attribution, line: Line): { speaker: Speaker; labelSpan: Span } | null {
  // Words, not a caption: the line says something ('首相 記者会見' is a caption).
  if (!HOLDS_STOP_OR_CLOSE.test(line.text)) return null;
  const match = SPACED_LABEL.exec(line.text);
  if (!match) return namedSpacedLabel(attribution, line);
  const label = match[1];
  const start = line.start + match[0].indexOf(label);
  const speaker = labelSpeaker(attribution, label, line.start);
  return speaker ? { speaker, labelSpan: { start, end: start + label.length } } : null;
}

/** The speaker a short label stands for, read as a clause's subject: '文氏' the person, '両首脳' both. */
export function labelSpeaker(attribution: Attribution, label: string, offset: number): Speaker | null {
  const meeting = attribution.meetingAt(offset);
  if (label.endsWith('氏')) return attribution.registry.speakerFor({ name: label.slice(0, -1), title: null, country: null }, meeting?.date ?? null);
  const subject = findSubject(`${label}は、`, []);
  return subject ? subjectSpeaker(attribution.registry, subject, meeting) : null;
}

/** A line of a press conference no tag claims: the host's, unless a label before a quote names someone else. */
export function attributeConferenceLine(attribution: Attribution, reported: StatementList, line: Line, host: Speaker): void {
  if (CONFERENCE_NARRATION.test(line.text)) return;
  const label = QUOTE_LABEL.exec(line.text);
  const date = attribution.meetingAt(line.start)?.date ?? null;
  const [named] = label ? findNamedOffices(label[1], attribution.input.people, date) : [];
  const speaker = !label ? host : label[1] === '司会' ? MODERATOR : named ? attribution.registry.speakerFor(named, date) : PRESS;
  const labelSpan = label ? { start: line.start + label.index + label[0].indexOf(label[1]), end: line.start + label.index + label[0].length - 1 } : null;
  for (const [i, clause] of clausesOf(line).entries()) reported.append(speaker, { start: clause.start, end: clause.end }, i === 0 ? labelSpan : null);
}


/** A name and office as the label: '安倍晋三首相 日米同盟の絆は…', 'トランプ大統領 首相と…'. */
const NAMED_LABEL = /^[\s\u3000]*([^\s\u3000「」、。,，]{2,24})[ \u3000]+(?=[^\s\u3000])/;

function namedSpacedLabel(attribution: Attribution, line: Line): { speaker: Speaker; labelSpan: Span } | null {
  const match = NAMED_LABEL.exec(line.text);
  if (!match) return null;
  const date = attribution.meetingAt(line.start)?.date ?? null;
  const found = findNamedOffices(match[1], attribution.input.people, date);
  if (found.length !== 1 || found[0].start !== 0 || found[0].end !== match[1].length) return null;
  const start = line.start + match[0].indexOf(match[1]);
  return { speaker: attribution.registry.speakerFor(found[0], date), labelSpan: { start, end: start + match[1].length } };
}

/** Tags that head a part of the page, not a speaker's turn. */
const NOT_SPEAKER_TAG = /^(同席者|出席者|参加者|会談概要|概要|参考|備考)$/;

/** A colon. */
const HOLDS_COLON = /[:：]/;
/** '【同席者】', or a bracket that lists someone's role ('（団長：菊田真紀子外務大臣政務官）'): no one speaks under it. */
export function notSpeakerTag(tag: string): boolean {
  return NOT_SPEAKER_TAG.test(tag.replace(WHITESPACE, '')) || HOLDS_COLON.test(tag);
}

/** How far above a name a quote it attributes can stand. */
const QUOTE_WINDOW = 400;
const QUOTE_LINE = /(?:^|[\r\n])[ \t\u3000]*(「[^「」\r\n]*」)[ \t\u3000]*(?:\r?\n|\r)[\s\u3000]*$/;

/** A line that is a quote alone, just above `offset`. */
export function quoteAbove(text: string, offset: number): Span | null {
  const from = Math.max(0, offset - QUOTE_WINDOW);
  const found = QUOTE_LINE.exec(text.slice(from, offset));
  if (!found) return null;
  const start = from + found.index + found[0].indexOf(found[1]);
  return { start, end: start + found[1].length };
}

/** A quote alone on its line. */
const QUOTE_ALONE = /^[\s\u3000]*「[^「」]*」[。．]?[\s\u3000]*$/;

/** The speaker of a quote alone on line `at` when the next line of content names them and tells it back. */
export function quoteToldBackBelow(attribution: Attribution, lines: readonly Line[], at: number, furniture: readonly boolean[]): Speaker | null {
  if (!QUOTE_ALONE.test(lines[at].text)) return null;
  let next = at + 1;
  while (next < lines.length && (furniture[lines[next].index] || isBlank(lines[next].text))) next++;
  const [clause] = next < lines.length ? clausesOf(lines[next]) : [];
  if (!clause || !TELLS_BACK.test(clause.text)) return null;
  const date = attribution.meetingAt(clause.start)?.date ?? null;
  const subject = findSubject(clause.text, findNamedOffices(clause.text, attribution.input.people, date));
  return subject ? subjectSpeaker(attribution.registry, subject, attribution.meetingAt(clause.start)) : null;
}

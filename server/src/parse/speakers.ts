// Who says what. Transcripts tag their turns (【記者】/【大臣】), joint press events give speaker
// blocks ('(ラヴロフ外務大臣)'), and summaries bury it in the grammar: 'X大臣より,…旨述べた。
// これに対しY長官より,…', joint subjects ('双方は', '三者は'), and sentences that continue the
// previous speaker's statement. Each speaker is resolved to a meeting participant where the text
// allows, and given a side of the table.

import { type PeopleIndex, nameKey } from '../knowledge/people';
import { Meeting, Mention, Section, Span, Speaker, Statement, Turn } from '../model/readout';
import { PRESS_TAG, fieldLine, numberedLine } from './lineKinds';
import { KATAKANA_NAME, findNamedOffices, sameName } from './participants';
import { JOINT_ID, SpeakerRegistry } from './speakerRegistry';
import { Attribution, MODERATOR, PRESS, SpeechInput, StatementList, hostFor, mergeByStart, subjectSpeaker } from './speechContext';
import { attributeConferenceLine, labelLines, labelSpeaker, notSpeakerTag, pressConferenceHost, quoteAbove, quoteToldBackBelow, selfReferencedOffice, spacedLabel } from './speechLabels';
import { sectionAt, sectionHeadedAt } from './structure';
import { AGREEMENT, QUOTED, Subject, clausesOf, findSubject, meetingLeadSubject, namedByClause, splitHandovers, toldBackSubject } from './subjects';
import { HOLDS_SENTENCE_END, Line, WHITESPACE, contentStart, isBlank, isSpaceCode, matchesOf } from './text';

export interface Speech {
  readonly speakers: Speaker[];
  readonly statements: Statement[];
  readonly mentions: Mention[];
}

/** A transcript's untagged opening remarks, the host's: '冒頭発言', '大臣冒頭発言', '1 発表事項', '大臣発言'. */
const OPENING_REMARKS = /^(?:[0-9０-９]{1,2}[.．]?\s*)?((?:大臣|副大臣|長官|官房長官|報道官|知事)?冒頭|発表事項|大臣発言|大臣から)/;
/** Roles of transcript tags that stand for the host of the press conference. */
const HOST_ROLE = /^(大臣|総理|長官|官房長官|副大臣|報道官|外務大臣|防衛大臣|総理大臣|首相|外務報道官|答|A)$/;
const HONORIFIC = new RegExp(`(?<![ァ-ヴー・一-龥々])(${KATAKANA_NAME}|[一-龥々]{2,4})(氏|さん)`, 'g');

export function attributeSpeech(input: SpeechInput): Speech {
  const { meetings } = input;
  const registry = new SpeakerRegistry(input.people);
  const meetingAt = meetingFinder(meetings);
  const attribution: Attribution = { input, registry, meetingAt };

  // Participants are the speakers a summary's subjects resolve to.
  for (const meeting of meetings) {
    for (const participant of meeting.participants) registry.speakerFor(participant, meeting.date);
  }

  // Tagged turns and speaker blocks claim their text; reported speech is sought only in the rest.
  const tagged = new StatementList(input.text, registry);
  const claimed: Span[] = [];
  const host = attributeTurns(attribution, tagged, claimed);
  attributeBlocks(attribution, input.sections, host, tagged, claimed);
  tagged.statements.sort((a, b) => a.span.start - b.span.start);
  const reported = attributeReportedSpeech(attribution, disjoint(claimed), host);

  const statements = mergeByStart(tagged.statements, reported);
  const { speakers } = registry;
  const speaking = new Set<string>();
  for (let statementIndex = 0; statementIndex < statements.length; statementIndex++) {
    const statement = statements[statementIndex];
    speaking.add(statement.speaker);
    for (const other of statement.jointWith) speaking.add(other);
  }
  // A name can merge into the press or the moderator (newOrMergedSpeaker matches any speaker by name); they stay as they are.
  for (const speaker of [PRESS, MODERATOR]) if (speaking.has(speaker.id)) speakers.set(speaker.id, speaker);
  const participants = new Set(meetings.flatMap((meeting) => meeting.participants.map((p) => nameKey(p.name))));
  // A label with nothing under it met a speaker who never speaks: mentions resolve only to those kept.
  const kept = new Map([...speakers].filter(([, speaker]) => speaking.has(speaker.id) || participants.has(nameKey(speaker.name))));
  return { speakers: [...kept.values()], statements, mentions: findMentions(input, kept, meetingAt) };
}

/**
 * The meeting whose span holds an offset, else the first: by binary search, since every line asks
 * and a page of a month's press conferences holds a meeting per conference.
 */
function meetingFinder(meetings: readonly Meeting[]): (offset: number) => Meeting | undefined {
  const sorted = [...meetings].sort((a, b) => a.span.start - b.span.start);
  return (offset) => sectionAt(sorted, offset) ?? meetings[0];
}

/** Transcript turns, each its tag's speaker. Returns the host: the first Japanese speaker other than the moderator. */
function attributeTurns(attribution: Attribution, tagged: StatementList, claimed: Span[]): Speaker | null {
  let host: Speaker | null = null;
  for (let turnIndex = 0; turnIndex < attribution.input.turns.length; turnIndex++) {
    const turn = attribution.input.turns[turnIndex];
    // '【同席者】' heads a list of those present, '【会談概要】' the summary: no one speaks under them.
    if (notSpeakerTag(turn.speaker)) continue;
    const speaker = turnSpeaker(attribution, turn);
    if (speaker.side === 'japan' && speaker !== MODERATOR) host ??= speaker;
    tagged.append(speaker, turn.span, turn.tagSpan);
    claimed.push(turn.span);
  }
  return host;
}

function turnSpeaker(attribution: Attribution, turn: Turn): Speaker {
  const role = turn.speaker.replace(WHITESPACE, '');
  if (PRESS_TAG.test(role)) return PRESS;
  if (role === '司会') return MODERATOR;
  if (HOST_ROLE.test(role)) return hostFor(attribution, role, turn.span.start);
  const date = attribution.meetingAt(turn.span.start)?.date ?? null;
  const [named] = findNamedOffices(turn.speaker, attribution.input.people, date);
  if (named) return attribution.registry.speakerFor(named, date);
  // A news 要旨's labels: '文氏' is that person, '両首脳' both sides.
  const labelled = /氏$|^両|^双方$/.test(role) ? labelSpeaker(attribution, role, turn.span.start) : null;
  return labelled ?? hostFor(attribution, role, turn.span.start);
}

/** Speaker blocks of joint press events, and a transcript's untagged opening remarks (the host's), in sections at any depth. */
function attributeBlocks(attribution: Attribution, sections: readonly Section[], host: Speaker | null, tagged: StatementList, claimed: Span[]): void {
  const { input, registry, meetingAt } = attribution;
  for (const section of sections) {
    const body = { start: section.headingSpan.end, end: section.span.end };
    if (section.kind === 'speaker') {
      const date = meetingAt(section.span.start)?.date ?? null;
      const [named] = findNamedOffices(input.text.slice(section.headingSpan.start, section.headingSpan.end), input.people, date);
      const quote = named ? quoteAbove(input.text, section.headingSpan.start) : null;
      if (named && quote) {
        // '「…」' over '(福田康夫総理)': the name says whose the quote is; the lines below are prose.
        tagged.append(registry.speakerFor(named, date), quote, section.headingSpan);
        claimed.push(quote, section.headingSpan);
      } else if (named && body.end > body.start) {
        tagged.append(registry.speakerFor(named, date), trimSpan(input.text, body), section.headingSpan);
        claimed.push(section.span);
      }
    } else if (host && OPENING_REMARKS.test(section.label) && !input.turns.some((turn) => within(turn.span, section.span))) {
      tagged.append(host, trimSpan(input.text, body), null);
      claimed.push(section.span);
    }
    attributeBlocks(attribution, section.children, host, tagged, claimed);
  }
}

/** How long a line of a press conference's header can be: '外務大臣会見記録（平成17年10月31日（月曜日）23時10分～於：本省・会見室）'. */
const HEADER_LINE_LENGTH = 60;

/** A quote closing the line. */
const ENDS_QUOTE = /」[\s\u3000]*$/;
/** A full stop or a quote mark: not a header line. */
const HOLDS_SENTENCE_OR_QUOTE = /[。．「」]/;
/** Reported speech in the prose that no tag or block claims (`claimedRuns`: sorted and disjoint). */
function attributeReportedSpeech(attribution: Attribution, claimedRuns: readonly Span[], host: Speaker | null): Statement[] {
  const { lines, furniture, headingLines, text } = attribution.input;
  const reported = new StatementList(text, attribution.registry);
  const selfOffice = selfReferencedOffice(lines);
  const labels = labelLines(attribution, lines, furniture);
  const conferenceHost = (offset: number) => pressConferenceHost(attribution, offset, host, selfOffice);
  const firstSectionStart = attribution.input.sections[0]?.span.start ?? Infinity;
  let header = true;
  let run = 0;
  let current: Speaker | null = null;
  // Under a label the lines are the labelled speaker's own words, whoever they speak of ('…大統領からも支持をいただいた').
  let labelled = false;
  let quoteOnly = false;
  // Items under a heading of someone's remarks ('1. 玄葉大臣から以下のとおり述べました。' over '(1)…') stay theirs.
  let remarksEnd = -1;
  const appendLine = (line: Line, speaker: Speaker, labelSpan: Span | null) => {
    const jointWith = speaker.id === JOINT_ID ? attribution.registry.participantIds(attribution.meetingAt(line.start)) : [];
    for (const [i, clause] of clausesOf(line).entries()) reported.append(speaker, { start: clause.start, end: clause.end }, i === 0 ? labelSpan : null, jointWith);
  };
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    while (run < claimedRuns.length && claimedRuns[run].end < line.end) run++;
    const isClaimed = run < claimedRuns.length && claimedRuns[run].start <= line.start;
    if (furniture[line.index] || isBlank(line.text)) continue;
    // A line that is only a name and office ('李部長', '川口大臣') labels the lines below as theirs.
    const label = isClaimed ? null : labels.get(line.index);
    if (label) {
      [current, labelled, quoteOnly] = [label.speaker, true, label.quoteOnly];
      continue;
    }
    // A heading that names a speaker's remarks ('(1)川口大臣発言') makes the lines under it theirs.
    const remarks = isClaimed || !headingLines.has(line.index) ? null : remarksHeading(attribution, line);
    if (remarks) {
      [current, labelled, quoteOnly, remarksEnd] = [remarks, true, false, sectionHeadedAt(attribution.input.sections, contentStart(line))?.span.end ?? -1];
      // A heading written as a sentence ('…から以下のとおり述べました。') reports their words too.
      if (HOLDS_SENTENCE_END.test(line.text)) appendLine(line, remarks, null);
      continue;
    }
    // A heading is not speech; a numbered paragraph (a heading line of running text) is, and so is one
    // cut short that opens with its speaker ('5. 両首脳は、総理が早期に…').
    if (isClaimed || (headingLines.has(line.index) && !HOLDS_SENTENCE_END.test(line.text) && line.text.trim().length < 40 && !opensWithSubject(line, attribution.input.people))) {
      [current, labelled] = [null, false];
      continue;
    }
    // A new heading starts afresh; a line that names nobody continues the speaker of the line before.
    // A numbered paragraph that names nobody but reports words ('3. …を支援していく旨発言。') goes on with the last speaker.
    if (headingLines.has(line.index) && line.start >= remarksEnd) [current, labelled] = [current && reportsWords(line, attribution.input.people) ? current : null, false];
    const spaced = spacedLabel(attribution, line);
    if (spaced) {
      [current, labelled] = [spaced.speaker, true];
      appendLine(line, current, spaced.labelSpan);
      continue;
    }
    // A quote alone on its line is the words of the one the next line names and tells it back ('岸田首相は…こう強調した').
    const toldBy: Speaker | null = labelled ? null : quoteToldBackBelow(attribution, lines, lineIndex, furniture);
    if (toldBy) [current, labelled] = [toldBy, false];
    if ((labelled || toldBy) && current) {
      appendLine(line, current, null);
      // A quote's label ends with the quote.
      if (quoteOnly && ENDS_QUOTE.test(line.text)) [current, labelled] = [null, false];
      continue;
    }
    const pressHost = conferenceHost(line.start);
    // A header's field ('日時', '場所', an archive's '[文書名] …') is no one's words, and neither is a
    // conference's header (its title, date and room: short lines that say nothing, above the first
    // section and the first words spoken).
    header &&= line.start < firstSectionStart && !HOLDS_SENTENCE_OR_QUOTE.test(line.text) && line.text.trim().length <= HEADER_LINE_LENGTH;
    if (fieldLine(line.text) || (pressHost && header)) continue;
    if (pressHost) attributeConferenceLine(attribution, reported, line, pressHost);
    else current = attributeClauses(attribution, reported, line, current);
  }
  return reported.statements;
}

/** What a heading of someone's remarks says after the name and office: '川口大臣発言', 'X外相の発言', 'X大臣から以下のとおり述べました。'. */
const REMARKS = /^(?:(?:の)?(?:冒頭)?(?:発言|ステートメント)(?:要旨|概要)?|(?:から|より)[、,，]?(?:以下|次)の(?:とおり|通り)(?:述べ(?:ました|た)|発言(?:しました|した)?)[。．]?)[\s\u3000]*$/;
/** A heading's connective before the speaker: 'これに対し,オンゲリ外務大臣から以下のとおり述べました。'. */
const HEADING_CONNECTIVE = /^(?:これに対し(?:て)?|また|次に|続いて)[、,，]?/;

/** The speaker of a heading that names someone's remarks, if the line is one. */
function remarksHeading(attribution: Attribution, line: Line): Speaker | null {
  const body = line.text.slice(numberedLine(line.text, true)?.textOffset ?? 0).trim().replace(HEADING_CONNECTIVE, '');
  if (body.length > 40) return null;
  const date = attribution.meetingAt(line.start)?.date ?? null;
  const [named] = findNamedOffices(body, attribution.input.people, date);
  if (!named || named.start !== 0 || !REMARKS.test(body.slice(named.end))) return null;
  return attribution.registry.speakerFor(named, date);
}

/** Whether a line opens with a speaker and a comma: 'Xより、', '両首脳は、'. */
function opensWithSubject(line: Line, people: PeopleIndex): boolean {
  const [clause] = clausesOf(line);
  if (!clause) return false;
  const subject = findSubject(clause.text, findNamedOffices(clause.text, people));
  const end = subject ? (subject.kind === 'person' ? subject.named.end : subject.end) : -1;
  return subject !== null && /^(?:は|から|より)[はも]?[、,，]/.test(clause.text.slice(end));
}

/** A sentence that ends in reported words with no subject of its own: '…を支援していく旨発言。', '…旨述べた。', an item's '…ことを改めて伝達。'. */
const REPORTED_ENDING = /(?:旨(?:の)?(?:発言|述べ|表明|説明|強調|指摘|伝達)|ことを(?:改めて)?(?:伝達|表明))[^。]{0,8}[。．]/;

/** Whether a numbered paragraph's first sentence names no speaker and ends in reported words. */
function reportsWords(line: Line, people: PeopleIndex): boolean {
  const [clause] = clausesOf(line);
  return clause !== undefined && REPORTED_ENDING.test(clause.text) && findSubject(clause.text, findNamedOffices(clause.text, people)) === null;
}

/** A character every subject's pattern needs: its particle (は, から, より, とも, が, で, も), a quote, or 氏. */
const SUBJECT_HINT = /[はかよとがでも「氏]/;
/** A word every agreement (AGREEMENT) needs. */
const AGREEMENT_HINT = /一致|合意|確認|意見交換|議論|協議|共有/;

/** A speaker's own words ('総理と私は…確認しました'): what they agreed on is still theirs to tell. */
const FIRST_PERSON = /私/;

/** A quote still open. */
const OPEN_QUOTE = /「[^」]*$/;
/** Attributes each clause of a line to the subject it names, else to the speaker before it; returns who spoke last. */
function attributeClauses(attribution: Attribution, reported: StatementList, line: Line, before: Speaker | null): Speaker | null {
  const { registry } = attribution;
  const meeting = attribution.meetingAt(line.start);
  // With nobody speaking yet, a line gives speech only through a subject or an agreement, each of
  // which needs one of these (a page of a hundred thousand headings is passed over at once).
  if (before === null && meeting?.kind !== '共同声明' && !SUBJECT_HINT.test(line.text) && !AGREEMENT_HINT.test(line.text)) return null;
  const lineClauses = clausesOf(line);
  const { clauses, named } = splitHandovers(lineClauses, namedByClause(lineClauses, findNamedOffices(line.text, attribution.input.people, meeting?.date ?? null)));
  let current = before;
  // Inside a quote the words are the quoted speaker's, agreements included ('そのうえで「…確認した。…」と述べた').
  let quoteDepth = 0;
  for (const [i, clause] of clauses.entries()) {
    const quoted = quoteDepth > 0 || OPEN_QUOTE.test(clause.text);
    quoteDepth = Math.max(0, quoteDepth + (clause.text.match(/「/g)?.length ?? 0) - (clause.text.match(/」/g)?.length ?? 0));
    const subject = findSubject(clause.text, named[i]);
    // A quote standing alone is the words of the one the next sentence names ('「…」。X首相は…こう強調した').
    const toldBack = subject ? null : toldBackSubject(clauses, named, i);
    const span = { start: clause.start, end: clause.end };
    // '同大臣は' goes on with the one who spoke just before ('冒頭、X大臣は、…Y大臣の…に祝意…。同大臣は'), as '同氏は' does.
    const continued = subject?.kind === 'office' && subject.same && current && current.id !== JOINT_ID && current.side !== 'press' ? current : null;
    const speaker = subject ? continued ?? subjectSpeaker(registry, subject, meeting) : toldBack && subjectSpeaker(registry, toldBack, meeting);
    if (speaker) {
      current = speaker;
      const label = !subject ? null : subject.kind === 'person' ? subject.named : subject;
      const labelSpan = label && { start: clause.start + label.start, end: clause.start + label.end };
      reported.append(speaker, span, labelSpan, speaker.id === JOINT_ID ? registry.participantIds(meeting) : []);
    } else if (meeting && (meeting.kind === '共同声明' || (AGREEMENT.test(clause.text) && !(quoted && current) && !FIRST_PERSON.test(clause.text) && !QUOTED.test(clause.text) && meeting.participants.length !== 1))) {
      // What both sides agreed on, and what a joint statement says, is said jointly, whoever spoke before.
      reported.append(registry.jointSpeaker('双方'), span, null, registry.participantIds(meeting));
      if (meeting.kind === '共同声明') current = null;
    } else if (current) {
      reported.append(current, span, null, current.id === JOINT_ID ? registry.participantIds(meeting) : []);
    } else {
      const met = meetingLeadSubject(clause.text, named[i]);
      if (met) current = registry.speakerFor(met, meeting?.date ?? null);
    }
  }
  return current;
}

/** Spans merged into sorted, disjoint runs. */
function disjoint(spans: readonly Span[]): Span[] {
  const runs: Span[] = [];
  // Turns come in document order: a copy is sorted only when they do not.
  const ordered = spans.every((span, i) => i === 0 || spans[i - 1].start <= span.start) ? spans : [...spans].sort((a, b) => a.start - b.start);
  for (let spanIndex = 0; spanIndex < ordered.length; spanIndex++) {
    const span = ordered[spanIndex];
    const last = runs[runs.length - 1];
    if (last && span.start <= last.end) runs[runs.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else runs.push(span);
  }
  return runs;
}

function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** A span without the blank lines and spaces at its ends. */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Resolves a written name to the id of the speaker who is that person, if any. */
export type SpeakerResolver = (name: string, personId: string | null) => string | null;

export function speakerResolver(speakers: Iterable<Speaker>, people: PeopleIndex): SpeakerResolver {
  const known = [...speakers].filter((speaker) => speaker.personId || speaker.id.startsWith('name:'));
  return (name, personId) =>
    known.find((speaker) => (personId !== null && speaker.personId === personId) || sameName(speaker.name, name, people) || nameKey(speaker.name) === nameKey(name))?.id ?? null;
}

/** Every person named with an office or an honorific, resolved to a speaker where one matches. */
function findMentions(input: SpeechInput, speakers: Map<string, Speaker>, meetingAt: (offset: number) => Meeting | undefined): Mention[] {
  const mentions: Mention[] = [];
  const resolve = speakerResolver(speakers.values(), input.people);
  for (let lineIndex = 0; lineIndex < input.lines.length; lineIndex++) {
    const line = input.lines[lineIndex];
    if (input.furniture[line.index] || isBlank(line.text)) continue;
    // One by one: spreading a line's mentions into push overflows the stack past ~120,000 (a 1 MB line).
    const found = mentionsInLine(line, meetingAt(line.start)?.date ?? null, resolve, input.people);
    for (let mentionIndex = 0; mentionIndex < found.length; mentionIndex++) mentions.push(found[mentionIndex]);
  }
  return mentions;
}

/** The people a line names, in order. */
export function mentionsInLine(line: Line, date: string | null, resolve: SpeakerResolver, people: PeopleIndex): readonly Mention[] {
  const offices = findNamedOffices(line.text, people, date);
  // Every honorific name ends in 氏 or さん: a line with neither, and no office, names nobody.
  const honorific = line.text.includes('氏') || line.text.includes('さん');
  if (offices.length === 0 && !honorific) return NO_MENTIONS;
  const found: Mention[] = [];
  for (const named of offices) {
    const personId = people.resolve(named.name, { title: named.title, date, country: named.country })?.id ?? null;
    found.push({
      speaker: resolve(named.name, personId),
      personId,
      name: named.name,
      span: { start: line.start + named.nameStart, end: line.start + named.nameStart + named.name.length },
      fullSpan: { start: line.start + named.start, end: line.start + named.end },
    });
  }
  for (const match of honorific ? matchesOf(HONORIFIC, line.text) : []) {
    const start = line.start + match.index!;
    if (found.some((mention) => start < mention.fullSpan.end && mention.fullSpan.start < start + match[0].length)) continue;
    const name = match[1];
    const personId = people.resolve(name, { date })?.id ?? null;
    const speaker = resolve(name, personId);
    if (!speaker && !personId) continue;
    found.push({ speaker, personId, name, span: { start, end: start + name.length }, fullSpan: { start, end: start + match[0].length } });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

const NO_MENTIONS: readonly Mention[] = Object.freeze([]);

/** Where a line of reported speech names who speaks: '岸田大臣より', '双方は', '米側から'. */
export function subjectLabels(line: Line, date: string | null, people: PeopleIndex): { span: Span; kind: Subject['kind']; written: string }[] {
  const labels: { span: Span; kind: Subject['kind']; written: string }[] = [];
  const lineNamed = findNamedOffices(line.text, people, date);
  const lineClauses = clausesOf(line);
  const { clauses, named } = splitHandovers(lineClauses, namedByClause(lineClauses, lineNamed));
  for (const [i, clause] of clauses.entries()) {
    const subject = findSubject(clause.text, named[i]);
    if (!subject) continue;
    if (subject.kind === 'person') {
      labels.push({ span: { start: clause.start + subject.named.start, end: clause.start + subject.named.end }, kind: 'person', written: subject.named.name });
    } else {
      labels.push({ span: { start: clause.start + subject.start, end: clause.start + subject.end }, kind: subject.kind, written: subject.written });
    }
  }
  return labels;
}

// The outline: meetings → sections → speaker blocks and turns.

import { Meeting, Readout, Section, Side, Turn } from '../model/readout';
import { sectionAt } from '../parse/structure';
import { LineMap, firstWords } from '../parse/text';
import { Translate } from './localize';
import { OutlineKind, OutlineNode } from './types';

const KIND_OF_SECTION: Record<Section['kind'], OutlineKind> = {
  part: 'part',
  numbered: 'section',
  paragraph: 'section',
  source: 'source',
  speaker: 'speaker',
  statement: 'statement',
  headline: 'section',
  topic: 'section',
};

const TURN_OF_SIDE: Record<Side | 'none', OutlineKind> = {
  japan: 'japanTurn',
  counterpart: 'counterpartTurn',
  press: 'pressTurn',
  joint: 'jointTurn',
  none: 'turn',
};

/** What the outline shows beside a meeting: kind, date or month-day, time, duration, place. */
function meetingDetail(meeting: Meeting, t: Translate): string {
  const when = meeting.date ?? (meeting.monthDay ? t('{0} (year not given)', meeting.monthDay) : null);
  const time = meeting.startTime ? (meeting.endTime ? `${meeting.startTime}–${meeting.endTime}` : meeting.startTime) : null;
  const duration = meeting.durationMinutes !== null ? `${meeting.durationMinutes}分` : null;
  return [meeting.kind, when, time, duration, meeting.place].filter((part) => part !== null).join(' · ');
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Index of the first turn starting at or after `offset` (turns are in document order). */
function firstTurnFrom(turns: readonly Turn[], offset: number): number {
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (turns[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A turn's node holds none: one shared empty list for a transcript's thousands of turns. */
const NO_CHILDREN: readonly OutlineNode[] = Object.freeze([]);

export function buildOutline(text: string, readout: Readout, lineMap: LineMap, t: Translate): OutlineNode[] {

  const sideOfSpeaker = new Map(readout.speakers.map((speaker) => [speaker.id, speaker.side]));
  /** The side of the speaker of the first statement within a turn, or null. */
  const sideOf = (turn: Turn): Side | null => {
    let low = 0;
    let high = readout.statements.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (readout.statements[mid].span.start < turn.span.start) low = mid + 1;
      else high = mid;
    }
    const statement = readout.statements[low];
    if (!statement || statement.span.start >= turn.span.end) return null;
    return sideOfSpeaker.get(statement.speaker) ?? null;
  };

  const turnNode = (turn: Turn): OutlineNode => {
    const range = lineMap.rangeOf(turn.span);
    // A tag with nothing after it is its whole turn: one range serves as both.
    const tagIsTurn = turn.tagSpan.start === turn.span.start && turn.tagSpan.end === turn.span.end;
    return {
      name: turn.label,
      detail: turn.speaker,
      kind: TURN_OF_SIDE[sideOf(turn) ?? 'none'],
      range,
      selectionRange: tagIsTurn ? range : lineMap.rangeOf(turn.tagSpan),
      children: NO_CHILDREN,
    };
  };

  const bodyWords = (section: Section) => {
    const bodyEnd = section.children[0]?.span.start ?? section.span.end;
    return firstWords(text.slice(section.headingSpan.end, bodyEnd), 30);
  };

  /** Turns inside `span` that no child section holds, placed among the sections by position. */
  const nodesWithin = (sections: readonly Section[], span: { start: number; end: number }): OutlineNode[] => {
    // Sections and turns are each in document order: merged as they come, not sorted.
    const nodes: OutlineNode[] = [];
    let next = 0;
    for (let i = firstTurnFrom(readout.turns, span.start); i < readout.turns.length && readout.turns[i].span.start < span.end; i++) {
      const turn = readout.turns[i];
      const holder = sectionAt(sections, turn.span.start);
      if (!contains(span, turn.span) || (holder && contains(holder.span, turn.span))) continue;
      for (; next < sections.length && sections[next].span.start <= turn.span.start; next++) nodes.push(sectionNode(sections[next]));
      nodes.push(turnNode(turn));
    }
    for (; next < sections.length; next++) nodes.push(sectionNode(sections[next]));
    return nodes;
  };

  const sectionNode = (section: Section): OutlineNode => ({
    name: section.label,
    detail: bodyWords(section),
    kind: KIND_OF_SECTION[section.kind],
    range: lineMap.rangeOf(section.span),
    selectionRange: lineMap.rangeOf(section.headingSpan),
    children: nodesWithin(section.children, section.span),
  });

  return readout.meetings.map((meeting, index) => {
    const sections = meeting.header ? meeting.header.children : readout.sections.filter((section) => contains(meeting.span, section.span));
    const titleSpan = meeting.header ? meeting.header.headingSpan : index === readout.mainMeeting && readout.titleSpan ? readout.titleSpan : meeting.span;
    return {
      name: meeting.header ? meeting.header.label : meeting.title ?? t('Readout'),
      detail: meetingDetail(meeting, t),
      kind: 'meeting',
      range: lineMap.rangeOf(meeting.span),
      selectionRange: lineMap.rangeOf(contains(meeting.span, titleSpan) ? titleSpan : { start: meeting.span.start, end: meeting.span.start }),
      children: nodesWithin(sections, meeting.span),
    };
  });
}

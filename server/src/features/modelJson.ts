// The model as JSON for the CLI and for clients: spans become LSP ranges on the original text.

import { Meeting, Participant, Readout, Section, Turn } from '../model/readout';
import { LineMap } from '../parse/text';

function participantJson(participant: Participant, lineMap: LineMap) {
  return { name: participant.name, title: participant.title, country: participant.country, range: lineMap.rangeOf(participant.span) };
}

function sectionJson(section: Section, lineMap: LineMap): unknown {
  return {
    label: section.label,
    kind: section.kind,
    marker: section.marker,
    range: lineMap.rangeOf(section.span),
    headingRange: lineMap.rangeOf(section.headingSpan),
    children: section.children.map((child) => sectionJson(child, lineMap)),
  };
}

function turnJson(turn: Turn, lineMap: LineMap) {
  return { speaker: turn.speaker, label: turn.label, range: lineMap.rangeOf(turn.span), tagRange: lineMap.rangeOf(turn.tagSpan) };
}

function meetingJson(meeting: Meeting, lineMap: LineMap) {
  return {
    title: meeting.title,
    kind: meeting.kind,
    date: meeting.date,
    monthDay: meeting.monthDay,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    startTimeJapan: meeting.startTimeJapan,
    durationMinutes: meeting.durationMinutes,
    place: meeting.place,
    countries: meeting.countries,
    participants: meeting.participants.map((participant) => participantJson(participant, lineMap)),
    range: lineMap.rangeOf(meeting.span),
    sources: meeting.provenance.map((entry) => ({ field: entry.field, range: lineMap.rangeOf(entry.span) })),
  };
}

export function readoutJson(readout: Readout, lineMap: LineMap) {
  const main = readout.meetings[readout.mainMeeting];
  return {
    title: readout.title,
    titleRange: readout.titleSpan ? lineMap.rangeOf(readout.titleSpan) : null,
    kind: readout.kind,
    date: readout.date,
    monthDay: readout.monthDay,
    startTime: readout.startTime,
    endTime: readout.endTime,
    startTimeJapan: readout.startTimeJapan,
    durationMinutes: readout.durationMinutes,
    place: readout.place,
    countries: readout.countries,
    participants: readout.participants.map((participant) => participantJson(participant, lineMap)),
    published: readout.published,
    sections: readout.sections.map((section) => sectionJson(section, lineMap)),
    turns: readout.turns.map((turn) => turnJson(turn, lineMap)),
    meetings: readout.meetings.map((meeting) => meetingJson(meeting, lineMap)),
    mainMeeting: main ? readout.mainMeeting : null,
    boilerplate: readout.boilerplate.map((span) => lineMap.rangeOf(span)),
    speakers: readout.speakers,
    statements: readout.statements.map((statement) => ({
      speaker: statement.speaker,
      joint: statement.joint,
      jointWith: statement.jointWith,
      range: lineMap.rangeOf(statement.span),
      labelRange: statement.labelSpan ? lineMap.rangeOf(statement.labelSpan) : null,
    })),
    mentions: readout.mentions.map((mention) => ({
      name: mention.name,
      speaker: mention.speaker,
      personId: mention.personId,
      range: lineMap.rangeOf(mention.span),
    })),
  };
}

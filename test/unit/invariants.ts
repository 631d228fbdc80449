// What every parse must satisfy whatever the text: spans inside the document and nested as the
// model says, outline ranges that an editor accepts, valid folding. Shared by the property,
// size and linear-time tests; each check throws an AssertionError naming what broke.

import assert from 'node:assert/strict';
import { FoldingRegion, OutlineNode, Position, Range } from '../../server/src/features/types';
import { Readout, Section, Span } from '../../server/src/model/readout';
import { Line } from '../../server/src/parse/text';

function assertSpan(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets ${span.start}–${span.end} are not integers`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= length, `${what}: ${span.start}–${span.end} outside [0, ${length}] or reversed`);
}

function assertInside(inner: Span, outer: Span, what: string): void {
  assert.ok(outer.start <= inner.start && inner.end <= outer.end, `${what}: ${inner.start}–${inner.end} not inside ${outer.start}–${outer.end}`);
}

/** In document order and not overlapping: siblings in a tree, turns, furniture blocks. */
function assertOrderedDisjoint(spans: readonly Span[], what: string): void {
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i - 1].end <= spans[i].start, `${what} ${i - 1} (${spans[i - 1].start}–${spans[i - 1].end}) overlaps or follows ${what} ${i} (${spans[i].start}–${spans[i].end})`);
  }
}

function assertSections(sections: readonly Section[], length: number, parent: Section | null, path: string): void {
  assertOrderedDisjoint(sections.map((section) => section.span), `${path} section`);
  for (const section of sections) {
    const where = `${path} › ${section.label}`;
    assertSpan(section.span, length, where);
    assertSpan(section.headingSpan, length, `${where} heading`);
    assertInside(section.headingSpan, section.span, `${where} heading`);
    assert.equal(section.headingSpan.start, section.span.start, `${where}: a section starts at its heading`);
    if (parent) assertInside(section.span, parent.span, where);
    assertSections(section.children, length, section, where);
  }
}

/** Every span of the model lies in [0, text.length] and nests where the model nests. */
export function assertReadoutInvariants(readout: Readout, text: string): void {
  const length = text.length;
  if (readout.titleSpan) assertSpan(readout.titleSpan, length, 'title');
  assertSections(readout.sections, length, null, 'document');

  assertOrderedDisjoint(readout.turns.map((turn) => turn.span), 'turn');
  readout.turns.forEach((turn, i) => {
    assertSpan(turn.span, length, `turn ${i}`);
    assertSpan(turn.tagSpan, length, `turn ${i} tag`);
    assertInside(turn.tagSpan, turn.span, `turn ${i} tag`);
  });

  assertOrderedDisjoint(readout.boilerplate, 'furniture block');
  readout.boilerplate.forEach((span, i) => assertSpan(span, length, `furniture block ${i}`));

  assert.ok(readout.mainMeeting === -1 ? readout.meetings.length === 0 : readout.mainMeeting < readout.meetings.length, `mainMeeting ${readout.mainMeeting} of ${readout.meetings.length}`);
  readout.meetings.forEach((meeting, i) => {
    assertSpan(meeting.span, length, `meeting ${i}`);
    meeting.participants.forEach((participant) => assertSpan(participant.span, length, `meeting ${i} participant ${participant.name}`));
    meeting.provenance.forEach((source) => assertSpan(source.span, length, `meeting ${i} ${source.field} source`));
    if (meeting.header) assertInside(meeting.header.span, meeting.span, `meeting ${i} header`);
  });
  readout.participants.forEach((participant) => assertSpan(participant.span, length, `participant ${participant.name}`));
  readout.provenance.forEach((source) => assertSpan(source.span, length, `${source.field} source`));

  const speakerIds = new Set(readout.speakers.map((speaker) => speaker.id));
  readout.statements.forEach((statement, i) => {
    assertSpan(statement.span, length, `statement ${i}`);
    assert.ok(speakerIds.has(statement.speaker), `statement ${i}: speaker ${statement.speaker} is not among the speakers`);
  });
  readout.mentions.forEach((mention, i) => {
    assertSpan(mention.fullSpan, length, `mention ${i}`);
    assertSpan(mention.span, length, `mention ${i} name`);
    assertInside(mention.span, mention.fullSpan, `mention ${i} name`);
    if (mention.speaker !== null) assert.ok(speakerIds.has(mention.speaker), `mention ${i}: speaker ${mention.speaker} is not among the speakers`);
  });
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function assertPosition(position: Position, lines: readonly Line[], what: string): void {
  const line = lines[position.line];
  assert.ok(line !== undefined, `${what}: line ${position.line} of ${lines.length}`);
  assert.ok(0 <= position.character && position.character <= line.end - line.start, `${what}: character ${position.character} on a line of ${line.end - line.start}`);
}

function assertRange(range: Range, lines: readonly Line[], what: string): void {
  assertPosition(range.start, lines, `${what} start`);
  assertPosition(range.end, lines, `${what} end`);
  assert.ok(before(range.start, range.end), `${what}: reversed`);
}

/** Ranges on real lines, the selection inside the range (editors reject it otherwise), children inside parents. */
export function assertOutlineInvariants(nodes: readonly OutlineNode[], lines: readonly Line[], parent: Range | null = null, path = 'outline'): void {
  for (const node of nodes) {
    const where = `${path} › ${node.name}`;
    assertRange(node.range, lines, where);
    assertRange(node.selectionRange, lines, `${where} selection`);
    assert.ok(before(node.range.start, node.selectionRange.start) && before(node.selectionRange.end, node.range.end), `${where}: selection outside range`);
    if (parent) assert.ok(before(parent.start, node.range.start) && before(node.range.end, parent.end), `${where}: outside its parent`);
    assertOutlineInvariants(node.children, lines, node.range, where);
  }
}

/** Each region spans real lines, more than one, and regions come sorted by start line. */
export function assertFoldingInvariants(regions: readonly FoldingRegion[], lineCount: number): void {
  regions.forEach((region, i) => {
    assert.ok(Number.isInteger(region.startLine) && Number.isInteger(region.endLine), `folding ${i}: not integers`);
    assert.ok(0 <= region.startLine && region.startLine < region.endLine && region.endLine < lineCount, `folding ${i}: lines ${region.startLine}–${region.endLine} of ${lineCount}`);
    if (i > 0) assert.ok(regions[i - 1].startLine <= region.startLine, `folding ${i}: not sorted`);
  });
}

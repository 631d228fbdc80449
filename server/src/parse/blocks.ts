// The blocks of a page that each report one meeting: the whole page, or each quoted release or
// press conference in it, with the lines its metadata is read from.

import { Section, Span } from '../model/readout';
import { PRESS_TAG, fieldLine, isConferenceHeader } from './lineKinds';
import { Block, isTitleLine } from './meetings';
import { signatureSpans } from './parties';
import { Structure } from './structure';
import { findTitleKind } from '../knowledge/meetingKinds';
import { HOLDS_SENTENCE_END, Line, LineMap, contentEnd, contentStart } from './text';

export interface PageLines {
  readonly text: string;
  readonly lineMap: LineMap;
  /** The lines of content (not furniture, not blank), in order. */
  readonly content: readonly Line[];
  readonly structure: Structure;
}

/** How many lines from the top of a block its lead may stand. */
const PROSE_WINDOW = 40;
/**
 * How many lines above a block's first section are read for its title, fields, dateline and lead:
 * far more than any page's header holds, so that a page with no heading at all is not read whole
 * for them.
 */
const LEAD_WINDOW = 200;

/** Content lines starting in [start, end), at most `limit` of them, found by binary search. */
function contentBetween(content: readonly Line[], start: number, end: number, limit = Infinity): Line[] {
  let low = 0;
  let high = content.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (content[mid].start < start) low = mid + 1;
    else high = mid;
  }
  const found: Line[] = [];
  for (let i = low; i < content.length && content[i].start < end && found.length < limit; i++) found.push(content[i]);
  return found;
}

/**
 * The first section's heading and lines up to its first paragraph of prose: a transcript's
 * opening remarks, a numbered lead ('1 12月15日18時10分頃から…'), a statement's dateline.
 */
function firstParagraphOf(page: PageLines, firstSection: Section | undefined): Line[] {
  const paragraph: Line[] = [];
  // A speaker's remarks are speech, not the page's lead.
  if (!firstSection || firstSection.kind === 'speaker') return paragraph;
  // A heading's own numbered paragraph ('1.概要' over '1.福田総理と…') is its lead, not a new heading.
  const child = firstSection.children[0];
  const leadParagraph = child?.kind === 'paragraph' ? child.headingSpan.start : -1;
  for (const line of contentBetween(page.content, page.lineMap.lineAt(firstSection.headingSpan.start).start, firstSection.span.end)) {
    if (line.end < firstSection.headingSpan.start) continue;
    const opensLead = line.start <= leadParagraph && leadParagraph < line.end;
    if (line.start >= firstSection.span.end || (paragraph.length > 0 && page.structure.headingLines.has(line.index) && !opensLead)) break;
    paragraph.push(line);
    if (HOLDS_SENTENCE_END.test(line.text) || line.text.trim().length >= 40) break;
  }
  return paragraph;
}

/** Whether a header names a meeting of its own ('日露外相共同記者会見(…)'), not just a press conference. */
function namesMeetingKind(text: string): boolean {
  const kind = findTitleKind(text)?.kind;
  return kind !== undefined && kind !== '記者会見';
}

function collect(sections: readonly Section[], keep: (section: Section) => boolean): Section[] {
  return sections.flatMap((section) => [...(keep(section) ? [section] : []), ...collect(section.children, keep)]);
}

function buildBlock(page: PageLines, span: Span, header: Section | null, children: readonly Section[], extraTitles: Span[]): Block {
  const { text, lineMap, content, structure } = page;
  const leadEnd = children[0] ? children[0].span.start : span.end;
  // A press conference's header opens its block and gives its date, time and place.
  const headerLine = header && isConferenceHeader(text.slice(header.headingSpan.start, header.headingSpan.end)) ? lineMap.lineAt(header.headingSpan.start).index : -1;
  const leadLines = contentBetween(content, span.start, leadEnd, LEAD_WINDOW).filter((line) => !structure.headingLines.has(line.index) || line.index === headerLine);
  const turns = structure.turns.filter((turn) => turn.span.start >= span.start && turn.span.start < span.end);
  // Speaker blocks, and the tags of a transcript that name their speaker ('(麻生外務大臣)', '【岸田外務大臣】').
  const speakerLabels = [
    ...collect(children, (section) => section.kind === 'speaker').map((section) => section.headingSpan),
    ...turns.filter((turn) => !PRESS_TAG.test(turn.speaker)).map((turn) => turn.tagSpan),
  ];
  const titleLines = leadLines
    .filter((line) => isTitleLine(line) && !fieldLine(line.text))
    .map((line) => ({ start: contentStart(line), end: contentEnd(line) }));
  // Tagged turns, or a press conference's bracketed header, make a transcript.
  const transcript = turns.length > 0 || leadLines.some((line) => isConferenceHeader(line.text) && !namesMeetingKind(line.text));
  const blockLines = contentBetween(content, span.start, span.end);
  const firstParagraph = firstParagraphOf(page, children[0]);
  // A lead below captions or a photo list that the outline took for a section: the first prose line.
  const read = new Set([...leadLines, ...firstParagraph].map((line) => line.index));
  const firstProse = blockLines.slice(0, PROSE_WINDOW).find((line) => !read.has(line.index) && HOLDS_SENTENCE_END.test(line.text) && line.text.trim().length >= 30);
  return {
    span,
    header,
    leadLines,
    firstParagraph,
    firstProse: firstProse ?? null,
    speakerLabels,
    signatures: signatureSpans(blockLines, text),
    // Room for a signing line above the signatures of four signatories with their titles.
    closingLines: blockLines.slice(-12),
    titles: [...extraTitles, ...titleLines, ...headingTitle(page, children, extraTitles.length + titleLines.length)],
    transcript,
  };
}

/** With no title line, a first heading that names a meeting ('(1) |' over 'イワノフ露外相との会談') says the kind. */
function headingTitle(page: PageLines, children: readonly Section[], titles: number): Span[] {
  const first = children[0];
  if (titles > 0 || !first || first.kind === 'paragraph' || first.label.endsWith('…')) return [];
  // The heading's words may stand on the line below its marker: where the label's words are written.
  const words = first.label.slice(first.marker?.length ?? 0).trim();
  const start = page.text.indexOf(words, first.headingSpan.start);
  return words.length >= 2 && words.length <= 40 && start >= 0 && namesMeetingKind(words) ? [{ start, end: start + words.length }] : [];
}

/** One block per quoted release or conference, or the whole page as one. */
export function meetingBlocks(page: PageLines): Block[] {
  const { content, structure } = page;
  const sources = structure.sections.filter((section) => section.kind === 'source');
  if (sources.length > 0) return sources.map((source) => buildBlock(page, source.span, source, source.children, [source.headingSpan]));
  if (content.length === 0) return [];
  const end = structure.sections.reduce((last, section) => Math.max(last, section.span.end), contentEnd(content[content.length - 1]));
  return [buildBlock(page, { start: content[0].start, end }, null, structure.sections, [])];
}

// Lines → the section tree and transcript turns.
//
// Numbered headings nest the way Markdown lists do: the first style seen under a container is
// its top level ('1'), a new style nests below the current one ('(1)' then '(ア)'), and a style
// already open closes everything below it. A number must continue its list (or start one at 1),
// which keeps numbered sentences and list items out of the outline.

import { Section, SectionKind, Span, Turn } from '../model/readout';
import {
  Bracketed,
  IROHA_ORDER,
  fieldLine,
  NumberStyle,
  NumberedLine,
  gluedHeading,
  headingText,
  isConferenceHeader,
  isHeadlineText,
  isMarkedHeading,
  isPartHeading,
  isStatementTitle,
  isTopicText,
  numberedLine,
  sourceHeading,
  speakerBlock,
  turnTag,
} from './lineKinds';
import { END_MARKER } from './boilerplate';
import { Line, LineMap, contentEnd, contentStart, firstWords, isBlank } from './text';

interface Draft {
  label: string;
  kind: SectionKind;
  marker: string | null;
  headingSpan: Span;
  start: number;
  /** 0 source, 1 part / speaker / statement, 2 headline / topic, 10+ numbered depth. */
  rank: number;
  style: NumberStyle | null;
  number: number;
  children: Draft[];
  parent: Draft | null;
}

interface TurnDraft {
  readonly speaker: string;
  /** The tag as written: '【記者】', '(問)', 'Q:'. */
  readonly written: string;
  readonly tagSpan: Span;
  readonly start: number;
  readonly firstLine: string;
}

export interface Structure {
  readonly sections: Section[];
  readonly turns: Turn[];
  /** Line indexes that are headings or tags (never a title, a lead or a field). */
  readonly headingLines: ReadonlySet<number>;
}

const LABEL_LENGTH = 24;
/** Tags of the press's questions. */
const PRESS_ROLE = /^(問|Q|記者)$|記者$/;

/** A conference header's date and time, so that the same header written twice counts once. */
function conferenceKey(text: string): string {
  return (text.match(/[0-9０-９]+/g) ?? []).slice(0, 6).join('-');
}

function headingLabel(marker: string, text: string): string {
  const heading = firstWords(text, LABEL_LENGTH);
  return marker ? `${marker} ${heading}` : heading;
}

/** Whether the heading text is running prose (a numbered paragraph) rather than a short title. */
function isProse(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 40 || /[。．]/.test(trimmed);
}

export function buildStructure(lineMap: LineMap, furniture: readonly boolean[], textEnd: number): Structure {
  const { lines } = lineMap;
  const roots: Draft[] = [];
  const turnDrafts: TurnDraft[] = [];
  const headingLines = new Set<number>();
  /** The open sections, outermost first. */
  const stack: Draft[] = [];
  let inStatement = false;

  const open = (draft: Omit<Draft, 'children' | 'parent'>) => {
    while (stack.length > 0 && stack[stack.length - 1].rank >= draft.rank) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const section: Draft = { ...draft, children: [], parent };
    (parent ? parent.children : roots).push(section);
    stack.push(section);
    return section;
  };

  /** Where a numbered heading of this style goes, or null when it does not continue a list. */
  const numberedRank = (style: NumberStyle, number: number): number | null => {
    const open = stack.findIndex((section) => section.style === style);
    if (open >= 0) return number === stack[open].number + 1 ? stack[open].rank : null;
    if (number !== 1) return null;
    const innermost = stack[stack.length - 1];
    return innermost && innermost.rank >= 10 ? innermost.rank + 1 : 10;
  };

  /** `textOffset` -1: the heading is all of `headingLine`, the line below the marker. */
  const openNumbered = (line: Line, offset: number, style: NumberStyle, marker: string, number: number, textOffset: number, headingLine = line) => {
    const rank = numberedRank(style, number);
    if (rank === null) return false;
    const text = textOffset < 0 ? headingLine.text.trim() : line.text.slice(textOffset);
    const start = line.start + offset;
    const prose = isProse(text);
    // A numbered paragraph's heading is its first sentence; without one, the line's content.
    const sentenceEnd = line.text.slice(offset).search(/[。．]/);
    const headingEnd = prose && sentenceEnd >= 0 ? start + sentenceEnd + 1 : contentEnd(line);
    open({
      label: headingLabel(marker, text),
      kind: prose ? 'paragraph' : 'numbered',
      marker,
      headingSpan: { start, end: Math.max(start + marker.length, Math.min(headingEnd, line.end)) },
      start,
      rank,
      style,
      number,
    });
    return true;
  };

  /**
   * A numbered heading line. '(イ)' may start an iroha list; a marker whose heading stands on the
   * next line ('(1) |' in the table debris of old pages) takes that line's words.
   */
  const openNumberedLine = (line: Line, numbered: NumberedLine, index: number): boolean => {
    const alone = /^[|｜]?$/.test(line.text.slice(numbered.textOffset).trim());
    const headingLine = alone ? nextContent(index) : line;
    if (!headingLine) return false;
    const textOffset = alone ? -1 : numbered.textOffset;
    const opened =
      openNumbered(line, numbered.markerOffset, numbered.style, numbered.marker, numbered.number, textOffset, headingLine) ||
      (numbered.style === 'kana' && IROHA_ORDER.includes(numbered.marker.charAt(1)) &&
        openNumbered(line, numbered.markerOffset, 'iroha', numbered.marker, IROHA_ORDER.indexOf(numbered.marker.charAt(1)) + 1, textOffset, headingLine));
    if (!opened) return false;
    headingLines.add(line.index);
    if (alone && !isProse(headingLine.text)) headingLines.add(headingLine.index);
    return true;
  };

  const content = (index: number) => !furniture[index] && !isBlank(lines[index].text);
  /** The tag of a turn on this line; in a transcript, '(外務大臣)' alone on its line is one too. */
  const tagOf = (line: Line, transcript: boolean): Bracketed | null => {
    const tag = turnTag(line.text);
    if (tag || !transcript) return tag;
    const block = speakerBlock(line.text);
    if (!block) return null;
    const nameStart = line.text.indexOf(block);
    return { inner: block, tagStart: contentStart(line) - line.start, tagEnd: line.text.length, nameStart, nameEnd: nameStart + block.length };
  };
  // A transcript has the press's tags; a page of a month's press conferences has several headers.
  const transcript = lines.some((line) => content(line.index) && PRESS_ROLE.test(turnTag(line.text)?.inner.replace(/\s+/g, '') ?? ''));
  // A page whose numbered headings are all indented (a web page's list items) has them as headings.
  const indented = !lines.some((line) => content(line.index) && numberedLine(line.text) !== null);
  // The same header written twice (a title line and its bracket) is one conference.
  const headers = new Set(lines.filter((line) => content(line.index) && isConferenceHeader(line.text)).map((line) => conferenceKey(line.text)));
  const conferences = headers.size > 1;
  /** Whether a line of content stands between two offsets; walks only the lines between them. */
  const hasContentBetween = (from: number, to: number): boolean => {
    for (let index = lineMap.lineAt(from).index + 1; index < lines.length && lines[index].start < to; index++) if (content(index)) return true;
    return false;
  };
  const nextContent = (index: number): Line | null => {
    for (let next = index + 1; next < lines.length; next++) if (content(next)) return lines[next];
    return null;
  };

  const firstContent = lines.findIndex((line) => content(line.index));
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!content(index)) continue;
    const start = contentStart(line);
    const end = contentEnd(line);
    const trimmed = line.text.trim();

    const source = sourceHeading(line.text) ?? (conferences && isConferenceHeader(line.text) ? trimmed : null);
    if (source) {
      inStatement = false;
      stack.length = 0;
      open({ label: firstWords(trimmed, 40), kind: 'source', marker: null, headingSpan: { start, end }, start, rank: 0, style: null, number: 0 });
      headingLines.add(line.index);
      continue;
    }
    const tag = tagOf(line, transcript);
    if (tag) {
      const written = line.text.slice(tag.tagStart, tag.tagEnd);
      turnDrafts.push({
        speaker: tag.inner,
        written: written.trim(),
        tagSpan: { start: line.start + tag.tagStart, end: line.start + tag.tagStart + written.trimEnd().length },
        start,
        firstLine: line.text.slice(tag.tagEnd),
      });
      headingLines.add(line.index);
      continue;
    }
    const container = (kind: SectionKind, label: string) => {
      inStatement = kind === 'statement';
      open({ label, kind, marker: null, headingSpan: { start, end }, start, rank: 1, style: null, number: 0 });
      headingLines.add(line.index);
    };
    // A header's field ('[文書名] 日ソ共同声明', '場所') is metadata, never a heading.
    if (fieldLine(line.text)) continue;
    if (isPartHeading(trimmed)) {
      // Some pages write a part's heading twice in a row.
      const current = stack[stack.length - 1];
      if (current?.kind === 'part' && current.label === headingText(trimmed) && current.children.length === 0 && !hasContentBetween(current.headingSpan.end, line.start)) {
        headingLines.add(line.index);
        continue;
      }
      container('part', headingText(trimmed));
      continue;
    }
    const speaker = speakerBlock(line.text);
    if (speaker) {
      container('speaker', trimmed);
      continue;
    }
    if (isStatementTitle(trimmed)) {
      const current = stack[stack.length - 1];
      // A statement's title on top is the document's own, not a section; a subtitle right under a
      // statement's title belongs to the same heading.
      const documentTitle = roots.length === 0 && (index === firstContent || inStatement);
      const subtitle = inStatement && current?.kind === 'statement' && current.children.length === 0;
      if (documentTitle || subtitle) {
        inStatement = true;
        headingLines.add(line.index);
      } else container('statement', trimmed);
      continue;
    }
    const numbered = numberedLine(line.text, indented);
    if (numbered && openNumberedLine(line, numbered, index)) continue;
    const following = nextContent(index);
    // A press conference's topic stands right above the question it introduces.
    const followingTag = following ? tagOf(following, transcript) : null;
    const topic = isMarkedHeading(trimmed) || (transcript && isTopicText(trimmed) && followingTag !== null);
    if (topic) {
      // A topic the press asks about ends the opening remarks; under 質疑応答 it nests.
      const opening = stack.some((section) => section.kind === 'part' && /^冒頭/.test(section.label));
      const asked = followingTag !== null && PRESS_ROLE.test(followingTag.inner.replace(/\s+/g, ''));
      open({ label: headingText(trimmed), kind: 'topic', marker: null, headingSpan: { start, end }, start, rank: opening && asked ? 1 : 2, style: null, number: 0 });
      headingLines.add(line.index);
      continue;
    }
    if (inStatement && isHeadlineText(trimmed) && previousContentIsProse(lines, furniture, index) && nextContentIsProse(lines, furniture, index)) {
      open({ label: trimmed, kind: 'headline', marker: null, headingSpan: { start, end }, start, rank: 2, style: null, number: 0 });
      headingLines.add(line.index);
      continue;
    }
    const glued = gluedHeading(line.text);
    if (glued) {
      const text = line.text.slice(glued.offset);
      const marker = /^[0-9０-９]{1,2}/.exec(text)![0];
      openNumbered(line, glued.offset, 'arabic', marker, glued.number, glued.offset + marker.length + 1);
    }
  }

  const contentLimit = trimEnd(lineMap, furniture, 0, textEnd);
  const sections = finish(roots, contentLimit, lineMap, furniture);
  const turns = finishTurns(turnDrafts, sections, contentLimit, lineMap, furniture);
  return { sections, turns, headingLines };
}

/** Headlines stand between paragraphs, not under a title (a statement's place or date line). */
function previousContentIsProse(lines: readonly Line[], furniture: readonly boolean[], index: number): boolean {
  for (let previous = index - 1; previous >= 0; previous--) {
    if (furniture[previous] || isBlank(lines[previous].text)) continue;
    return isProse(lines[previous].text);
  }
  return false;
}

function nextContentIsProse(lines: readonly Line[], furniture: readonly boolean[], index: number): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    if (furniture[next] || isBlank(lines[next].text)) continue;
    return isProse(lines[next].text);
  }
  return false;
}

/**
 * The end of the last line of content that starts before `limit` (and not before `from`'s line),
 * walking back from `limit`: sections end on content, not on blank lines or page furniture.
 */
function trimEnd(lineMap: LineMap, furniture: readonly boolean[], from: number, limit: number): number {
  const { lines } = lineMap;
  const first = lineMap.lineAt(from).index;
  for (let index = lineMap.lineAt(Math.max(limit - 1, 0)).index; index >= first; index--) {
    const line = lines[index];
    if (line.start >= limit || furniture[line.index] || isBlank(line.text) || END_MARKER.test(line.text.trim())) continue;
    return Math.max(from, Math.min(contentEnd(line), limit));
  }
  return from;
}

function finish(drafts: readonly Draft[], limit: number, lineMap: LineMap, furniture: readonly boolean[]): Section[] {
  return drafts.map((draft, i) => {
    const next = drafts[i + 1];
    const rawEnd = next ? next.start : limit;
    const end = Math.max(draft.headingSpan.end, trimEnd(lineMap, furniture, draft.start, rawEnd));
    return {
      label: draft.label,
      kind: draft.kind,
      marker: draft.marker,
      headingSpan: draft.headingSpan,
      span: { start: draft.start, end },
      children: finish(draft.children, end, lineMap, furniture),
    };
  });
}

/** The section of a sorted sibling list that holds `offset`, by binary search. */
export function sectionAt(siblings: readonly Section[], offset: number): Section | undefined {
  let low = 0;
  let high = siblings.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = siblings[mid].span;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return siblings[mid];
  }
  return undefined;
}

/** Turns run to the next tag, or to the end of the part that holds them. */
function finishTurns(
  drafts: readonly TurnDraft[],
  sections: readonly Section[],
  limit: number,
  lineMap: LineMap,
  furniture: readonly boolean[],
): Turn[] {
  const containerEnd = (offset: number): number => {
    let end = limit;
    let level: readonly Section[] = sections;
    for (;;) {
      const holder = sectionAt(level, offset);
      if (!holder) return end;
      if (holder.kind === 'part' || holder.kind === 'source' || holder.kind === 'speaker') end = holder.span.end;
      level = holder.children;
    }
  };
  return drafts.map((draft, i) => {
    const next = drafts[i + 1];
    const boundary = Math.min(next ? next.start : limit, containerEnd(draft.start));
    return {
      speaker: draft.speaker,
      label: `${draft.written}${firstWords(draft.firstLine, LABEL_LENGTH)}`,
      tagSpan: draft.tagSpan,
      span: { start: draft.start, end: Math.max(draft.tagSpan.end, trimEnd(lineMap, furniture, draft.start, boundary)) },
    };
  });
}

// Lines → the drafts of the section tree and of transcript turns, read one line at a time.
//
// Numbered headings nest the way Markdown lists do: the first style seen under a container is
// its top level ('1'), a new style nests below the current one ('(1)' then '(ア)'), and a style
// already open closes everything below it. A number must continue its list (or start one at 1),
// which keeps numbered sentences and list items out of the outline.

import { SectionKind } from '../model/readout';
import {
  Bracketed,
  IROHA_ORDER,
  NumberStyle,
  NumberedLine,
  PRESS_TAG,
  dashItemTopic,
  startsDashItem,
  fieldLine,
  gluedHeading,
  headerGluedTag,
  headingText,
  isConferenceHeader,
  isHeadlineText,
  isMarkedHeading,
  isPartHeading,
  isStatementTitle,
  isTopicText,
  numberedLine,
  sourceHeading,
} from './lineKinds';
import { HOST_OPENING, PageTraits, headingLabel, isCutTag, isProse, namesEventOf, nextContentIsProse, previousContentIsParagraph, readPageTraits, restatesHeadline, romanAlone, rowGluedHeading, runInItems, sentenceGluedItem, titleCore, topicBeforeColon } from './structurePage';
import { Draft, TurnDraft } from './structureDrafts';
import { HOLDS_SENTENCE_END, Line, LineMap, LineMarks, WHITESPACE, contentEnd, contentStart, firstWords, isBlank } from './text';

export type { Draft, TurnDraft } from './structureDrafts';

/** Nothing but a table's cell bar. */
const ONLY_CELL_BAR = /^[|｜]?$/;
/** '(両国を取り巻く安全保障課題)': words only, no date, count or list in it. */
const PAREN_HEADING = /^[(（][^()（）0-9０-９、。,，:：]{4,30}[)）]$/;
/** '…について': a topic of an untagged page. */
const ABOUT_LINE = /について$/;
const HOLDS_COMMA = /[、,]/;
/** The host's opening remarks. */
const OPENING_PART = /^(?:大臣|副大臣|長官|官房長官|報道官|知事)?冒頭/;
const OPENS_WITH_NUMBER = /^[0-9０-９]{1,2}/;
/** The section tree and turns as the lines are read, one line of content at a time. */
export class StructureBuilder {
  readonly roots: Draft[] = [];
  readonly turnDrafts: TurnDraft[] = [];
  readonly headingLines: LineMarks;
  /** The open sections, outermost first. */
  private readonly stack: Draft[] = [];
  private inStatement = false;
  private proseSeen = false;
  /** Where the last line of prose started (-1: none yet), and the document's own title. */
  private lastProse = -1;
  private documentTitle: string | null = null;
  private headlineCore: string | undefined;
  /** A numbered list a headline interrupted, which the paragraphs below it continue. */
  private interrupted: { style: NumberStyle; number: number } | null = null;
  private readonly lines: readonly Line[];
  private readonly page: PageTraits;

  constructor(
    private readonly lineMap: LineMap,
    private readonly furniture: readonly boolean[],
  ) {
    this.lines = lineMap.lines;
    this.headingLines = new LineMarks(this.lines.length);
    this.page = readPageTraits(this.lines, (index) => this.isContent(index));
  }

  readAll(): void {
    for (let index = 0; index < this.lines.length; index++) if (this.isContent(index)) this.read(index);
  }

  /** The first kind of line it is opens a section or a turn; a line of no kind is body text. */
  private read(index: number): void {
    const line = this.lines[index];
    this.readLine(line, index);
    if (isProse(line.text)) {
      this.proseSeen = true;
      this.lastProse = line.start;
    }
  }

  private readLine(line: Line, index: number): void {
    if (this.readSource(line) || this.readTurnTag(line)) return;
    // A header's field ('[文書名] 日ソ共同声明', '場所') is metadata, never a heading.
    if (fieldLine(line.text)) return;
    if (this.readPart(line) || this.readSpeaker(line) || this.readStatementTitle(line)) return;
    const roman = romanAlone(line.text);
    if (roman && this.openNumbered(line, roman.offset, 'roman', roman.marker, roman.number, roman.offset + roman.marker.length)) return;
    const numbered = numberedLine(line.text, this.page.indented);
    // '一、' before every item of a news 要旨 marks items, it does not number them; an item is never the title.
    if (numbered && this.page.bulletStyles.has(numbered.style)) {
      this.headingLines.add(line.index);
      return;
    }
    if (numbered && this.openNumberedLine(line, numbered, index)) return;
    if (this.readTopic(line, index) || this.readHeadline(line, index) || this.readRunInItems(line)) return;
    this.readGluedHeading(line);
  }

  /** A source's heading, or a conference's header on a page of several, starts a new tree. */
  private readSource(line: Line): boolean {
    const trimmed = line.text.trim();
    const source = sourceHeading(line.text) ?? (this.page.conferences && isConferenceHeader(line.text) ? trimmed : null);
    if (!source) return false;
    this.inStatement = false;
    this.stack.length = 0;
    this.openLineSection(line, 'source', firstWords(trimmed, 40), 0);
    return true;
  }

  private readTurnTag(line: Line): boolean {
    const tag = this.tagOf(line);
    if (!tag) return false;
    const written = line.text.slice(tag.tagStart, tag.tagEnd);
    this.turnDrafts.push({
      speaker: tag.inner,
      written: written.trim(),
      tagSpan: { start: line.start + tag.tagStart, end: line.start + tag.tagStart + written.trimEnd().length },
      start: contentStart(line),
      firstLine: line.text.slice(tag.tagEnd),
    });
    // A conference's header with the first tag glued to it stays a lead line: its date, time and place are read from it.
    if (this.page.turnTags[line.index] || !headerGluedTag(line.text)) this.headingLines.add(line.index);
    return true;
  }

  private readPart(line: Line): boolean {
    const heading = headingText(line.text);
    if (!isPartHeading(line.text) && !HOST_OPENING.test(heading)) return false;
    // Some pages write a part's heading twice in a row.
    const current = this.innermost();
    if (current?.kind === 'part' && current.label === heading && current.children.length === 0 && !this.hasContentBetween(current.headingSpan.end, line.start)) {
      this.headingLines.add(line.index);
      return true;
    }
    this.dropIndexEntry(heading);
    this.openContainer(line, 'part', heading);
    return true;
  }

  /**
   * A part named again at the top, with no prose and no turn since the first time, was an entry
   * of the page's table of contents ('○冒頭発言' over '(1)…' items, then the topics): it and what
   * followed it are no sections.
   */
  private dropIndexEntry(label: string): void {
    const index = this.roots.findIndex((root) => root.kind === 'part' && root.label === label);
    if (index < 0) return;
    const entry = this.roots[index];
    if (this.lastProse >= entry.start || this.turnDrafts.some((turn) => turn.start >= entry.start)) return;
    this.roots.length = index;
    this.stack.length = 0;
  }

  /** A speaker's block; under a numbered heading ('1 発表事項') it nests. */
  private readSpeaker(line: Line): boolean {
    if (!this.page.speakerBlocks[line.index]) return false;
    const heading = [...this.stack].reverse().find((section) => section.kind === 'numbered');
    this.inStatement = false;
    this.openLineSection(line, 'speaker', line.text.trim(), heading ? heading.rank + 1 : 1);
    return true;
  }

  private readStatementTitle(line: Line): boolean {
    const trimmed = line.text.trim();
    if (!isStatementTitle(trimmed)) return false;
    const current = this.innermost();
    // A statement's title on top (under labels only: 'アメリカ合衆国', '報道発表') is the document's own, not a section; so is a subtitle right under it.
    const documentTitle = this.roots.length === 0 && (!this.proseSeen || this.inStatement);
    const subtitle = this.inStatement && current?.kind === 'statement' && current.children.length === 0;
    // A copy repeats its headline above the text ('■…の要旨(2017年2月10日)'): still the document's title.
    const repeated = this.documentTitle !== null && titleCore(trimmed) === this.documentTitle;
    if (documentTitle || subtitle || repeated) {
      if (documentTitle) this.documentTitle ??= titleCore(trimmed);
      this.inStatement = true;
      this.headingLines.add(line.index);
    } else this.openContainer(line, 'statement', trimmed);
    return true;
  }

  /**
   * A numbered heading line. '(イ)' may start an iroha list; a marker whose heading stands on the
   * next line ('(1) |' in the table debris of old pages) takes that line's words.
   */
  private openNumberedLine(line: Line, numbered: NumberedLine, index: number): boolean {
    const alone = ONLY_CELL_BAR.test(line.text.slice(numbered.textOffset).trim());
    const headingLine = alone ? this.nextContent(index) : line;
    if (!headingLine) return false;
    const textOffset = alone ? -1 : numbered.textOffset;
    const opened =
      this.openNumbered(line, numbered.markerOffset, numbered.style, numbered.marker, numbered.number, textOffset, headingLine) ||
      (numbered.style === 'kana' && IROHA_ORDER.includes(numbered.marker.charAt(1)) &&
        this.openNumbered(line, numbered.markerOffset, 'iroha', numbered.marker, IROHA_ORDER.indexOf(numbered.marker.charAt(1)) + 1, textOffset, headingLine));
    if (!opened) return false;
    this.headingLines.add(line.index);
    if (alone && !isProse(headingLine.text)) this.headingLines.add(headingLine.index);
    return true;
  }

  private readTopic(line: Line, index: number): boolean {
    const trimmed = line.text.trim();
    // The page's headline written again above the text heads nothing; its day and span still date the record.
    const { headline } = this.page;
    if (headline && headline !== line && restatesHeadline(trimmed, (this.headlineCore ??= titleCore(headline.text)))) return true;
    const marked = isMarkedHeading(trimmed) || this.parenHeadingBetweenParagraphs(trimmed, index);
    // Without tags (a 官房長官's page), a '…について' line over prose heads a topic.
    const aboutLine = !this.page.transcript && ABOUT_LINE.test(trimmed) && trimmed.length <= 40 && !HOLDS_COMMA.test(trimmed);
    const topicLike = this.page.transcript && isTopicText(trimmed);
    // A scraped page's list item alone over prose ('- 二国間関係' above its paragraph) heads a topic; a run of items is a list.
    const dashed = this.page.transcript || this.stack.some((open) => open.kind !== 'topic' && open.kind !== 'paragraph') ? null : dashItemTopic(trimmed);
    // The next line decides the rest; most lines are none of these and need not look ahead.
    const following = marked || aboutLine || topicLike || dashed !== null ? this.nextContent(index) : null;
    // A press conference's topic stands right above the question it introduces.
    const followingTag = following ? this.tagOf(following) : null;
    const untagged = aboutLine && following !== null && isProse(following.text);
    // An excerpt may end inside the tag below the topic: '【時事通信 松本記'.
    const cutTag = topicLike && following !== null && isCutTag(following.text) && this.nextContent(following.index) === null;
    const overProse = dashed !== null && following !== null && !startsDashItem(following.text.trim()) && HOLDS_SENTENCE_END.test(following.text);
    const topic = marked || (topicLike && (followingTag !== null || cutTag)) || untagged || overProse;
    // A conference's header is its metadata, never a topic.
    if (!topic || isConferenceHeader(trimmed)) return false;
    // A topic the press asks about ends the opening remarks; under 質疑応答 it nests.
    const opening = this.stack.some((section) => section.kind === 'part' && OPENING_PART.test(section.label));
    const asked = followingTag !== null && PRESS_TAG.test(followingTag.inner.replace(WHITESPACE, ''));
    // Topics that followed the opening remarks stay its siblings.
    const besideOpening = this.stack.some((section) => section.kind === 'topic' && section.rank === 1);
    this.openLineSection(line, 'topic', overProse ? dashed : headingText(trimmed), (opening && asked) || besideOpening ? 1 : 2);
    return true;
  }

  /** A release's '(両国の防衛政策)' alone between paragraphs heads a topic; a transcript's '(…)' is a tag or a block. */
  private parenHeadingBetweenParagraphs(trimmed: string, index: number): boolean {
    if (this.page.transcript || !PAREN_HEADING.test(trimmed)) return false;
    return previousContentIsParagraph(this.lines, this.furniture, index) && nextContentIsProse(this.lines, this.furniture, index);
  }

  private readHeadline(line: Line, index: number): boolean {
    const trimmed = line.text.trim();
    const { lines, furniture } = this;
    if (!(isHeadlineText(trimmed) && previousContentIsParagraph(lines, furniture, index) && nextContentIsProse(lines, furniture, index))) return false;
    const list = this.paragraphListGoingOn(index);
    // A summary of two events ('…ワーキングランチ及び…首脳会談') heads each with its name from the headline.
    const { headline } = this.page;
    const event = headline !== null && headline !== line && namesEventOf(trimmed, headline.text);
    if (!this.inStatement && !list && !event) return false;
    this.openLineSection(line, 'headline', trimmed, 2);
    // The numbered paragraphs under the headline go on counting from those above it.
    this.interrupted = list;
    return true;
  }

  /** The numbered paragraph list open above this line when the next line continues it ('2 …', headline, '3 …'). */
  private paragraphListGoingOn(index: number): { style: NumberStyle; number: number } | null {
    const current = this.innermost();
    const next = this.nextContent(index);
    const numbered = next ? numberedLine(next.text, this.page.indented) : null;
    if (current?.kind !== 'paragraph' || !current.style || !numbered) return null;
    return numbered.style === current.style && numbered.number === current.number + 1 ? { style: current.style, number: current.number } : null;
  }

  /** A PDF's text run together: numbered paragraphs '1. …。 2. …。 3. …' on one long line each open a section. */
  private readRunInItems(line: Line): boolean {
    const items = runInItems(line.text);
    if (items.length === 0) return false;
    for (const item of items) this.openNumbered(line, item.offset, 'arabic', item.marker, item.number, item.offset + item.marker.length);
    return true;
  }

  private readGluedHeading(line: Line): void {
    const row = rowGluedHeading(line.text) ?? sentenceGluedItem(line.text);
    if (row) {
      this.openNumbered(line, row.offset, 'arabic', row.marker, row.number, row.offset + row.marker.length);
      return;
    }
    const glued = gluedHeading(line.text);
    if (!glued) return;
    const text = line.text.slice(glued.offset);
    const marker = OPENS_WITH_NUMBER.exec(text)![0];
    this.openNumbered(line, glued.offset, 'arabic', marker, glued.number, glued.offset + marker.length + 1);
  }

  /** A part, a speaker's block or a statement: a container for what follows. */
  private openContainer(line: Line, kind: SectionKind, label: string): void {
    this.inStatement = kind === 'statement';
    this.openLineSection(line, kind, label, 1);
  }

  /** A section headed by all of the line's content. */
  private openLineSection(line: Line, kind: SectionKind, label: string, rank: number): void {
    const start = contentStart(line);
    this.open({ label, kind, marker: null, headingSpan: { start, end: contentEnd(line) }, start, rank, style: null, number: 0 });
    this.headingLines.add(line.index);
  }

  /** `textOffset` -1: the heading is all of `headingLine`, the line below the marker. */
  private openNumbered(line: Line, offset: number, style: NumberStyle, marker: string, number: number, textOffset: number, headingLine = line): boolean {
    const text = textOffset < 0 ? headingLine.text.trim() : line.text.slice(textOffset);
    const prose = isProse(text);
    this.dropLeadWrapper(style, number, prose);
    const rank = this.numberedRank(style, number, prose);
    if (rank === null) return false;
    const start = line.start + offset;
    // A numbered paragraph's heading is its first sentence; without one, the line's content.
    const sentenceEnd = line.text.slice(offset).search(HOLDS_SENTENCE_END);
    const headingEnd = prose && sentenceEnd >= 0 ? start + sentenceEnd + 1 : contentEnd(line);
    this.open({
      label: headingLabel(marker, prose ? topicBeforeColon(text) : text),
      kind: prose ? 'paragraph' : 'numbered',
      marker,
      headingSpan: { start, end: Math.max(start + marker.length, Math.min(headingEnd, line.end)) },
      start,
      rank,
      style,
      number,
    });
    return true;
  }

  /**
   * Where a numbered heading of this style goes, or null when it does not continue a list. The
   * innermost open list of the style it continues takes it; a numbered paragraph '1' under a
   * heading of its own style starts a list inside it; a short heading may repeat or skip one number
   * of its heading list ('2 二国間関係', '2 地域情勢', '4 …').
   */
  private numberedRank(style: NumberStyle, number: number, prose: boolean): number | null {
    const { stack } = this;
    const open = stack.filter((section) => section.style === style);
    const continued = [...open].reverse().find((section) => number === section.number + 1);
    if (continued) return continued.rank;
    const innermost = this.innermost();
    const last = open[open.length - 1];
    if (last && number === 1 && prose && last.kind === 'numbered') return innermost!.rank + 1;
    if (last && !prose && last.kind === 'numbered' && (number === last.number || number === last.number + 2)) return last.rank;
    const interrupted = this.interrupted;
    if (!last && interrupted?.style === style && number === interrupted.number + 1) return (innermost?.rank ?? 0) + 10;
    if (last || number !== 1) return null;
    return innermost && innermost.rank >= 10 ? innermost.rank + 1 : 10;
  }

  /**
   * A lone '1.' that holds only the lead ('1. 本13日…概要以下のとおりです。'), a web page's list
   * wrapped around the whole text, gives way when a heading '1' of its own style starts the real list.
   */
  private dropLeadWrapper(style: NumberStyle, number: number, prose: boolean): void {
    const wrapper = this.innermost();
    if (prose || number !== 1 || wrapper?.kind !== 'paragraph' || wrapper.style !== style || wrapper.number !== 1 || wrapper.children.length > 0) return;
    (wrapper.parent ? wrapper.parent.children : this.roots).pop();
    this.stack.pop();
    this.headingLines.delete(this.lineMap.lineAt(wrapper.headingSpan.start).index);
  }

  /** Closes the open sections of the same rank or below, then opens the section inside the rest. */
  private open(draft: Omit<Draft, 'children' | 'parent'>): Draft {
    const { stack } = this;
    while (stack.length > 0 && stack[stack.length - 1].rank >= draft.rank) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    // Written out: spreading the draft cost a page of a hundred thousand headings most of its parse.
    const { label, kind, marker, headingSpan, start, rank, style, number } = draft;
    const section: Draft = { label, kind, marker, headingSpan, start, rank, style, number, children: [], parent };
    (parent ? parent.children : this.roots).push(section);
    stack.push(section);
    return section;
  }

  private innermost(): Draft | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The tag of a turn on this line; in a transcript, '(外務大臣)' alone on its line is one too. */
  private tagOf(line: Line): Bracketed | null {
    const tag = this.page.turnTags[line.index] ?? headerGluedTag(line.text);
    if (tag || !this.page.transcript || line.index < this.page.blocksEnd) return tag;
    const block = this.page.speakerBlocks[line.index];
    if (!block) return null;
    const nameStart = line.text.indexOf(block);
    return { inner: block, tagStart: contentStart(line) - line.start, tagEnd: line.text.length, nameStart, nameEnd: nameStart + block.length };
  }

  private isContent(index: number): boolean {
    return !this.furniture[index] && !isBlank(this.lines[index].text);
  }

  /** Whether a line of content stands between two offsets; walks only the lines between them. */
  private hasContentBetween(from: number, to: number): boolean {
    const { lines } = this;
    for (let index = this.lineMap.lineAt(from).index + 1; index < lines.length && lines[index].start < to; index++) if (this.isContent(index)) return true;
    return false;
  }

  private nextContent(index: number): Line | null {
    for (let next = index + 1; next < this.lines.length; next++) if (this.isContent(next)) return this.lines[next];
    return null;
  }
}

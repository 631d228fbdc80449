// The bench corpus rendered as Markdown for the peer (vscode-markdown-languageservice): the lines of
// each readout's outline (Kaidan's own outline of it) become headings, `#` for a meeting and `##`
// below it, and its reference to an earlier meeting ('今回の会談は,3月の日米外相会談以来となります')
// a link to that meeting's file. Every other line is the same text, so line numbers agree.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OutlineNode } from '../server/src/features/types';
import { COUNTRIES } from '../server/src/knowledge/countries';
import { createReadoutService } from '../server/src/service';

const REFERENCE = /今回の会談は,(([0-9]+)月の(日.)(外相会談|防衛相会談|首脳会談))以来となります。/;
const KINDS = /(外相会談|防衛相会談|首脳会談)/;
/** bench/generate.ts names a file `NNNNN-YYYY-MM-DD-cc.readout.txt`. */
const FILE_NAME = /^([0-9]+)-([0-9]{4}-[0-9]{2}-[0-9]{2})-([a-z]{2})\.readout\.txt$/;

export interface MarkdownCorpus {
  readonly folder: string;
  /** The Markdown file of each readout, in the same order. */
  readonly files: readonly string[];
  readonly headings: number;
  readonly links: number;
}

export const markdownName = (file: string) => basename(file).replace(/\.readout\.txt$/, '.md');

/** Heading level by line: 1 for the outline's top nodes, 2 for every node below them. */
function headingLines(nodes: readonly OutlineNode[], depth = 0, levels = new Map<number, number>()): Map<number, number> {
  for (const node of nodes) {
    const line = node.selectionRange.start.line;
    if (!levels.has(line)) levels.set(line, depth === 0 ? 1 : 2);
    headingLines(node.children, depth + 1, levels);
  }
  return levels;
}

/** The same text with the outline's lines as headings and the reference (if any) as a link. */
export function toMarkdown(text: string, outline: readonly OutlineNode[], link?: { text: string; target: string }): { markdown: string; headings: number } {
  const levels = headingLines(outline);
  let headings = 0;
  const lines = text.split('\n').map((line, index) => {
    const level = levels.get(index);
    if (level === undefined || line.trim() === '' || /^#{1,6}\s/.test(line)) return line;
    headings++;
    return `${'#'.repeat(level)} ${line.trim()}`;
  });
  let markdown = lines.join('\n');
  if (link) markdown = markdown.replace(link.text, `[${link.text}](./${link.target})`);
  return { markdown, headings };
}

interface Meeting {
  readonly index: number;
  readonly date: string;
  readonly pair: string;
  readonly kind: string;
}

/** What a readout of the generated corpus holds of its meeting: date and country from its name, kind from its text. */
function meetingOf(file: string, text: string): Meeting | null {
  const name = FILE_NAME.exec(basename(file));
  if (!name) return null;
  const short = COUNTRIES.find((country) => country.code === name[3].toUpperCase())?.short[0];
  if (!short) return null;
  const pair = `日${short}`;
  const kind = new RegExp(`${pair}${KINDS.source}`).exec(text)?.[1];
  return kind ? { index: Number(name[1]), date: name[2], pair, kind } : null;
}

/**
 * The reference's target, found as bench/generate.ts chose it: the last meeting generated before
 * this one with the same pair of countries and an earlier date. Checked against the month and kind
 * the reference names.
 */
function referenceTarget(text: string, meeting: Meeting, history: readonly (Meeting & { file: string })[]): { text: string; target: string } | undefined {
  const reference = REFERENCE.exec(text);
  if (!reference) return undefined;
  const earlier = history.filter((other) => other.pair === meeting.pair && other.date < meeting.date).at(-1);
  if (!earlier || Number(earlier.date.slice(5, 7)) !== Number(reference[2]) || earlier.kind !== reference[4]) return undefined;
  return { text: reference[1], target: markdownName(earlier.file) };
}

/** Renders the readouts into `folder` once (a `.complete` marker keeps it for later runs). */
export function markdownCorpus(files: readonly string[], folder: string): MarkdownCorpus {
  const marker = join(folder, '.complete');
  const markdownFiles = files.map((file) => join(folder, markdownName(file)));
  if (existsSync(marker)) return { folder, files: markdownFiles, ...(JSON.parse(readFileSync(marker, 'utf8')) as { headings: number; links: number }) };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const service = createReadoutService();
  const history: (Meeting & { file: string })[] = [];
  let headings = 0;
  let links = 0;
  [...files].sort().forEach((file) => {
    const text = readFileSync(file, 'utf8');
    const meeting = meetingOf(file, text);
    const link = meeting ? referenceTarget(text, meeting, history) : undefined;
    if (meeting) history.push({ ...meeting, file });
    const outline = service.outline({ uri: pathToFileURL(file).href, version: 1, getText: () => text });
    const rendered = toMarkdown(text, outline, link);
    service.forget(pathToFileURL(file).href);
    headings += rendered.headings;
    if (link) links++;
    writeFileSync(join(folder, markdownName(file)), rendered.markdown);
  });
  writeFileSync(marker, JSON.stringify({ headings, links }));
  return { folder, files: markdownFiles, headings, links };
}

/** About 1 MB of the corpus joined under one title, as Kaidan's readout and as the peer's Markdown. */
export function bigDocuments(files: readonly string[], markdownFiles: readonly string[]): { readout: string; markdown: string } {
  const title = '日米外相会談(概要)';
  let readout = `${title}\n\n`;
  let markdown = `# ${title}\n\n`;
  for (let i = 0; readout.length < 1_000_000; i++) {
    readout += readFileSync(files[i % files.length], 'utf8') + '\n';
    markdown += readFileSync(markdownFiles[i % files.length], 'utf8') + '\n';
  }
  return { readout, markdown };
}

/** A line at or after `from` that is prose in the Markdown (not a heading, not blank): the one-character edit goes there. */
export function proseLine(markdown: string, from: number): number {
  const lines = markdown.split('\n');
  for (let line = from; line < lines.length; line++) if (lines[line].trim() !== '' && !lines[line].startsWith('#')) return line;
  return from;
}

/** A position inside the destination of the first link of a Markdown text (where the language service finds its references), or null. */
export function linkPosition(markdown: string): { line: number; character: number } | null {
  const lines = markdown.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const at = lines[line].search(/\]\(\.\//);
    if (at >= 0) return { line, character: at + 4 };
  }
  return null;
}

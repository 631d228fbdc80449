// Building hover markdown from untrusted readout text: every ASCII punctuation mark of document
// text is backslash-escaped (CommonMark allows it for all of them), so no link, HTML, autolink or
// command URI can come out of a readout. Links are made only here, from URIs the index built.

import { Range } from './types';

const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Document text as plain markdown text, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(PUNCTUATION, '\\$&');
}

/**
 * A URI as a markdown link destination that no file name can end or bend: everything but letters,
 * digits, existing %XX escapes and URI delimiters that mean nothing to markdown is percent-encoded,
 * among them '(' and ')' (they close the destination), whitespace and '<' '>' (they end or wrap it),
 * backslashes (escapes there) and '&' (an entity reference there).
 */
export function linkDestination(uri: string): string {
  return uri.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$*+,;=%]/gu, (ch) =>
    Array.from(new TextEncoder().encode(ch), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A link opening a corpus file at a line: `file:` URIs with a `#L<line>` fragment, which VS Code opens there. */
export function fileLink(label: string, uri: string, range: Range): string {
  return `[${escapeMarkdown(label)}](${linkDestination(uri)}#L${range.start.line + 1})`;
}

export function contains(range: Range, position: { line: number; character: number }): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

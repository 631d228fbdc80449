// A block's lines cut into sentences, a bracket's own 。 kept inside its sentence.

import { Sentence } from './parties';
import { Line, isBlank } from './text';

/** How far a bracket may hold a 。 of its own before it counts as left open. */
const BRACKET_REACH = 80;

/**
 * Where the sentence from `from` ends: after its first 。 outside brackets, so that
 * '17時(現地時間。日本時間では22日0時)から…' is one sentence; else at the end of the text.
 */
function sentenceEnd(text: string, from: number): number {
  let depth = 0;
  let openedAt = -1;
  // Character codes, not one-character strings: a string past U+00FF is made anew at each read.
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (depth > 0 && i - openedAt > BRACKET_REACH) depth = 0;
    if (code === 0x28 || code === 0xff08) {
      if (depth++ === 0) openedAt = i;
    } else if ((code === 0x29 || code === 0xff09) && depth > 0) depth--;
    else if ((code === 0x3002 || code === 0xff0e) && depth === 0) return i + 1;
  }
  return text.length;
}

/** A news photo's caption and its credit, glued to the text after it: '…握手する…首相(右)と…首相(1日午後7時26分、…)=代表撮影 安倍首相は…'. */
const GLUED_CAPTION = /[=＝][^=＝。\r\n]{0,40}?(?:代表撮影|撮影|提供|[(（][^()（）]{0,12}(?:共同|時事|ロイター|AP|AFP|EPA|撮影)[^()（）]{0,12}[)）])[ \t\u3000]+(?=[^\s\u3000])/;

/** Where a sentence from `from` to `end` ends when it opens with a caption: after the credit. */
function captionEnd(text: string, from: number, end: number): number {
  // Read only up to the sentence's end: indexOf would search the rest of a long line for every sentence.
  let equals = from;
  while (equals < end && text.charCodeAt(equals) !== 0x3d && text.charCodeAt(equals) !== 0xff1d) equals++;
  if (equals === end) return end;
  const caption = GLUED_CAPTION.exec(text.slice(equals, end));
  return caption ? equals + caption.index + caption[0].length : end;
}

export function sentencesOf(lines: readonly Line[], limit = Infinity): Sentence[] {
  const sentences: Sentence[] = [];
  for (const line of lines) {
    let start = line.start;
    while (start < line.end && sentences.length < limit) {
      const from = start - line.start;
      const end = line.start + captionEnd(line.text, from, sentenceEnd(line.text, from));
      const piece = line.text.slice(start - line.start, end - line.start);
      if (!isBlank(piece)) sentences.push({ start, text: piece });
      start = end;
    }
  }
  return sentences;
}

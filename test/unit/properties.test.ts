// Property-based tests: whatever the text — mixed scripts, broken brackets, lone surrogates, NUL,
// CR/LF/CRLF mixes, very long lines, deep numbering, shuffled corpus lines — the parser does not
// throw, every span lies inside the document and nests where the model nests, and the outline,
// folding and semantic tokens are valid for an editor.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TOKEN_TYPES } from '../../server/src/features/semanticTokens';
import { parseReadout } from '../../server/src/parse/parser';
import { Line, LineMap, endsSentence, firstCodeAfterIndent, firstWords, isBlank, isSpaceCode, splitLines } from '../../server/src/parse/text';
import { createReadoutService } from '../../server/src/service';
import { SemanticToken, corpusFiles, documentOf, tokenList } from './helpers';
import { assertFoldingInvariants, assertOutlineInvariants, assertReadoutInvariants } from './invariants';
import { PEOPLE } from '../../server/src/knowledge/people';

const service = createReadoutService();

/** Parses through the service (as the server does) and checks every feature's invariants. */
function checkEverything(text: string): void {
  const document = documentOf(text);
  try {
    const { readout } = service.parse(document);
    assertReadoutInvariants(readout, text);
    const lines = splitLines(text);
    assertOutlineInvariants(service.outline(document), lines);
    assertFoldingInvariants(service.foldingRegions(document), lines.length);
    assertSemanticTokens(tokenList(service.semanticTokens(document)), lines);
    service.modelJson(document);
  } finally {
    service.forget(document.uri);
  }
}

function modelJsonOf(text: string) {
  const document = documentOf(text);
  try {
    return service.modelJson(document);
  } finally {
    service.forget(document.uri);
  }
}

/** Sorted by position, inside their line, non-empty and never overlapping: what the LSP's relative encoding needs. */
function assertSemanticTokens(tokens: readonly SemanticToken[], lines: readonly Line[]): void {
  tokens.forEach((token, i) => {
    const line = lines[token.line];
    assert.ok(line !== undefined, `token ${i}: line ${token.line} of ${lines.length}`);
    assert.ok(token.length > 0 && token.character >= 0 && token.character + token.length <= line.end - line.start, `token ${i}: ${token.character}+${token.length} on a line of ${line.end - line.start}`);
    assert.ok(token.type >= 0 && token.type < TOKEN_TYPES.length, `token ${i}: type ${token.type}`);
    const previous = tokens[i - 1];
    if (previous) {
      const ordered = previous.line < token.line || (previous.line === token.line && previous.character + previous.length <= token.character);
      assert.ok(ordered, `token ${i - 1} (${previous.line}:${previous.character}+${previous.length}) overlaps or follows token ${i} (${token.line}:${token.character})`);
    }
  });
}

// --- Generators -------------------------------------------------------------------------------

const LINE_BREAKS = ['\n', '\r\n', '\r', '\n\r', '\r\r\n'];
const MARKERS = ['1 ', '2 ', '1.', '１　', '２　', '(1)', '(2)', '（１）', '(ア)', '(イ)', '（ア）', '①', '②', '⑳', '一、', '二、', '十二、', '99 ', '0 ', '(0)', '(ン)'];
const TAGS = ['【記者】', '【大臣】', '【林外務大臣】', '【NHK 記者】', '【司会】', '【防衛省】', '【外務省】', '【', '】', '【】', '(ラヴロフ外務大臣)', '（ショイグ国防大臣）', '(', ')', '（', '）'];
const WORDS = [
  '日米外相会談', '概要', '岸田外務大臣', 'ケリー国務長官', 'マルコ・ルビオ米国国務長官', '趙顕(チョ・ヒョン)韓国外交部長官', '会談を行った',
  '旨述べた。', '日時', '場所', '日時:', '於:本省会見室', '平成30年6月29日', '令和7(2025)年9月22日', '2月7日', '本29日', '11時30分',
  '午後0時35分', '01:13~01:33', '(日本時間)', '現地時間', '約35分間', '約1時間半', '約', '冒頭発言', '質疑応答', '以上', '(以上)',
  '共同声明', '合わせて読みたい', 'Ranking', 'pagetop', '2025-9-25 11:30', '双方は', '「', '」', '。', '、', ',', '・', 'を訪問中の', 'において',
];
const SCRIPTS = [
  fc.string({ unit: fc.integer({ min: 0x3041, max: 0x3096 }).map((code) => String.fromCharCode(code)), maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0x30a1, max: 0x30fa }).map((code) => String.fromCharCode(code)), maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code)), maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0xff10, max: 0xff19 }).map((code) => String.fromCharCode(code)), maxLength: 6 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
];
const ODD_CHARACTERS = fc.constantFrom('\0', '\ud800', '\udbff', '\udc00', '\udfff', '\ufeff', '\u3000', '\u00a0', '\t', '\f', '\v', '\u2028', '\u2029', '\u0085', '\ufffd');

/** One piece of text: a word, a marker, a tag, a line break, a run of one script, an odd character. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...LINE_BREAKS) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 2, arbitrary: fc.constantFrom(...TAGS) },
  { weight: 3, arbitrary: fc.oneof(...SCRIPTS) },
  { weight: 1, arbitrary: ODD_CHARACTERS },
);

/** A line break followed by a marker or tag, so that headings and turns start lines. */
const lineStart = fc.tuple(fc.constantFrom(...LINE_BREAKS), fc.constantFrom('', ' ', '　', '  ', ...MARKERS, ...TAGS)).map(([lineBreak, start]) => lineBreak + start);

const mixedText = fc.array(fc.oneof({ weight: 5, arbitrary: fragment }, { weight: 2, arbitrary: lineStart }), { maxLength: 300, size: 'max' }).map((parts) => parts.join(''));

/** A very long line: one fragment repeated thousands of times, within other text. */
const longLine = fc
  .tuple(mixedText, fc.oneof(fragment.filter((part) => part.length > 0 && !/[\r\n]/.test(part)), fc.constantFrom(...MARKERS, ...TAGS)), fc.integer({ min: 1_000, max: 20_000 }), mixedText)
  .map(([before, repeated, times, after]) => before + repeated.repeat(times) + after);

const KANA_NUMBERS = 'アイウエオカキクケコサシスセソタチツテトナニヌネノ';
const KANJI_DIGITS = '〇一二三四五六七八九';
const kanjiNumber = (n: number) => (n < 10 ? KANJI_DIGITS[n] : `${n >= 20 ? KANJI_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? KANJI_DIGITS[n % 10] : ''}`);
const NUMBER_STYLES: readonly ((n: number) => string)[] = [
  (n) => `${n} `,
  (n) => `(${n})`,
  (n) => `(${KANA_NUMBERS[(n - 1) % KANA_NUMBERS.length]})`,
  (n) => String.fromCharCode(0x2460 + ((n - 1) % 20)),
  (n) => `${kanjiNumber(n % 100)}、`,
];

/**
 * Numbered headings five styles deep, each continuing its list: the parser nests them as deep as
 * it goes, with paragraphs, turns and blank lines between them.
 */
const deepNumbering = fc
  .array(fc.tuple(fc.integer({ min: 0, max: NUMBER_STYLES.length - 1 }), fragment, fc.constantFrom('', '概要について述べた。\n', '\n', '【記者】質問です。\n【大臣】お答えします。\n'), fc.constantFrom(...LINE_BREAKS)), { maxLength: 200, size: 'max' })
  .map((entries) => {
    const counters = NUMBER_STYLES.map(() => 0);
    let depth = -1;
    let text = '';
    for (const [wanted, heading, body, lineBreak] of entries) {
      // One level deeper at most, or back out to any open level.
      const level = Math.min(wanted, depth + 1);
      counters[level]++;
      counters.fill(0, level + 1);
      depth = level;
      text += `${NUMBER_STYLES[level](counters[level])}${heading.replace(/[\r\n]/g, '')}${lineBreak}${body}`;
    }
    return text;
  });

const corpusLines = [...new Set(corpusFiles().flatMap((file) => readFileSync(file, 'utf8').split('\n')))];

/**
 * Readout-like documents: corpus lines shuffled, some cut short (a half-edited draft), with
 * markers and tags spliced in front and mixed line breaks between.
 */
const corpusDocument = fc
  .array(
    fc.record({
      line: fc.constantFrom(...corpusLines),
      cut: fc.option(fc.nat(), { freq: 5 }),
      prefix: fc.oneof({ weight: 6, arbitrary: fc.constant('') }, fc.constantFrom(...MARKERS, ...TAGS)),
      lineBreak: fc.oneof({ weight: 6, arbitrary: fc.constant('\n') }, fc.constantFrom(...LINE_BREAKS)),
    }),
    { maxLength: 150, size: 'max' },
  )
  .map((entries) => entries.map(({ line, cut, prefix, lineBreak }) => prefix + (cut === null ? line : line.slice(0, cut % (line.length + 1))) + lineBreak).join(''));

// --- Properties -------------------------------------------------------------------------------

describe('the parser on arbitrary text', () => {
  it('never throws and keeps every span in range on mixed scripts, markers, tags and odd characters', () => {
    fc.assert(fc.property(mixedText, checkEverything), { numRuns: 500 });
  });

  it('never throws on any string of code units, lone surrogates included', () => {
    const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 400, size: 'max' });
    fc.assert(fc.property(codeUnits, checkEverything), { numRuns: 300 });
  });

  it('keeps its invariants on very long lines', () => {
    fc.assert(fc.property(longLine, checkEverything), { numRuns: 30 });
  });

  it('nests deep numbering, and keeps its invariants there', () => {
    fc.assert(fc.property(deepNumbering, checkEverything), { numRuns: 200 });
  });

  it('nests numbered headings five styles deep', () => {
    const text = ['1 日米関係', '(1) 安全保障', '(ア) 抑止力', '① 拡大抑止', '一、核の傘', '本文である。'].join('\n');
    const depth = (sections: readonly { children: readonly unknown[] }[]): number =>
      sections.length === 0 ? 0 : 1 + Math.max(...sections.map((section) => depth(section.children as { children: readonly unknown[] }[])));
    assert.equal(depth(parseReadout(text, PEOPLE).sections), 5);
  });
});

describe('the parser on readout-like documents built from corpus lines', () => {
  it('never throws and keeps every span in range', () => {
    fc.assert(fc.property(corpusDocument, checkEverything), { numRuns: 300 });
  });

  it('gives the same model for LF and CRLF, parse after parse', () => {
    const lfOnly = corpusDocument.map((text) => text.replace(/\r\n?/g, '\n'));
    fc.assert(
      fc.property(lfOnly, (text) => {
        const lf = modelJsonOf(text);
        assert.deepEqual(modelJsonOf(text.replace(/\n/g, '\r\n')), lf);
        assert.deepEqual(modelJsonOf(text), lf);
      }),
      { numRuns: 100 },
    );
  });
});

describe('blank lines', () => {
  it('are told exactly as the whitespace pattern tells them, whatever code unit opens the line', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const opening = String.fromCharCode(code);
      for (const text of [opening, `${opening} `, `${opening}あ`]) assert.equal(isBlank(text), /^[\s\u3000]*$/.test(text), `U+${code.toString(16)}`);
    }
    assert.equal(isBlank(''), true);
  });
});

describe('the character tests that stand in for patterns on every line', () => {
  it('tell spaces exactly as \\s does, for every code unit', () => {
    for (let code = 0; code <= 0xffff; code++) assert.equal(isSpaceCode(code), /[\s\u3000]/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
  });

  it('tell a sentence end and the first character after the indent as the patterns they replace', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000', '。', '．', 'あ', '1', '【', '\n', 'a'), maxLength: 8 }), (text) => {
        assert.equal(endsSentence(text), /[。．]$/.test(text));
        const first = /^[ \t\u3000]*([^ \t\u3000])/.exec(text);
        assert.equal(firstCodeAfterIndent(text), first ? first[1].charCodeAt(0) : NaN);
      }),
      { numRuns: 500 },
    );
  });

  it('cut first words as the whole pass does, short lines included', () => {
    const slowFirstWords = (text: string, max: number) => {
      const folded = text.replace(/[\s\u3000]+/g, ' ').trim();
      const end = folded.search(/[。．]/);
      const characters = Array.from(end >= 0 ? folded.slice(0, end + 1) : folded);
      return characters.length > max ? `${characters.slice(0, max).join('')}…` : characters.join('');
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\u3000', '\t', '\n', '\u00a0', '。', '．', 'あ', '𠮷', '\ud842', '\udfb7', 'x'), maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (text, max) => {
        assert.equal(firstWords(text, max), slowFirstWords(text, max));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('line maps', () => {
  it('find the line of any offset, in any order of asking, as a search from scratch does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('あ', '\n', '\r\n', '\r'), maxLength: 24 }), fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 12 }), (text, offsets) => {
        const lines = splitLines(text);
        const lineMap = new LineMap(lines);
        for (const offset of offsets) {
          const expected = [...lines].reverse().find((line) => line.start <= offset) ?? lines[0];
          assert.equal(lineMap.lineAt(offset), expected);
        }
      }),
      { numRuns: 500 },
    );
  });


  it('give each end of a range the position that positionAt gives it, on mixed line breaks', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('あ', 'x', '\n', '\r\n', '\r'), maxLength: 24 }), fc.nat(30), fc.nat(30), (text, a, b) => {
        const lineMap = new LineMap(splitLines(text));
        const span = { start: Math.min(a, text.length), end: Math.min(b, text.length) };
        assert.deepEqual(lineMap.rangeOf(span), { start: lineMap.positionAt(span.start), end: lineMap.positionAt(span.end) });
      }),
      { numRuns: 3000 },
    );
  });
});

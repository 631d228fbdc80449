// Semantic tokens decode, with the legend, to exactly the labels, mentions, countries, dates and times.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/features/semanticTokens';
import { readTextFile } from '../../server/src/io/readText';
import { splitLines } from '../../server/src/parse/text';
import { SemanticToken, documentOf, seedPath, service, tokenList } from './helpers';

interface Decoded {
  text: string;
  type: string;
  modifiers: string[];
}

/** Decodes tokens the way an editor does: by line and UTF-16 character on the document's lines. */
function decode(text: string, tokens: readonly SemanticToken[]): Decoded[] {
  const lines = splitLines(text);
  return tokens.map((token) => ({
    text: lines[token.line].text.slice(token.character, token.character + token.length),
    type: TOKEN_TYPES[token.type],
    modifiers: TOKEN_MODIFIERS.filter((_, bit) => token.modifiers & (1 << bit)),
  }));
}

function tokensOf(text: string) {
  return decode(text, tokenList(service.semanticTokens(documentOf(text))));
}

describe('semantic tokens', () => {
  it('are sorted and never overlap on every seed', () => {
    for (const seed of [0, 1, 2, 3, 4]) {
      const tokens = tokenList(service.semanticTokens(documentOf(readTextFile(seedPath(seed)))));
      for (let i = 1; i < tokens.length; i++) {
        const [a, b] = [tokens[i - 1], tokens[i]];
        assert.ok(a.line < b.line || (a.line === b.line && a.character + a.length <= b.character), `seed ${seed}: token ${i}`);
      }
    }
  });

  it('mark transcript tags as speakers with their side (seed 000)', () => {
    const tokens = tokensOf(readTextFile(seedPath(0)));
    const speakers = tokens.filter((token) => token.type === 'speaker');
    assert.equal(speakers.length, 18);
    assert.ok(speakers.every((token) => (token.text === '記者' && token.modifiers.includes('press')) || (token.text === '大臣' && token.modifiers.includes('japan'))));
    const blinken = tokens.filter((token) => token.text === 'ブリンケン');
    assert.ok(blinken.length >= 5);
    assert.deepEqual(blinken[0].modifiers, ['counterpart', 'declaration']);
    assert.deepEqual(blinken[1].modifiers, ['counterpart']);
  });

  it('mark reported speakers, countries, dates and times (seed 001)', () => {
    const tokens = tokensOf(readTextFile(seedPath(1)));
    assert.ok(tokens.some((t) => t.type === 'speaker' && t.text === 'ケリー長官' && t.modifiers.includes('counterpart')));
    assert.ok(tokens.some((t) => t.type === 'speaker' && t.text === '岸田大臣' && t.modifiers.includes('japan')));
    assert.ok(tokens.some((t) => t.type === 'country' && t.text === '日米'));
    assert.ok(tokens.some((t) => t.type === 'meetingDate' && t.text === '2月7日'));
    assert.ok(tokens.some((t) => t.type === 'meetingTime' && t.text === '11時30分'));
  });

  it('point at the right characters after a surrogate pair on the same line', () => {
    const text = '日米外相会談\n\n🇯🇵 2月7日11時30分より約1時間,岸田外務大臣は,ケリー国務長官との間で日米外相会談を行った。\n1 冒頭\n😀 ケリー長官より,歓迎する旨述べた。\n';
    const tokens = tokensOf(text);
    for (const expected of ['2月7日', '11時30分', '岸田', 'ケリー', '日米', 'ケリー長官']) {
      assert.ok(tokens.some((token) => token.text === expected), `${expected} in ${JSON.stringify(tokens.map((t) => t.text))}`);
    }
    assert.ok(tokens.every((token) => !/[\ud800-\udfff]/.test(token.text)), 'no token cuts into the emoji');
  });

  it('answer a range request with the tokens inside it only', () => {
    const text = readTextFile(seedPath(0));
    const all = tokenList(service.semanticTokens(documentOf(text)));
    const part = tokenList(service.semanticTokens(documentOf(text), { start: { line: 10, character: 0 }, end: { line: 20, character: 0 } }));
    assert.ok(part.length > 0 && part.length < all.length);
    assert.ok(part.every((token) => token.line >= 10 && token.line <= 20));
  });
});

describe('document highlights', () => {
  it('light up every statement and mention of a speaker (seed 001, on ケリー)', () => {
    const text = readTextFile(seedPath(1));
    const document = documentOf(text);
    const lines = splitLines(text);
    const line = lines.findIndex((l) => l.text.includes('これに対しケリー長官より'));
    const character = lines[line].text.indexOf('ケリー長官より');
    const highlights = service.highlights(document, { line, character: character + 1 });
    const texts = highlights.filter((h) => h.kind === 'text');
    const reads = highlights.filter((h) => h.kind === 'read');
    const { readout } = service.parse(document);
    const kerry = readout.statements.filter((s) => s.speaker === 'kerry-john');
    assert.equal(texts.length, kerry.length);
    assert.ok(reads.length >= 6);
    for (const read of reads) {
      const written = lines[read.range.start.line].text.slice(read.range.start.character, read.range.end.character);
      assert.match(written, /^ケリー/);
    }
  });
});

describe('inlay hints', () => {
  it("name the minister before a transcript's untagged opening remarks (seed 000)", () => {
    const text = readTextFile(seedPath(0));
    const hints = service.speakerHints(documentOf(text), { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } });
    assert.deepEqual(hints.map((hint) => hint.label), ['大臣:']);
    assert.equal(hints[0].position.line, 4);
  });
});

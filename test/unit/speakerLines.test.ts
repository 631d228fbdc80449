// The speaker colours of the client: each line's bar goes to the speaker who says most of it, and
// each place the text names a speaker is drawn in that speaker's colour.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { speakerOfLines } from '../../client/src/decorations/speakerLines';
import { readTextFile } from '../../server/src/io/readText';
import { OutlineNode } from '../../server/src/features/types';
import { documentOf, seedPath, service } from './helpers';

describe('speaker colours (seed 001)', () => {
  const document = documentOf(readTextFile(seedPath(1)));
  const speakers = service.speakerRanges(document);
  const lines = document.getText().split(/\r?\n/);
  const byLine = speakerOfLines(speakers, (line) => lines[line].length);
  const colourOf = (name: string) => speakers.find((speaker) => speaker.name === name)?.colorIndex;
  const lineWith = (words: string) => lines.findIndex((line) => line.includes(words));

  it('gives a line shared by both ministers to the one who says most of it', () => {
    // Kerry welcomes the visit in a few words; Kishida answers at length on the same line.
    assert.equal(byLine.get(lineWith('冒頭,ケリー長官より岸田大臣の米国訪問を歓迎する旨述べ')), colourOf('岸田'));
    // Kishida opens on Japan–Korea relations in one clause; Kerry's answer fills the rest of the line.
    assert.equal(byLine.get(lineWith('岸田大臣より,日韓関係の現状は大変残念')), colourOf('ケリー'));
  });

  it('marks the joint statement with the joint colour and leaves headings and the header bare', () => {
    assert.equal(byLine.get(lineWith('「防空識別区」設置の発表')), colourOf('双方'));
    for (const heading of ['1 冒頭発言', '2 日米関係', '(3)TPP', '4 その他', '2月7日11時30分より約1時間']) {
      assert.equal(byLine.has(lineWith(heading)), false, heading);
    }
  });

  it('gives every spoken line of the summary one bar, and no other line', () => {
    const kishida = colourOf('岸田');
    const kerry = colourOf('ケリー');
    assert.deepEqual([...byLine].sort(([a], [b]) => a - b), [
      [6, kishida], [9, kishida], [11, kishida], [12, kishida], [13, kishida], [15, kishida],
      [17, kishida], [18, kishida], [20, kerry], [22, kishida], [23, colourOf('双方')], [25, kerry],
    ]);
  });

  it("lists where the text names each speaker, for the labels drawn in the speaker's colour", () => {
    const labelsOf = (name: string) => {
      const speaker = speakers.find((entry) => entry.name === name);
      return speaker?.labels.map(({ start, end }) => (start.line === end.line ? lines[start.line].slice(start.character, end.character) : '?'));
    };
    assert.deepEqual(labelsOf('ケリー'), Array(6).fill('ケリー長官'));
    assert.deepEqual(labelsOf('岸田'), Array(15).fill('岸田大臣'));
  });
});

describe('speaker statistics (seed 000, a press conference)', () => {
  const speakers = service.speakerRanges(documentOf(readTextFile(seedPath(0))));
  const bySide = (side: string) => speakers.find((speaker) => speaker.side === side)!;

  it("counts each speaker's statements, characters and questions", () => {
    assert.deepEqual(
      speakers.map((speaker) => [speaker.side, speaker.ranges.length, speaker.characters, speaker.questions]),
      [
        ['japan', 10, 1424, 0],
        ['press', 9, 748, 7],
      ],
    );
    // The press asks; the minister's answers hold no question.
    assert.ok(bySide('press').questions > bySide('japan').questions);
  });
});

describe('the outline of a press conference (seed 000)', () => {
  it("gives each turn its side's kind, so that the press's questions and the minister's answers differ", () => {
    const walk = (nodes: readonly OutlineNode[]): { kind: string; detail: string }[] => nodes.flatMap((node) => [node, ...walk(node.children)]);
    const turns = walk(service.outline(documentOf(readTextFile(seedPath(0))))).filter((node) => node.kind.endsWith('urn'));
    assert.equal(turns.length, 18);
    assert.deepEqual([...new Set(turns.map((turn) => `${turn.detail} ${turn.kind}`))].sort(), ['大臣 japanTurn', '記者 pressTurn']);
  });
});

// The input shapes that every pattern of the parser and the corpus features must read in linear
// time: long runs of each speech verb, subject, office, meeting word, bracket, date and number
// pattern, tag, heading and reference phrase, alone and woven into the sample readouts. Shared by
// the bench (bench/linearShapes.ts, up to 1 MB) and the unit test (test/unit/linearTime.test.ts).

import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readTextFile } from '../server/src/io/readText';

export interface Shape {
  readonly name: string;
  /** About `size` UTF-16 units of text of this shape. */
  make(size: number): string;
}

const ROOT = resolve(__dirname, __dirname.includes('out') ? '../..' : '..');
export const CORPUS_FOLDER = join(ROOT, 'corpus');

/** The sample readouts, by file name. */
export function corpusTexts(): [name: string, text: string][] {
  return readdirSync(CORPUS_FOLDER)
    .filter((name) => name.endsWith('.txt') || name.endsWith('.readout'))
    .sort()
    .map((name) => [name, readTextFile(join(CORPUS_FOLDER, name))]);
}

/** Exactly `size` units (a whole readout shorter than the size is cut, not repeated less). */
function repeatTo(piece: string, size: number): string {
  return piece.repeat(Math.ceil(size / piece.length)).slice(0, Math.max(1, Math.round(size)));
}

/** Pieces repeated alone: one ever longer line, or ever more short lines when the piece ends a line. */
const PIECES: Record<string, readonly string[]> = {
  'speech verb': ['旨述べた。', '説明した。', '要請した。', '強調した。', '歓迎する旨述べ,', 'と述べました。', '意見交換を行った。', 'で一致した。'],
  subject: ['大臣より', '。大臣', 'これに対し、大臣より説明した。', '岸田大臣より,', '双方は', '米側から', '先方より', '総理大臣は', '日本国政府は', '申氏は「', '両首脳は', '岸田大臣より,ケリー国務長官から,双方は'],
  office: ['外務大臣', '国務長官', '岸田外務大臣', 'ケリー国務長官', 'マルコ・ルビオ米国国務長官', '趙顕(チョ・ヒョン)韓国外交部長官', 'ア', '副首相兼国防相'],
  'meeting word': ['日米首脳会談', '日米首脳会談\n', '会談', '電話会談', '日米「2+2」', '2+2', '会談を行った。', '外務・防衛閣僚協議'],
  bracket: ['【記者会見', '(岸田外務大臣', '（ラヴロフ', '「', '(', '（チョ・ヒョン）', '『'],
  'date and number': ['1234567890１２３４５６７８９０', '2月7日11時30分より約1時間,', '令和6年5月1日', '約12345', '1 ', '(1)', '2024年', '11時30分', '十二時間'],
  tag: ['【記者】質問です。\n【大臣】お答えします。\n', '【大臣】', '(ラヴロフ外務大臣)\nロシア側の発言。\n', '【記者】\n'],
  heading: ['1 冒頭発言\n', '(1)概要\n', '日米外相会談(概要)\n', '合わせて読みたい\n', '日時：令和6年5月1日\n', '場所：東京\n', '1 \n'],
  reference: ['先般の日米首脳会談、', '3月の日露外相会談', 'の訪日', 'マティス長官の訪日', '本年5月末にモスクワで行われた日露首脳会談', '昨年2月以来となる'],
  text: ['日米外相会談安全保障協力強化', 'あ\n', '   \u3000\t', '\n\r\n\r', 'ワシントンDCを訪問中のマルコ・ルビオ米国国務長官において', '。'],
};

/** Each line of a readout followed by the piece: the piece in the company of every real pattern. */
function woven(readout: string, piece: string, size: number): string {
  const lines = readout.split('\n');
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i = (i + 1) % lines.length) {
    const part = `${lines[i]}${piece}\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

function buildShapes(): Shape[] {
  const shapes: Shape[] = [];
  for (const [family, pieces] of Object.entries(PIECES)) {
    for (const piece of pieces) shapes.push({ name: `${family}: ${JSON.stringify(piece)}`, make: (size) => repeatTo(piece, size) });
  }
  const everyPiece = Object.values(PIECES).flat();
  shapes.push({ name: 'every piece at once, each run scaled', make: (size) => everyPiece.map((piece) => `${repeatTo(piece, size / everyPiece.length)}\n`).join('') });
  const readouts = corpusTexts();
  const seed = readouts.find(([name]) => name.startsWith('seed-001'))![1];
  for (const piece of ['大臣より', 'の訪日', '日米首脳会談', '【記者】質問です。', '2月7日', '旨述べた。']) {
    shapes.push({ name: `woven into seed-001: ${JSON.stringify(piece)}`, make: (size) => woven(seed, piece, size) });
  }
  for (const [name, text] of readouts.filter(([name]) => name.startsWith('seed-'))) {
    shapes.push({ name: `readout repeated: ${name.slice(0, 8)}`, make: (size) => repeatTo(text, size) });
  }
  const all = readouts.map(([, text]) => text).join('\n');
  shapes.push({ name: 'every readout of corpus/, repeated', make: (size) => repeatTo(all, size) });
  return shapes;
}

export const SHAPES: readonly Shape[] = buildShapes();

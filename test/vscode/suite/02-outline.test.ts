import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateKaidan,
  corpusFile,
  describeTree,
  documentSymbols,
  findByPrefix,
  fmt,
  foldingRanges,
  norm,
  open,
  rootWithChildren,
  walk,
} from './helpers';

const SUMMARY_SECTIONS = ['1 冒頭発言', '2 日米関係', '3 アジア太平洋地域情勢', '4 その他'];
const TURN = /^【(記者|大臣)】/;

function assertNested(symbols: vscode.DocumentSymbol[]): void {
  for (const { symbol, parent } of walk(symbols)) {
    assert.ok(symbol.name.trim().length > 0, `a symbol has an empty name at ${fmt(symbol.range)}`);
    assert.ok(
      symbol.range.contains(symbol.selectionRange),
      `selectionRange ${fmt(symbol.selectionRange)} of "${symbol.name}" is outside its range ${fmt(symbol.range)}`,
    );
    if (parent) {
      assert.ok(
        parent.range.contains(symbol.range),
        `"${symbol.name}" ${fmt(symbol.range)} is not inside its parent "${parent.name}" ${fmt(parent.range)}`,
      );
    }
  }
}

suite('Outline of a summary readout (seed 001)', () => {
  let uri: vscode.Uri;
  let symbols: vscode.DocumentSymbol[];

  suiteSetup(async () => {
    uri = await corpusFile('seed-001-');
    await open(uri);
    await activateKaidan();
    symbols = await documentSymbols(uri);
  });

  test('a root symbol has the numbered sections 1 冒頭発言 … 4 その他 as children', () => {
    const root = rootWithChildren(symbols, SUMMARY_SECTIONS);
    assert.ok(root, `no top-level symbol has children ${SUMMARY_SECTIONS.join(', ')}:\n${describeTree(symbols)}`);
    const order = SUMMARY_SECTIONS.map((p) => root.children.indexOf(findByPrefix(root.children, p)!));
    assert.deepStrictEqual([...order].sort((a, b) => a - b), order, 'sections are not in document order');
  });

  test('2 日米関係 has (1) … children', () => {
    const root = rootWithChildren(symbols, SUMMARY_SECTIONS);
    assert.ok(root, describeTree(symbols));
    const section = findByPrefix(root.children, '2 日米関係')!;
    const names = section.children.map((c) => norm(c.name));
    for (const prefix of ['(1)', '(2)', '(3)']) {
      assert.ok(names.some((n) => n.startsWith(prefix)), `no ${prefix} child under 2 日米関係: ${JSON.stringify(names)}`);
    }
  });

  test('every child symbol lies within its parent', () => {
    assertNested(symbols);
  });

  test('folding ranges cover the sections', async () => {
    const ranges = await foldingRanges(uri);
    assert.ok(ranges.length > 0, 'no folding ranges');
    const doc = await vscode.workspace.openTextDocument(uri);
    for (const r of ranges) {
      assert.ok(r.start < r.end && r.end < doc.lineCount, `bad folding range ${r.start}-${r.end} (lines: ${doc.lineCount})`);
    }
    const line = [...Array(doc.lineCount).keys()].find((i) => norm(doc.lineAt(i).text).startsWith('2 日米関係'));
    assert.ok(line !== undefined, 'the seed has no "2 日米関係" line');
    assert.ok(
      ranges.some((r) => r.start === line),
      `no folding range starts at line ${line} (2 日米関係); ranges: ${ranges.map((r) => `${r.start}-${r.end}`).join(', ')}`,
    );
  });
});

suite('Outline of a press-conference transcript (seed 000)', () => {
  let symbols: vscode.DocumentSymbol[];

  suiteSetup(async () => {
    const uri = await corpusFile('seed-000-');
    await open(uri);
    await activateKaidan();
    symbols = await documentSymbols(uri);
  });

  test('a root symbol has 冒頭発言 and 質疑応答 as children', () => {
    const root = rootWithChildren(symbols, ['冒頭発言', '質疑応答']);
    assert.ok(root, `no top-level symbol has children 冒頭発言 and 質疑応答:\n${describeTree(symbols)}`);
  });

  test('the tree holds 18 turns named 【記者】… / 【大臣】…, alternating, under 質疑応答', () => {
    const turns = walk(symbols).filter(({ symbol }) => TURN.test(norm(symbol.name)));
    assert.strictEqual(turns.length, 18, `expected 18 turn symbols:\n${describeTree(symbols)}`);
    const speakers = turns.map(({ symbol }) => norm(symbol.name).slice(0, 4));
    assert.strictEqual(speakers.filter((s) => s === '【記者】').length, 9);
    assert.strictEqual(speakers.filter((s) => s === '【大臣】').length, 9);
    speakers.forEach((s, i) => assert.strictEqual(s, i % 2 === 0 ? '【記者】' : '【大臣】', `turn ${i + 1} is ${s}`));
    const root = rootWithChildren(symbols, ['冒頭発言', '質疑応答']);
    const qa = root && findByPrefix(root.children, '質疑応答');
    assert.ok(qa, describeTree(symbols));
    const underQa = walk(qa.children).filter(({ symbol }) => TURN.test(norm(symbol.name)));
    assert.strictEqual(underQa.length, 18, 'not every turn is under 質疑応答');
  });

  test('every child symbol lies within its parent', () => {
    assertNested(symbols);
  });
});

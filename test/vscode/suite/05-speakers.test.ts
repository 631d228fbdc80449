import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateKaidan, corpusFile, open } from './helpers';

/** Decodes VS Code's semantic tokens with their legend into (text, type, modifiers). */
function decode(document: vscode.TextDocument, legend: vscode.SemanticTokensLegend, tokens: vscode.SemanticTokens) {
  const decoded: { text: string; type: string; modifiers: string[] }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    decoded.push({
      text: document.lineAt(line).text.slice(character, character + length),
      type: legend.tokenTypes[type],
      modifiers: legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit)),
    });
  }
  return decoded;
}

suite('Speakers', () => {
  test('semantic tokens of a transcript name the press and the minister', async () => {
    const uri = await corpusFile('seed-000-');
    const document = await open(uri);
    await activateKaidan();
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
    assert.ok(legend && tokens, 'the server provides semantic tokens');
    const decoded = decode(document, legend, tokens);
    const speakers = decoded.filter((token) => token.type === 'speaker');
    assert.equal(speakers.length, 18);
    assert.ok(speakers.some((token) => token.text === '記者' && token.modifiers.includes('press')));
    assert.ok(speakers.some((token) => token.text === '大臣' && token.modifiers.includes('japan')));
    assert.ok(decoded.some((token) => token.type === 'person' && token.text === 'ブリンケン' && token.modifiers.includes('declaration')));
  });

  test('document highlights light up everything one speaker said', async () => {
    const uri = await corpusFile('seed-001-');
    const document = await open(uri);
    await activateKaidan();
    const line = [...Array(document.lineCount).keys()].find((i) => document.lineAt(i).text.includes('これに対しケリー長官より'))!;
    const character = document.lineAt(line).text.indexOf('ケリー長官より') + 1;
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', uri, new vscode.Position(line, character));
    assert.ok(highlights && highlights.length > 0, 'highlights come back');
    const statements = highlights.filter((h) => h.kind === vscode.DocumentHighlightKind.Text);
    const mentions = highlights.filter((h) => h.kind === vscode.DocumentHighlightKind.Read);
    assert.ok(statements.length >= 5, `${statements.length} statements of ケリー`);
    assert.ok(mentions.every((h) => document.getText(h.range).startsWith('ケリー')));
  });

  test('an inlay hint names the minister before the untagged opening remarks', async () => {
    const uri = await corpusFile('seed-000-');
    const document = await open(uri);
    await activateKaidan();
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, 10, 0));
    assert.ok(hints && hints.length === 1, `one hint, got ${hints?.length}`);
    const label = typeof hints[0].label === 'string' ? hints[0].label : hints[0].label.map((part) => part.value).join('');
    assert.equal(label, '大臣:');
    assert.ok(document.lineAt(hints[0].position.line).text.includes('先ほど'));
  });
});

suite('The Speakers view', () => {
  type Shown = { id: string; label: string; description: string; statements: number; dimmed: boolean }[];
  const shown = async () => ((await activateKaidan()) as unknown as { speakersShown(): Promise<Shown> }).speakersShown();

  test('lists the active readout\'s speakers with side, statements, share and questions', async () => {
    const document = await open(await corpusFile('seed-000-'));
    const api = (await activateKaidan()) as unknown as { speakersShown(): Promise<Shown> };
    await vscode.window.showTextDocument(document);
    const shown = await api.speakersShown();
    const press = shown.find((speaker) => speaker.description.startsWith('press'));
    const minister = shown.find((speaker) => speaker.description.startsWith('Japan'));
    assert.ok(press && minister, JSON.stringify(shown));
    assert.equal(press.statements, 9);
    assert.match(press.description, /^press · 9 statements · \d+% · 7 questions$/);
    assert.match(minister.description, /^Japan · 10 statements · \d+%$/);
    const shares = shown.map((speaker) => Number(/(\d+)%/.exec(speaker.description)![1]));
    assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 100) <= 1, JSON.stringify(shares));
  });

  test('of seed 001 lists 岸田 and ケリー with their statement counts', async () => {
    await open(await corpusFile('seed-001-'));
    const speakers = await shown();
    // 双方: '…一致した' and the views both exchanged before 岸田 speaks ('(ア)…意見交換した上で,岸田大臣より,…').
    assert.deepEqual(speakers.map((speaker) => [speaker.label, speaker.statements]), [['ケリー', 6], ['岸田', 15], ['双方', 2]]);
    assert.match(speakers[1].description, /^Japan · 15 statements · \d+%$/);
  });

  test('Show Only This Speaker dims the others in the editor, Show All Speakers brings them back', async () => {
    await open(await corpusFile('seed-001-'));
    const before = await shown();
    const kishida = before.find((speaker) => speaker.label === '岸田');
    assert.ok(kishida, JSON.stringify(before));
    await vscode.commands.executeCommand('kaidan.speakers.showOnly', kishida.id);
    const alone = await shown();
    assert.deepEqual(alone.filter((speaker) => !speaker.dimmed).map((speaker) => speaker.label), ['岸田']);
    assert.ok(alone.length >= 3);
    await vscode.commands.executeCommand('kaidan.speakers.showAll');
    assert.ok((await shown()).every((speaker) => !speaker.dimmed));
  });
});


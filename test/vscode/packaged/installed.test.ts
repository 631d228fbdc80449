import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateKaidan, corpusFile, documentSymbols, extension, open, waitUntil } from '../suite/helpers';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

async function readJson<T>(...segments: string[]): Promise<T> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, ...segments));
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

async function exists(...segments: string[]): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension().extensionUri, ...segments));
    return true;
  } catch {
    return false;
  }
}

suite('The packaged extension', () => {
  test('is installed from the .vsix, with the bundles and without sources', async () => {
    const ext = extension();
    assert.match(ext.extensionPath, /[\\/]extensions[\\/]kaidan\.kaidan-\d+\.\d+\.\d+$/, `loaded from ${ext.extensionPath}, not the extensions folder`);
    for (const file of [['dist', 'client', 'extension.js'], ['dist', 'server', 'server.js'], ['dist', 'server', 'dict', 'base.dat.gz'], ['l10n', 'bundle.l10n.ja.json']]) {
      assert.ok(await exists(...file), `${file.join('/')} is missing`);
    }
    for (const file of [['client', 'src'], ['server', 'src'], ['test'], ['corpus'], ['node_modules'], ['.cache']]) {
      assert.ok(!(await exists(...file)), `${file.join('/')} should not be packaged`);
    }
  });

  test('activates on a corpus readout and its language server answers', async () => {
    const document = await open(await corpusFile('seed-001-'));
    assert.strictEqual(document.languageId, 'readout');
    await waitUntil(() => extension().isActive, {
      what: 'kaidan.kaidan to activate',
      events: [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
    });
    await activateKaidan();
    assert.ok((await documentSymbols(document.uri)).length > 0);
  });

  test('VS Code runs in Japanese', () => {
    assert.strictEqual(vscode.env.language, 'ja');
  });

  test('has a Japanese title for every command and a Japanese name for the Meetings view', async () => {
    const manifest = extension().packageJSON as { contributes: { commands: { command: string; title: string }[]; views: { explorer: { name: string }[] } } };
    const japanese = await readJson<Record<string, string>>('package.nls.ja.json');
    // VS Code may hand the manifest over localised already; either way, the title VS Code shows is Japanese.
    const shown = (value: string) => (/^%.+%$/.test(value) ? japanese[value.slice(1, -1)] : value);
    for (const { command, title } of manifest.contributes.commands) assert.match(shown(title) ?? '', JAPANESE, `${command}: ${title}`);
    assert.strictEqual(shown(manifest.contributes.views.explorer[0].name), '会談');
  });

  test("the language server speaks Japanese: the code lens reads '関連する会談 N 件'", async () => {
    const api = (await activateKaidan()) as unknown as { indexReady(): Promise<void> };
    await api.indexReady();
    const document = await open(await corpusFile('seed-003-'));
    const lenses = await waitUntil(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
        return found?.find((lens) => lens.command?.command === 'kaidan.goToRelatedMeeting');
      },
      { what: 'the related-meetings code lens' },
    );
    assert.match(lenses.command!.title, /^関連する会談 \d+ 件$/);
  });
});

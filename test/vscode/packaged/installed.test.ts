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

// Run in English with the .vsix installed by the server's CLI (--install-extension).
suite('Installed from the .vsix', () => {
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

  // The web workbench cannot run in Japanese offline (its language pack comes from the network; with
  // a stand-in pack VS Code 1.100's web server lists no extensions at all), so this reads the
  // Japanese manifest texts as VS Code would resolve them for `ja`: each %key% in package.nls.ja.json.
  test('has a Japanese title for every command and a Japanese name for the Kaidan views', async () => {
    const manifest = extension().packageJSON as { contributes: { commands: { command: string }[] } };
    type Raw = { contributes: { commands: { command: string; title: string }[]; views: { kaidan: { id: string; name: string }[] }; viewsContainers: { activitybar: { title: string }[] } } };
    const raw = await readJson<Raw>('package.json');
    const japanese = await readJson<Record<string, string>>('package.nls.ja.json');
    const resolve = (value: string) => japanese[/^%(.+)%$/.exec(value)?.[1] ?? ''];
    assert.deepEqual(raw.contributes.commands.map((c) => c.command), manifest.contributes.commands.map((c) => c.command));
    for (const { command, title } of raw.contributes.commands) assert.match(resolve(title) ?? '', JAPANESE, `${command}: ${title}`);
    assert.deepStrictEqual(raw.contributes.views.kaidan.map((view) => resolve(view.name)), ['会談', '発言者']);
    assert.strictEqual(resolve(raw.contributes.viewsContainers.activitybar[0].title), '会談');
  });
});

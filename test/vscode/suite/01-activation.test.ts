import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateKaidan, corpusFile, extension, open, waitUntil } from './helpers';

suite('Activation', () => {
  test('the extension kaidan.kaidan is installed and contributes the readout language', () => {
    const ext = extension();
    const languages: { id: string }[] = ext.packageJSON?.contributes?.languages ?? [];
    assert.ok(languages.some((l) => l.id === 'readout'), 'package.json contributes no "readout" language');
  });

  test('activates when a readout opens', async () => {
    const doc = await open(await corpusFile('seed-001-'));
    assert.strictEqual(doc.languageId, 'readout', `${doc.uri.path} opened as ${doc.languageId}`);
    // VS Code has no event for "extension activated": check after each editor/document event, bounded.
    await waitUntil(() => extension().isActive, {
      what: 'kaidan.kaidan to activate',
      events: [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
    });
  });

  test('activate() returns { ready } and ready resolves once the language client runs', async () => {
    const api = await activateKaidan();
    assert.strictEqual(typeof api.ready.then, 'function');
    await api.ready; // a second await must resolve too
  });

  test('a corpus .readout.txt file opens with languageId "readout"', async () => {
    const doc = await vscode.workspace.openTextDocument(await corpusFile('seed-000-'));
    assert.strictEqual(doc.languageId, 'readout');
  });
});

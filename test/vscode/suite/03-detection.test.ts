import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateKaidan, documentSymbols, fixture, open, waitForLanguage } from './helpers';

// test/fixtures/vscode/readout-plain.txt is a readout saved with a plain .txt name;
// test/fixtures/vscode/notes.txt is an ordinary text file.
suite('Readout detection for .txt files', () => {
  suiteSetup(async () => {
    await activateKaidan();
  });

  test('a .txt file that looks like a readout becomes languageId "readout"', async () => {
    const uri = fixture('vscode', 'readout-plain.txt');
    const doc = await open(uri);
    assert.ok(['plaintext', 'readout'].includes(doc.languageId), `opened as ${doc.languageId}`);
    await waitForLanguage(uri, 'readout');
  });

  test('a plain .txt file that is not a readout stays "plaintext"', async () => {
    const plain = fixture('vscode', 'notes.txt');
    const doc = await open(plain);
    assert.strictEqual(doc.languageId, 'plaintext');
    // Detection of a readout opened after it has finished by the time that one is switched,
    // so the plain file has had its chance to be (wrongly) switched too.
    const other = fixture('vscode', 'readout-plain-2.txt');
    await open(other);
    await waitForLanguage(other, 'readout');
    const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === plain.toString());
    assert.strictEqual(now?.languageId ?? doc.languageId, 'plaintext');
  });

  test('a detected .txt readout gets an outline', async () => {
    const uri = fixture('vscode', 'readout-plain.txt');
    await waitForLanguage(uri, 'readout');
    const symbols = await documentSymbols(uri);
    assert.ok(symbols.length > 0);
  });

  test('a detected readout the user switches to Plain Text stays Plain Text', async () => {
    const uri = fixture('vscode', 'readout-plain-2.txt');
    await waitForLanguage(uri, 'readout');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc, 'readout-plain-2.txt is open');
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    // Detection answers a reopen within milliseconds; a second is ample for it to have (wrongly) answered.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.strictEqual(now?.languageId, 'plaintext');
  });

  test('readouts have no unicode highlighting of full-width digits, brackets and ideographic spaces', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'readout' });
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(editor.get('unicodeHighlight.invisibleCharacters'), false);
    assert.strictEqual(editor.get('unicodeHighlight.nonBasicASCII'), false);
  });
});

// Switches a plain .txt file that reads like a readout to the readout language when it opens, and
// respects the user's own choice: a file the user switches back to another language stays there.

import * as vscode from 'vscode';
import { looksLikeReadout } from '../../server/src/parse/detect';

/** Changing a document's language closes it and opens it again at once; a real reopen comes later. */
const LANGUAGE_CHANGE_MS = 1000;
const CHOICES_KEY = 'kaidan.languageChoices';

export class ReadoutDetection implements vscode.Disposable {
  private readonly closedAsReadout = new Map<string, number>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly state: vscode.Memento) {
    this.disposables = [
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.languageId === 'readout') this.closedAsReadout.set(document.uri.toString(), Date.now());
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.detect(document)),
    ];
    vscode.workspace.textDocuments.forEach((document) => this.detect(document));
  }

  /** A document closed before its language could change keeps its language: nothing to report. */
  private detect(document: vscode.TextDocument): void {
    this.opened(document).catch(() => undefined);
  }

  private async opened(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    const closedAt = this.closedAsReadout.get(uri);
    this.closedAsReadout.delete(uri);
    if (document.languageId === 'readout') return this.remember(uri, undefined);
    if (closedAt !== undefined && Date.now() - closedAt < LANGUAGE_CHANGE_MS) return this.remember(uri, document.languageId);
    if (this.choices()[uri] !== undefined || !isCandidate(document)) return;
    if (looksLikeReadout(document.getText())) await vscode.languages.setTextDocumentLanguage(document, 'readout');
  }

  private choices(): Record<string, string> {
    return this.state.get<Record<string, string>>(CHOICES_KEY, {});
  }

  /** Remembers (or, with no language, forgets) the language the user chose for a file. */
  private async remember(uri: string, languageId: string | undefined): Promise<void> {
    const choices = { ...this.choices() };
    if (choices[uri] === languageId) return;
    if (languageId === undefined) delete choices[uri];
    else choices[uri] = languageId;
    await this.state.update(CHOICES_KEY, choices);
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

function isCandidate(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'plaintext' || document.uri.scheme === 'output') return false;
  if (!document.uri.path.toLowerCase().endsWith('.txt')) return false;
  return vscode.workspace.getConfiguration('kaidan', document.uri).get<string>('detect') !== 'off';
}

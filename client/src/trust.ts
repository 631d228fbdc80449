// Workspace trust: in an untrusted workspace the server does not load `.kaidan/people.json` (it
// decides whom hovers and links name). The user is told so once; granting trust restarts the
// server, which then reads the trust again from its initialization options.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';

async function hasPeopleOverride(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.kaidan', 'people.json'));
      return true;
    } catch {
      // None in this folder.
    }
  }
  return false;
}

export function registerTrust(context: vscode.ExtensionContext, client: LanguageClient): void {
  if (vscode.workspace.isTrusted) return;
  void hasPeopleOverride().then((found) => {
    if (found) void vscode.window.showInformationMessage(vscode.l10n.t('Kaidan: this workspace is not trusted, so .kaidan/people.json is not loaded.'));
  });
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client.restart()));
}

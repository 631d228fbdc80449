// Starts the Kaidan language server and switches readout-looking .txt files to the readout language.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { looksLikeReadout } from '../../server/src/parse/detect';
import { SpeakerColors } from './decorations/speakerColors';

export interface KaidanApi {
  /** Resolves once the language server is running and answering. */
  readonly ready: Promise<void>;
}

let client: LanguageClient | undefined;

function detectReadout(document: vscode.TextDocument): void {
  if (document.languageId !== 'plaintext' || document.uri.scheme === 'output') return;
  if (!document.uri.path.toLowerCase().endsWith('.txt')) return;
  if (vscode.workspace.getConfiguration('kaidan', document.uri).get<string>('detect') === 'off') return;
  if (looksLikeReadout(document.getText())) void vscode.languages.setTextDocumentLanguage(document, 'readout');
}

export function activate(context: vscode.ExtensionContext): KaidanApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'readout' }],
    middleware: {
      provideInlayHints: (document, range, token, next) =>
        vscode.workspace.getConfiguration('kaidan.speakers', document.uri).get<boolean>('inlayHints', true) ? next(document, range, token) : [],
    },
  };
  client = new LanguageClient('kaidan', 'Kaidan', serverOptions, clientOptions);

  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detectReadout));
  vscode.workspace.textDocuments.forEach(detectReadout);

  const ready = client.start().then(() => {
    context.subscriptions.push(new SpeakerColors(client!));
  });
  return { ready };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

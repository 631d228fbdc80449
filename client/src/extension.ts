// Starts the Kaidan language server and switches readout-looking .txt files to the readout language.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { ErrorAction, ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SpeakerColors } from './decorations/speakerColors';
import { type IndexState, type InitializationOptions, KaidanMethod, type ServerInfo } from '../../server/src/protocol';
import { CORPUS_COMMANDS, IndexStateTracker, registerCorpus } from './corpus';
import { registerTrust } from './trust';
import { ReadoutDetection } from './detection';
import { SpeakersView } from './speakersView';
import { Timeline } from './timeline';

export interface KaidanApi {
  /** Resolves once the language server is running and answering. */
  readonly ready: Promise<void>;
  /** Fires whenever the corpus index changes state ('indexing' with progress, 'ready'). */
  readonly onIndexState: vscode.Event<IndexState>;
  /** Resolves once the corpus index has been built for the first time. */
  indexReady(): Promise<void>;
  /** The language server's process id (it changes when the client restarts the server). */
  serverInfo(): Promise<{ pid: number }>;
  /** What the Meetings view shows now: each group's label and its meetings' labels and descriptions. */
  meetingsShown(): Promise<{ group: string; meetings: string[]; descriptions: string[]; citedBy: string[][] }[]>;
  /** Opens the timeline; resolves with the number of meetings it drew. */
  showTimeline(): Promise<number>;
  /** What the Speakers view shows for the active readout: each speaker's label, description and statement count. */
  speakersShown(): Promise<{ id: string; label: string; description: string; statements: number; dimmed: boolean }[]>;
}

let client: LanguageClient | undefined;

/**
 * A server that dies while messages are on their way fails their writes, and the default handler
 * stops the client after three such errors, before the closed connection could restart the server.
 * Here errors are only logged, and the close decides as by default: restart, at most 4 times in 3 minutes.
 */
function restartingErrorHandler(): ErrorHandler {
  let closeHandler: ErrorHandler | undefined;
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => (closeHandler ??= client!.createDefaultErrorHandler()).closed(),
  };
}

export function activate(context: vscode.ExtensionContext): KaidanApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    // --expose-gc: the server collects once after indexing (see collectGarbage in server.ts).
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc'] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019', '--expose-gc'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'readout' }],
    // A function, so that a restart (after trust was granted) sends the trust of that moment.
    initializationOptions: () => ({
      // The corpus index cache lives in the extension's storage folder.
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
      // The server's messages come from the same bundle as ours (none when the display language is English).
      l10nBundle: vscode.l10n.uri?.fsPath,
      corpus: {
        include: vscode.workspace.getConfiguration('kaidan.corpus').get<string[]>('include'),
        exclude: [
          ...(vscode.workspace.getConfiguration('kaidan.corpus').get<string[]>('exclude') ?? []),
          ...Object.entries(vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {})
            .filter(([, on]) => on === true)
            .map(([glob]) => glob),
        ],
      },
      trusted: vscode.workspace.isTrusted,
    }) satisfies InitializationOptions,
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.{txt,readout}'), vscode.workspace.createFileSystemWatcher('**/.kaidan/people.json')],
    },
    errorHandler: restartingErrorHandler(),
    // Hovers are untrusted markdown; only our own command may run from them.
    markdown: { isTrusted: { enabledCommands: [CORPUS_COMMANDS.goToRelated] }, supportHtml: false },
    middleware: {
      provideInlayHints: (document, range, token, next) =>
        vscode.workspace.getConfiguration('kaidan.speakers', document.uri).get<boolean>('inlayHints', true) ? next(document, range, token) : [],
    },
  };
  client = new LanguageClient('kaidan', 'Kaidan', serverOptions, clientOptions);

  context.subscriptions.push(new ReadoutDetection(context.workspaceState));

  const indexState = new IndexStateTracker();
  context.subscriptions.push(indexState);
  let speakers: SpeakersView | undefined;
  let timeline: Timeline | undefined;
  const started = client.start().then(() => {
    context.subscriptions.push(new SpeakerColors(client!));
    speakers = new SpeakersView(client!);
    timeline = new Timeline(client!);
    context.subscriptions.push(timeline);
    context.subscriptions.push(speakers, vscode.window.createTreeView('kaidan.speakers', { treeDataProvider: speakers }));
    const meetings = registerCorpus(context, client!, indexState);
    registerTrust(context, client!);
    return meetings;
  });
  const ready = started.then(() => undefined);
  return {
    ready,
    onIndexState: indexState.onDidChange,
    indexReady: () => ready.then(() => indexState.ready),
    meetingsShown: () => started.then((meetings) => meetings.shown()),
    speakersShown: () => started.then(() => speakers!.refresh()).then(() => speakers!.shown()),
    showTimeline: () => started.then(() => timeline!.showAndCount()),
    serverInfo: () => ready.then(() => client!.sendRequest<ServerInfo>(KaidanMethod.serverInfo)),
  };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

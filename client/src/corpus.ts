// The corpus in the editor: 'Go to Related Meeting…', 'Previous/Next Meeting', the Meetings view
// and the index state (a status bar item, and an event the extension's API passes on).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { type AdjacentDirection, type AdjacentParams, type DocumentParams, type IndexState, KaidanMethod, type MeetingItem, type RelatedItem } from '../../server/src/protocol';
import { relatedPickItem, escapeIcons } from './pickItems';

export const CORPUS_COMMANDS = {
  goToRelated: 'kaidan.goToRelatedMeeting',
  previous: 'kaidan.previousMeeting',
  next: 'kaidan.nextMeeting',
} as const;

async function openAt(item: MeetingItem): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(item.uri));
  const start = new vscode.Position(item.range.start.line, item.range.start.character);
  return vscode.window.showTextDocument(document, { selection: new vscode.Range(start, start), preview: false });
}

function activeReadoutUri(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (argument instanceof vscode.Uri) return argument.toString();
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'readout' ? editor.document.uri.toString() : undefined;
}

/** Tracks the server's index state; `ready()` resolves the first time the index is complete. */
export class IndexStateTracker implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<IndexState>();
  readonly onDidChange = this.emitter.event;
  private current: IndexState | undefined;
  private resolveReady!: () => void;
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  private readonly status = vscode.window.createStatusBarItem('kaidan.index', vscode.StatusBarAlignment.Left, 0);

  constructor() {
    this.status.name = vscode.l10n.t('Kaidan index');
    // The Meetings view is where the indexed meetings are; `<view id>.focus` is VS Code's own command.
    this.status.command = 'kaidan.meetings.focus';
  }

  get state(): IndexState | undefined {
    return this.current;
  }

  update(state: IndexState): void {
    this.current = state;
    const count = (n: number) => n.toLocaleString(vscode.env.language);
    this.status.text =
      state.state === 'ready'
        ? `$(book) ${state.meetings === 1 ? vscode.l10n.t('1 meeting') : vscode.l10n.t('{0} meetings', count(state.meetings))}`
        : `$(sync~spin) ${vscode.l10n.t('Kaidan: indexing {0}/{1}', count(state.done), count(state.total))}`;
    this.status.tooltip = state.state === 'ready' ? vscode.l10n.t('Kaidan: readouts indexed. Click to show the Meetings view.') : vscode.l10n.t('Kaidan: indexing readouts');
    this.status.show();
    this.emitter.fire(state);
    if (state.state === 'ready') this.resolveReady();
  }

  dispose(): void {
    this.emitter.dispose();
    this.status.dispose();
  }
}

type MeetingNode = { group: string; items: MeetingItem[] } | MeetingItem;

/** The Meetings view: counterpart countries, then meetings by date. */
class MeetingsView implements vscode.TreeDataProvider<MeetingNode> {
  private readonly emitter = new vscode.EventEmitter<MeetingNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: { group: string; items: MeetingItem[] }[] = [];

  constructor(private readonly client: LanguageClient) {}

  async reload(): Promise<void> {
    const meetings = await this.client.sendRequest<MeetingItem[]>(KaidanMethod.meetings);
    const byGroup = new Map<string, MeetingItem[]>();
    for (const meeting of meetings) byGroup.set(meeting.counterpart, [...(byGroup.get(meeting.counterpart) ?? []), meeting]);
    this.groups = [...byGroup].sort(([a], [b]) => a.localeCompare(b, 'ja')).map(([group, items]) => ({ group, items }));
    this.emitter.fire(undefined);
  }

  getChildren(node?: MeetingNode): MeetingNode[] {
    if (!node) return this.groups;
    return 'group' in node ? node.items : [];
  }

  getParent(node: MeetingNode): MeetingNode | undefined {
    return 'group' in node ? undefined : this.groups.find((group) => group.items.includes(node));
  }

  getTreeItem(node: MeetingNode): vscode.TreeItem {
    if ('group' in node) {
      const item = new vscode.TreeItem(node.group, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.items.length}`;
      return item;
    }
    // A tree item's label draws no icons: '$(…)' in a title shows as written without escaping.
    const item = new vscode.TreeItem(`${node.date ?? '—'} ${node.title}`, vscode.TreeItemCollapsibleState.None);
    item.description = node.kind ?? '';
    item.resourceUri = vscode.Uri.parse(node.uri);
    item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [vscode.Uri.parse(node.uri), { selection: new vscode.Range(node.range.start.line, 0, node.range.start.line, 0) }] };
    return item;
  }

  /** The first meeting of a file, to reveal the active readout. */
  find(uri: string): MeetingItem | undefined {
    for (const group of this.groups) {
      const found = group.items.find((item) => vscode.Uri.parse(item.uri).toString() === uri);
      if (found) return found;
    }
    return undefined;
  }
}

export function registerCorpus(context: vscode.ExtensionContext, client: LanguageClient, tracker: IndexStateTracker): void {
  const view = new MeetingsView(client);
  const tree = vscode.window.createTreeView('kaidan.meetings', { treeDataProvider: view, showCollapseAll: true });
  context.subscriptions.push(tree);

  const revealActive = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const item = uri && tree.visible ? view.find(uri) : undefined;
    if (item) void tree.reveal(item, { select: true, focus: false });
  };
  context.subscriptions.push(
    client.onNotification(KaidanMethod.indexState, (state: IndexState) => {
      tracker.update(state);
      if (state.state === 'ready') void view.reload().then(revealActive);
    }),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    tree.onDidChangeVisibility(revealActive),
  );
  // The state may have been sent before the handler above was in place.
  void client.sendRequest<IndexState>(KaidanMethod.indexState).then((state) => {
    if (state.state === 'ready' && tracker.state?.state !== 'ready') {
      tracker.update(state);
      void view.reload();
    }
  });

  context.subscriptions.push(
    // `target` picks a related meeting's uri without the quick pick (for tests and code lenses).
    vscode.commands.registerCommand(CORPUS_COMMANDS.goToRelated, async (argument?: unknown, target?: string) => {
      const uri = activeReadoutUri(argument);
      if (!uri) return void vscode.window.showInformationMessage(vscode.l10n.t('Kaidan: open a readout first.'));
      const related = await client.sendRequest<RelatedItem[]>(KaidanMethod.related, { uri } satisfies DocumentParams);
      if (target) {
        const chosen = related.find((item) => item.uri === target || vscode.Uri.parse(item.uri).toString() === target) ?? related[0];
        return chosen ? openAt(chosen) : undefined;
      }
      if (related.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('Kaidan: no related meetings in the corpus.'));
      const picked = await vscode.window.showQuickPick(
        related.map(relatedPickItem),
        { placeHolder: vscode.l10n.t('Related meetings, most related first'), matchOnDetail: true },
      );
      return picked ? openAt(picked.item) : undefined;
    }),
    vscode.commands.registerCommand(CORPUS_COMMANDS.previous, (argument?: unknown) => goAdjacent(client, view, argument, 'previous')),
    vscode.commands.registerCommand(CORPUS_COMMANDS.next, (argument?: unknown) => goAdjacent(client, view, argument, 'next')),
  );
}

const ADJACENT_MESSAGE_MS = 5000;
let adjacentMessage: vscode.Disposable | undefined;

/** One transient line at a time in the status bar, so that repeated steps do not pile up notifications. */
function showAdjacentMessage(text: string): void {
  adjacentMessage?.dispose();
  adjacentMessage = vscode.window.setStatusBarMessage(text, ADJACENT_MESSAGE_MS);
}

function endOfChainMessage(direction: AdjacentDirection, counterpart: string | undefined): string {
  if (!counterpart) {
    return direction === 'previous'
      ? vscode.l10n.t('Kaidan: no previous meeting with the same counterpart.')
      : vscode.l10n.t('Kaidan: no next meeting with the same counterpart.');
  }
  return direction === 'previous'
    ? vscode.l10n.t('Kaidan: no earlier meeting with {0} in the corpus.', counterpart)
    : vscode.l10n.t('Kaidan: no later meeting with {0} in the corpus.', counterpart);
}

async function goAdjacent(client: LanguageClient, view: MeetingsView, argument: unknown, direction: AdjacentDirection): Promise<vscode.TextEditor | undefined> {
  const uri = activeReadoutUri(argument);
  if (!uri) return void vscode.window.showInformationMessage(vscode.l10n.t('Kaidan: open a readout first.'));
  const item = await client.sendRequest<MeetingItem | null>(KaidanMethod.adjacent, { uri, direction } satisfies AdjacentParams);
  if (!item) {
    const counterpart = view.find(vscode.Uri.parse(uri).toString())?.counterpart;
    return void showAdjacentMessage(`$(info) ${endOfChainMessage(direction, counterpart && escapeIcons(counterpart))}`);
  }
  const counterpart = escapeIcons(item.counterpart);
  const title = escapeIcons(`${item.date ?? '—'} ${item.title}`);
  showAdjacentMessage(
    direction === 'previous'
      ? vscode.l10n.t('Previous meeting with {0}: {1}', counterpart, title)
      : vscode.l10n.t('Next meeting with {0}: {1}', counterpart, title),
  );
  return openAt(item);
}

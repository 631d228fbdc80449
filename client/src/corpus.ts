// The corpus in the editor: 'Go to Related Meeting…', 'Previous/Next Meeting', the Meetings view
// and the index state (a status bar item, and an event the extension's API passes on).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { type AdjacentDirection, type AdjacentParams, type DocumentParams, type IndexState, KaidanMethod, type MeetingItem, type RelatedItem } from '../../server/src/protocol';
import { relatedPickItem, escapeIcons } from './pickItems';
import { indexStatusText } from './indexStatus';
import { GROUPINGS, type GroupBy, type MeetingNode, MeetingsView } from './meetingsView';
import { type CitationLanguage, citation } from './citation';

export const CORPUS_COMMANDS = {
  goToRelated: 'kaidan.goToRelatedMeeting',
  previous: 'kaidan.previousMeeting',
  next: 'kaidan.nextMeeting',
} as const;

export const MEETINGS_COMMANDS = {
  groupBy: 'kaidan.meetings.groupBy',
  filter: 'kaidan.meetings.filter',
  clearFilter: 'kaidan.meetings.clearFilter',
  copyCitationJapanese: 'kaidan.copyCitation.japanese',
  copyCitationEnglish: 'kaidan.copyCitation.english',
} as const;

const GROUP_BY_KEY = 'kaidan.meetings.groupBy';

function groupingLabel(by: GroupBy): string {
  switch (by) {
    case 'counterpart':
      return vscode.l10n.t('by counterpart');
    case 'person':
      return vscode.l10n.t('by person');
    case 'year':
      return vscode.l10n.t('by year');
    case 'kind':
      return vscode.l10n.t('by kind');
  }
}

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
    const meetings = (n: number) => (n === 1 ? vscode.l10n.t('1 meeting') : vscode.l10n.t('{0} meetings', n.toLocaleString(vscode.env.language)));
    const text = indexStatusText(state, meetings);
    if (text) {
      this.status.text = text;
      this.status.tooltip = vscode.l10n.t('Kaidan: readouts indexed. Click to show the Meetings view.');
      this.status.show();
    } else this.status.hide();
    this.emitter.fire(state);
    if (state.state === 'ready') this.resolveReady();
  }

  dispose(): void {
    this.emitter.dispose();
    this.status.dispose();
  }
}

/** Registers the corpus commands and views; gives the Meetings view, for the extension's API. */
export function registerCorpus(context: vscode.ExtensionContext, client: LanguageClient, tracker: IndexStateTracker): MeetingsView {
  const view = new MeetingsView(context.workspaceState.get<GroupBy>(GROUP_BY_KEY) ?? 'counterpart');
  const tree = vscode.window.createTreeView('kaidan.meetings', { treeDataProvider: view, showCollapseAll: true });
  context.subscriptions.push(tree);
  const describe = () => {
    const { shown, total } = view.counts();
    const grouping = groupingLabel(view.grouping);
    tree.description = view.filter ? vscode.l10n.t('{0} · “{1}” ({2} of {3})', grouping, view.filter, shown, total) : grouping;
    void vscode.commands.executeCommand('setContext', 'kaidan.meetingsFiltered', view.filter !== '');
  };
  const reload = async () => {
    view.set(await client.sendRequest<MeetingItem[]>(KaidanMethod.meetings));
    describe();
    revealActive();
  };
  const revealActive = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const node = uri && tree.visible ? view.find(uri) : undefined;
    if (node) void tree.reveal(node, { select: true, focus: false });
  };
  let listed = false;
  context.subscriptions.push(
    client.onNotification(KaidanMethod.indexState, (state: IndexState) => {
      tracker.update(state);
      // The cache's meetings come at once, the checked ones when the index is ready.
      if (state.state === 'ready' || !listed) void reload();
      listed = true;
    }),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    tree.onDidChangeVisibility(revealActive),
    // From the view's title a grouping is picked; a script may name it.
    vscode.commands.registerCommand(MEETINGS_COMMANDS.groupBy, async (named?: GroupBy) => {
      const picked = GROUPINGS.includes(named!) ? { by: named! } : await vscode.window.showQuickPick(
        GROUPINGS.map((by) => ({ label: groupingLabel(by), by, picked: by === view.grouping })),
        { placeHolder: vscode.l10n.t('Group the meetings by') },
      );
      if (!picked) return;
      view.regroup(picked.by);
      await context.workspaceState.update(GROUP_BY_KEY, picked.by);
      describe();
    }),
    vscode.commands.registerCommand(MEETINGS_COMMANDS.filter, async (text?: string) => {
      const filter = text ?? (await vscode.window.showInputBox({
        value: view.filter,
        prompt: vscode.l10n.t('Meetings with all these words (a person, country, kind or title), and a year or years: 2018 or 2016-2019'),
        // An example in the readouts' own language, whatever the editor's.
        placeHolder: 'ラヴロフ 2016-2019',
      }));
      if (filter === undefined) return;
      view.setFilter(filter);
      describe();
    }),
    vscode.commands.registerCommand(MEETINGS_COMMANDS.clearFilter, () => {
      view.setFilter('');
      describe();
    }),
    vscode.commands.registerCommand(MEETINGS_COMMANDS.copyCitationJapanese, (argument?: unknown) => copyCitation(client, view, argument, 'ja')),
    vscode.commands.registerCommand(MEETINGS_COMMANDS.copyCitationEnglish, (argument?: unknown) => copyCitation(client, view, argument, 'en')),
  );
  // The state may have been sent before the handler above was in place.
  void client.sendRequest<IndexState>(KaidanMethod.indexState).then((state) => {
    if (state.state === 'ready' && tracker.state?.state !== 'ready') {
      tracker.update(state);
      void reload();
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
  return view;
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
    const counterpart = view.meetingOf(vscode.Uri.parse(uri).toString())?.counterpart;
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

/** Copies the citation of a meeting: the Meetings view's node, or the active (or given) readout's main meeting. */
async function copyCitation(client: LanguageClient, view: MeetingsView, argument: unknown, language: CitationLanguage): Promise<string | undefined> {
  let item = (argument as MeetingNode | undefined)?.item;
  if (!item) {
    const uri = activeReadoutUri(argument);
    if (!uri) return void vscode.window.showInformationMessage(vscode.l10n.t('Kaidan: open a readout first.'));
    const key = vscode.Uri.parse(uri).toString();
    item = view.meetingOf(key) ?? (await client.sendRequest<MeetingItem[]>(KaidanMethod.meetings)).find((meeting) => vscode.Uri.parse(meeting.uri).toString() === key);
  }
  if (!item) return void vscode.window.showInformationMessage(vscode.l10n.t('Kaidan: this readout is not in the corpus yet.'));
  const text = citation(item, vscode.workspace.asRelativePath(vscode.Uri.parse(item.uri)), language);
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Kaidan: citation copied'), 3000);
  return text;
}

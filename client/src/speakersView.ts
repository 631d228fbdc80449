// The Speakers view: for the active readout, each speaker with their side, statements, share of the
// text and questions asked; a statement opens where it stands. 'Show Only This Speaker' dims every
// other speaker's statements in the editor until 'Show All Speakers'.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { type DocumentParams, KaidanMethod, type SpeakerRanges } from '../../server/src/protocol';

export const SPEAKERS_COMMANDS = {
  showOnly: 'kaidan.speakers.showOnly',
  showAll: 'kaidan.speakers.showAll',
} as const;

interface SpeakerNode {
  readonly speaker: SpeakerRanges;
  readonly share: number;
}

interface StatementNode {
  readonly speaker: SpeakerNode;
  readonly range: vscode.Range;
}

type Node = SpeakerNode | StatementNode;

const REFRESH_DELAY_MS = 300;
const STATEMENT_LABEL_CHARS = 48;

function sideLabel(side: string): string {
  switch (side) {
    case 'japan':
      return vscode.l10n.t('Japan');
    case 'counterpart':
      return vscode.l10n.t('counterpart');
    case 'press':
      return vscode.l10n.t('press');
    case 'joint':
      return vscode.l10n.t('joint');
    default:
      return side;
  }
}

export class SpeakersView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private speakers: SpeakerNode[] = [];
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The one speaker shown, by id, per document; the others are dimmed. */
  private readonly only = new Map<string, string>();
  private readonly dimmed = vscode.window.createTextEditorDecorationType({ opacity: '0.35' });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((event) => event.document === this.document && this.schedule()),
      // From the view the argument is the speaker's node; a script may pass the speaker's id.
      vscode.commands.registerCommand(SPEAKERS_COMMANDS.showOnly, (node?: SpeakerNode | string) => node && this.showOnly(typeof node === 'string' ? node : node.speaker.id)),
      vscode.commands.registerCommand(SPEAKERS_COMMANDS.showAll, () => this.showAll()),
    );
    this.schedule();
  }

  /** What the view shows: per speaker, its label and description, and whether the editor dims them (for scripts and tests). */
  shown(): { id: string; label: string; description: string; statements: number; dimmed: boolean }[] {
    const only = this.document && this.only.get(this.document.uri.toString());
    return this.speakers.map((node) => {
      const item = this.getTreeItem(node);
      const { id, ranges } = node.speaker;
      return { id, label: String(item.label), description: String(item.description), statements: ranges.length, dimmed: only !== undefined && only !== id };
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh().catch(() => undefined), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'readout') {
      // Another kind of editor (or none): the view keeps the last readout, as the Outline does.
      if (!editor) return;
      this.document = undefined;
      this.speakers = [];
    } else {
      this.document = editor.document;
      const speakers = await this.client.sendRequest<SpeakerRanges[]>(KaidanMethod.speakerRanges, { uri: editor.document.uri.toString() } satisfies DocumentParams);
      const total = speakers.reduce((sum, speaker) => sum + speaker.characters, 0) || 1;
      this.speakers = speakers.map((speaker) => ({ speaker, share: speaker.characters / total }));
      this.dim(editor);
    }
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.speakers;
    if ('share' in node) return node.speaker.ranges.map((range) => ({ speaker: node, range: this.client.protocol2CodeConverter.asRange(range) }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('share' in node) {
      const { speaker } = node;
      const item = new vscode.TreeItem(speaker.name, vscode.TreeItemCollapsibleState.Collapsed);
      const statements = speaker.ranges.length === 1 ? vscode.l10n.t('1 statement') : vscode.l10n.t('{0} statements', speaker.ranges.length);
      const parts = [sideLabel(speaker.side), statements, `${Math.round(node.share * 100)}%`];
      if (speaker.questions > 0) parts.push(speaker.questions === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', speaker.questions));
      item.description = parts.join(' · ');
      item.iconPath = new vscode.ThemeIcon(speaker.side === 'press' ? 'comment-discussion' : 'person');
      item.contextValue = 'speaker';
      item.id = `${this.document?.uri.toString()}#${speaker.id}`;
      return item;
    }
    const text = this.document?.getText(node.range).replace(/\s+/g, ' ').trim() ?? '';
    const item = new vscode.TreeItem(text.length > STATEMENT_LABEL_CHARS ? `${text.slice(0, STATEMENT_LABEL_CHARS)}…` : text);
    item.tooltip = text;
    if (this.document) {
      const at = new vscode.Range(node.range.start, node.range.start);
      item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [this.document.uri, { selection: at }] };
    }
    return item;
  }

  private showOnly(id: string): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== this.document) return;
    this.only.set(editor.document.uri.toString(), id);
    void vscode.commands.executeCommand('setContext', 'kaidan.speakerShownAlone', true);
    this.dim(editor);
  }

  private showAll(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor) this.only.delete(editor.document.uri.toString());
    void vscode.commands.executeCommand('setContext', 'kaidan.speakerShownAlone', false);
    if (editor) this.dim(editor);
  }

  private dim(editor: vscode.TextEditor): void {
    const only = this.only.get(editor.document.uri.toString());
    const others = only ? this.speakers.filter((node) => node.speaker.id !== only).flatMap((node) => node.speaker.ranges) : [];
    editor.setDecorations(this.dimmed, others.map((range) => this.client.protocol2CodeConverter.asRange(range)));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.dimmed.dispose();
    this.emitter.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

// The Meetings view: the corpus's meetings grouped by counterpart, person, year or kind (a toggle in
// the view's title), filtered by what a reader types (people, countries, kinds, titles, a year or a
// span of years), newest first, the documents of one event side by side and marked.

import * as vscode from 'vscode';
import type { Citing, MeetingItem } from '../../server/src/protocol';
import { matchesFilter, parseFilter } from './meetingFilter';

export type GroupBy = 'counterpart' | 'person' | 'year' | 'kind';

export const GROUPINGS: readonly GroupBy[] = ['counterpart', 'person', 'year', 'kind'];

interface GroupNode {
  readonly group: string;
  readonly meetings: MeetingNode[];
}

/** A meeting under one group; a meeting with several people stands under each of them. */
export interface MeetingNode {
  readonly item: MeetingItem;
  readonly parent: GroupNode;
}

/** A readout that refers to a meeting, under the meeting it cites. */
interface CitingNode {
  readonly citing: Citing;
  readonly parent: MeetingNode;
}

type Node = GroupNode | MeetingNode | CitingNode;

/** The groups a meeting stands under. */
function groupsOf(item: MeetingItem, by: GroupBy): string[] {
  switch (by) {
    case 'counterpart':
      return [item.counterpart === '日本' ? vscode.l10n.t('No foreign counterpart') : item.counterpart];
    case 'person':
      return item.people.length ? [...item.people] : [vscode.l10n.t('No participants found')];
    case 'year':
      return [item.date?.slice(0, 4) ?? vscode.l10n.t('No date')];
    case 'kind':
      return [item.kind ?? vscode.l10n.t('No kind')];
  }
}

/** Newest first; the documents of one event together, in the order of their first document. */
function newestFirst(a: MeetingItem, b: MeetingItem): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || (a.event ?? a.uri).localeCompare(b.event ?? b.uri) || a.uri.localeCompare(b.uri);
}

export class MeetingsView implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private meetings: MeetingItem[] = [];
  private groups: GroupNode[] = [];
  private filterText = '';

  constructor(private groupBy: GroupBy) {}

  get grouping(): GroupBy {
    return this.groupBy;
  }

  get filter(): string {
    return this.filterText;
  }

  set(meetings: MeetingItem[]): void {
    this.meetings = meetings;
    this.rebuild();
  }

  regroup(by: GroupBy): void {
    this.groupBy = by;
    this.rebuild();
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.rebuild();
  }

  /** How many meetings are shown, and of how many. */
  counts(): { shown: number; total: number } {
    return { shown: new Set(this.groups.flatMap((group) => group.meetings.map((node) => node.item))).size, total: this.meetings.length };
  }

  private rebuild(): void {
    const filter = parseFilter(this.filterText);
    const byGroup = new Map<string, MeetingItem[]>();
    for (const item of this.meetings.filter((meeting) => matchesFilter(meeting, filter))) {
      for (const group of groupsOf(item, this.groupBy)) {
        const list = byGroup.get(group);
        if (list) list.push(item);
        else byGroup.set(group, [item]);
      }
    }
    const order = this.groupBy === 'year' ? (a: string, b: string) => b.localeCompare(a) : (a: string, b: string) => a.localeCompare(b, 'ja');
    this.groups = [...byGroup.keys()].sort(order).map((group) => {
      const node: { group: string; meetings: MeetingNode[] } = { group, meetings: [] };
      node.meetings = byGroup.get(group)!.sort(newestFirst).map((item) => ({ item, parent: node }));
      return node;
    });
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups;
    if ('group' in node) return node.meetings;
    if ('item' in node) return (node.item.citedBy ?? []).map((citing) => ({ citing, parent: node }));
    return [];
  }

  getParent(node: Node): Node | undefined {
    return 'group' in node ? undefined : node.parent;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('citing' in node) return citingItem(node);
    if ('group' in node) {
      const item = new vscode.TreeItem(node.group, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.meetings.length}`;
      item.id = `group:${this.groupBy}:${node.group}`;
      return item;
    }
    const { item: meeting } = node;
    // A tree item's label draws no icons: '$(…)' in a title shows as written without escaping.
    const cited = meeting.citedBy?.length ?? 0;
    const item = new vscode.TreeItem(`${meeting.date ?? '—'} ${meeting.title}`, cited ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const together = meeting.event ? vscode.l10n.t('same event') : '';
    const citedBy = cited ? vscode.l10n.t('cited by {0}', cited) : '';
    item.description = [meeting.kind ?? '', together, citedBy].filter(Boolean).join(' · ');
    item.tooltip = [meeting.title, meeting.people.join('、'), meeting.counterpart].filter(Boolean).join('\n');
    item.resourceUri = vscode.Uri.parse(meeting.uri);
    if (meeting.event) item.iconPath = new vscode.ThemeIcon('link');
    item.contextValue = 'meeting';
    item.id = `meeting:${this.groupBy}:${node.parent.group}:${meeting.uri}:${meeting.range.start.line}`;
    const at = new vscode.Range(meeting.range.start.line, 0, meeting.range.start.line, 0);
    item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [vscode.Uri.parse(meeting.uri), { selection: at }] };
    return item;
  }

  /** The first shown node of a file, to reveal the active readout. */
  find(uri: string): MeetingNode | undefined {
    for (const group of this.groups) {
      const found = group.meetings.find((node) => vscode.Uri.parse(node.item.uri).toString() === uri);
      if (found) return found;
    }
    return undefined;
  }

  /** What the view shows: each group's label and its meetings' labels and descriptions, with those citing each (for scripts and tests). */
  shown(): { group: string; meetings: string[]; descriptions: string[]; citedBy: string[][] }[] {
    return this.groups.map((group) => ({
      group: group.group,
      meetings: group.meetings.map(({ item }) => `${item.date ?? '—'} ${item.title}`),
      descriptions: group.meetings.map((node) => String(this.getTreeItem(node).description ?? '')),
      citedBy: group.meetings.map(({ item }) => (item.citedBy ?? []).map((citing) => String(citingItem({ citing, parent: group.meetings[0] }).label))),
    }));
  }

  /** A meeting of a file, shown or not (for the counterpart of Previous/Next messages). */
  meetingOf(uri: string): MeetingItem | undefined {
    return this.meetings.find((item) => vscode.Uri.parse(item.uri).toString() === uri);
  }
}

/** A citing readout: its date and title, its sentence as the description; opens at the phrase. */
function citingItem({ citing }: CitingNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`${citing.date ?? '—'} ${citing.title}`);
  item.description = citing.sentence;
  item.tooltip = citing.sentence;
  item.iconPath = new vscode.ThemeIcon('references');
  const at = new vscode.Range(citing.range.start.line, citing.range.start.character, citing.range.end.line, citing.range.end.character);
  item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [vscode.Uri.parse(citing.uri), { selection: at }] };
  return item;
}


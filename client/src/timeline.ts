// The timeline: the corpus's dated meetings on a time axis, one lane per counterpart (or person),
// coloured by kind, filtered like the Meetings view; a meeting opens on click or Enter. A webview
// drawn from the editor's theme colours, with its script inline and no network.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { KaidanMethod, type MeetingItem } from '../../server/src/protocol';
import { matchesFilter, parseFilter } from './meetingFilter';

export const TIMELINE_COMMAND = 'kaidan.showTimeline';

export type Lanes = 'counterpart' | 'person';

/** One meeting as the webview draws it. */
interface TimelineMeeting {
  readonly uri: string;
  readonly line: number;
  readonly date: string;
  readonly title: string;
  readonly kind: string;
  readonly lanes: readonly string[];
}

/** What the webview says back. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; uri: string; line: number }
  | { type: 'filter'; text: string }
  | { type: 'lanes'; by: Lanes }
  | { type: 'rendered'; count: number };

function lanesOf(item: MeetingItem, by: Lanes, noCounterpart: string): string[] {
  if (by === 'person') return item.people.length ? [...item.people] : [noCounterpart];
  return [item.counterpart === '日本' ? noCounterpart : item.counterpart];
}

export class Timeline implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private meetings: MeetingItem[] = [];
  private filter = '';
  private lanes: Lanes = 'counterpart';
  private readonly rendered = new vscode.EventEmitter<number>();
  private readonly command: vscode.Disposable;

  constructor(private readonly client: LanguageClient) {
    this.command = vscode.commands.registerCommand(TIMELINE_COMMAND, () => this.show());
  }

  /** Opens the timeline; resolves with how many meetings the webview drew (for scripts and tests). */
  async showAndCount(): Promise<number> {
    const drawn = new Promise<number>((resolve) => {
      const once = this.rendered.event((count) => (once.dispose(), resolve(count)));
    });
    await this.show();
    return drawn;
  }

  async show(): Promise<void> {
    this.meetings = await this.client.sendRequest<MeetingItem[]>(KaidanMethod.meetings);
    if (this.panel) {
      this.panel.reveal();
      this.post();
      return;
    }
    const panel = vscode.window.createWebviewPanel('kaidan.timeline', vscode.l10n.t('Kaidan: Timeline'), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    this.panel = panel;
    panel.webview.html = page(nonce(), {
      filter: vscode.l10n.t('Filter: a person, country, kind or title, and years (2016-2019)'),
      lanes: vscode.l10n.t('Lanes'),
      counterpart: vscode.l10n.t('by counterpart'),
      person: vscode.l10n.t('by person'),
      empty: vscode.l10n.t('No dated meeting matches.'),
    });
    panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message));
    panel.onDidDispose(() => (this.panel = undefined));
  }

  private receive(message: FromWebview): void {
    if (message.type === 'open') {
      const at = new vscode.Position(message.line, 0);
      void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.Beside });
    } else if (message.type === 'filter') {
      this.filter = message.text;
      this.post();
    } else if (message.type === 'lanes') {
      this.lanes = message.by === 'person' ? 'person' : 'counterpart';
      this.post();
    } else if (message.type === 'rendered') this.rendered.fire(message.count);
    else this.post();
  }

  private post(): void {
    const filter = parseFilter(this.filter);
    const noCounterpart = vscode.l10n.t('No foreign counterpart');
    const meetings: TimelineMeeting[] = this.meetings
      .filter((item) => item.date && matchesFilter(item, filter))
      .map((item) => ({ uri: item.uri, line: item.range.start.line, date: item.date!, title: item.title, kind: item.kind ?? '', lanes: lanesOf(item, this.lanes, noCounterpart) }));
    void this.panel?.webview.postMessage({ type: 'meetings', meetings, lanes: this.lanes });
  }

  dispose(): void {
    this.panel?.dispose();
    this.rendered.dispose();
    this.command.dispose();
  }
}

function nonce(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The page: a filter box, a lane toggle, and the lanes drawn by its script from the meetings posted to it. */
function page(nonce: string, words: Record<'filter' | 'lanes' | 'counterpart' | 'person' | 'empty', string>): string {
  const text = (value: string) => value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">${STYLE}</style></head>
<body>
<div class="bar"><input id="filter" type="search" placeholder="${text(words.filter)}" aria-label="${text(words.filter)}">
<label>${text(words.lanes)} <select id="lanes"><option value="counterpart">${text(words.counterpart)}</option><option value="person">${text(words.person)}</option></select></label></div>
<div id="axis" aria-hidden="true"></div><div id="lanes-box" role="list"></div><p id="empty" hidden>${text(words.empty)}</p>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
.bar { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
#filter { flex: 1; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 4px 6px; }
select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border); }
#axis { position: relative; height: 18px; margin-left: 180px; border-bottom: 1px solid var(--vscode-panel-border); font-size: 11px; color: var(--vscode-descriptionForeground); }
#axis span { position: absolute; transform: translateX(-50%); }
.lane { display: flex; align-items: center; min-height: 26px; border-bottom: 1px solid var(--vscode-panel-border); }
.lane h3 { width: 172px; margin: 0 8px 0 0; font-size: 12px; font-weight: normal; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.track { position: relative; flex: 1; height: 22px; }
.meeting { position: absolute; top: 5px; width: 12px; height: 12px; margin-left: -6px; border-radius: 50%; border: 1px solid var(--vscode-editor-background); padding: 0; cursor: pointer; background: var(--vscode-charts-foreground, var(--vscode-foreground)); }
.meeting:focus { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
.k-leader { background: var(--vscode-charts-red); } .k-foreign { background: var(--vscode-charts-blue); }
.k-defence { background: var(--vscode-charts-green); } .k-twoplustwo { background: var(--vscode-charts-purple); }
.k-press { background: var(--vscode-charts-yellow); } .k-joint { background: var(--vscode-charts-orange); }
`;

// The webview's script: draws the lanes from the posted meetings; arrow keys move along a lane.
const SCRIPT = `
const vscode = acquireVsCodeApi();
const box = document.getElementById('lanes-box');
const axis = document.getElementById('axis');
const kindClass = (kind) => kind.startsWith('首脳') ? 'k-leader' : kind.startsWith('外相') || kind === '戦略対話' ? 'k-foreign'
  : kind.startsWith('防衛相') ? 'k-defence' : kind === '2+2' ? 'k-twoplustwo' : kind === '記者会見' ? 'k-press' : kind.startsWith('共同') ? 'k-joint' : '';
const day = (iso) => Date.UTC(+iso.slice(0, 4), (+iso.slice(5, 7) || 1) - 1, +iso.slice(8, 10) || 1);
function draw(meetings) {
  box.textContent = ''; axis.textContent = '';
  document.getElementById('empty').hidden = meetings.length > 0;
  if (!meetings.length) return vscode.postMessage({ type: 'rendered', count: 0 });
  const days = meetings.map((m) => day(m.date));
  const first = new Date(Math.min(...days)).getUTCFullYear(), last = new Date(Math.max(...days)).getUTCFullYear() + 1;
  const from = Date.UTC(first, 0, 1), span = Date.UTC(last, 0, 1) - from;
  const at = (iso) => (100 * (day(iso) - from)) / span + '%';
  const step = Math.max(1, Math.ceil((last - first) / 12));
  for (let year = first; year <= last; year += step) {
    const mark = document.createElement('span'); mark.textContent = year; mark.style.left = at(year + '-01-01'); axis.append(mark);
  }
  const lanes = new Map();
  for (const m of meetings) for (const lane of m.lanes) (lanes.get(lane) || lanes.set(lane, []).get(lane)).push(m);
  for (const [lane, list] of [...lanes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'ja'))) {
    const row = document.createElement('div'); row.className = 'lane'; row.setAttribute('role', 'listitem');
    const name = document.createElement('h3'); name.textContent = lane + ' (' + list.length + ')'; name.title = lane;
    const track = document.createElement('div'); track.className = 'track';
    for (const m of list.sort((a, b) => a.date.localeCompare(b.date))) {
      const dot = document.createElement('button');
      dot.className = 'meeting ' + kindClass(m.kind); dot.style.left = at(m.date);
      dot.title = m.date + ' ' + m.title + (m.kind ? ' · ' + m.kind : ''); dot.setAttribute('aria-label', dot.title);
      dot.addEventListener('click', () => vscode.postMessage({ type: 'open', uri: m.uri, line: m.line }));
      dot.addEventListener('keydown', (event) => {
        const next = event.key === 'ArrowRight' ? dot.nextElementSibling : event.key === 'ArrowLeft' ? dot.previousElementSibling : null;
        if (next) { next.focus(); event.preventDefault(); }
      });
      track.append(dot);
    }
    row.append(name, track); box.append(row);
  }
  vscode.postMessage({ type: 'rendered', count: new Set(meetings.map((m) => m.uri + '#' + m.line)).size });
}
window.addEventListener('message', (event) => {
  if (event.data.type !== 'meetings') return;
  document.getElementById('lanes').value = event.data.lanes;
  draw(event.data.meetings);
});
let typing;
document.getElementById('filter').addEventListener('input', (event) => {
  clearTimeout(typing);
  typing = setTimeout(() => vscode.postMessage({ type: 'filter', text: event.target.value }), 200);
});
document.getElementById('lanes').addEventListener('change', (event) => vscode.postMessage({ type: 'lanes', by: event.target.value }));
vscode.postMessage({ type: 'ready' });
`;

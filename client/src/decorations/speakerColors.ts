// A thin bar in each speaker's colour at the left edge of the lines they speak, and their name or tag
// in the same colour. Colours come from a palette (setting kaidan.speakers.colors) readable on light
// and dark themes; a speaker keeps its colour for the whole document (palette position = order of
// first statement).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { type DocumentParams, KaidanMethod, type SpeakerRanges } from '../../../server/src/protocol';
import { speakerOfLines } from './speakerLines';

interface SpeakerStyle {
  readonly bar: vscode.TextEditorDecorationType;
  readonly label: vscode.TextEditorDecorationType;
}

const REFRESH_DELAY_MS = 250;

export class SpeakerColors implements vscode.Disposable {
  private styles: SpeakerStyle[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {
    this.createTypes();
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId === 'readout') this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('kaidan.speakers')) {
          this.createTypes();
          this.schedule();
        }
      }),
    );
    this.schedule();
  }

  private enabled(document: vscode.TextDocument): boolean {
    return vscode.workspace.getConfiguration('kaidan.speakers', document.uri).get<boolean>('decorations', true);
  }

  private createTypes(): void {
    this.disposeTypes();
    const colors = vscode.workspace.getConfiguration('kaidan.speakers').get<string[]>('colors', []);
    this.styles = colors.map((color) => ({
      bar: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        borderWidth: '0 0 0 3px',
        borderStyle: 'solid',
        borderColor: color,
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      }),
      label: vscode.window.createTextEditorDecorationType({ color }),
    }));
  }

  private disposeTypes(): void {
    for (const style of this.styles) {
      style.bar.dispose();
      style.label.dispose();
    }
  }

  /** Edits come in bursts: one refresh after they settle. */
  private schedule(): void {
    clearTimeout(this.timer);
    // A server that is restarting answers nothing; the next change or restart refreshes again.
    this.timer = setTimeout(() => this.refresh().catch(() => undefined), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.languageId !== 'readout') continue;
      if (!this.enabled(editor.document) || this.styles.length === 0) {
        this.decorate(editor, []);
        continue;
      }
      const speakers = await this.client.sendRequest<SpeakerRanges[]>(KaidanMethod.speakerRanges, { uri: editor.document.uri.toString() } satisfies DocumentParams);
      this.decorate(editor, speakers);
    }
  }

  private decorate(editor: vscode.TextEditor, speakers: SpeakerRanges[]): void {
    const document = editor.document;
    const bars = this.styles.map(() => [] as vscode.DecorationOptions[]);
    const labels = this.styles.map(() => [] as vscode.DecorationOptions[]);
    const lines = speakerOfLines(speakers, (line) => (line < document.lineCount ? document.lineAt(line).text.length : 0));
    for (const [line, colorIndex] of lines) {
      if (line >= document.lineCount) continue;
      bars[colorIndex % bars.length].push({ range: new vscode.Range(line, 0, line, 0) });
    }
    for (const speaker of speakers) {
      const options = labels[speaker.colorIndex % labels.length];
      for (const range of speaker.labels) options.push({ range: this.client.protocol2CodeConverter.asRange(range) });
    }
    this.styles.forEach((style, index) => {
      editor.setDecorations(style.bar, bars[index]);
      editor.setDecorations(style.label, labels[index]);
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposeTypes();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

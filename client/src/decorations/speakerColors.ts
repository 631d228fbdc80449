// A thin bar in each speaker's colour beside everything they say. Colours come from a palette
// (setting kaidan.speakers.colors) readable on light and dark themes; a speaker keeps its colour
// for the whole document (palette position = order of first statement).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';

interface SpeakerRanges {
  readonly id: string;
  readonly name: string;
  readonly colorIndex: number;
  readonly ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[];
}

const REFRESH_DELAY_MS = 250;

export class SpeakerColors implements vscode.Disposable {
  private decorationTypes: vscode.TextEditorDecorationType[] = [];
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
    this.decorationTypes.forEach((type) => type.dispose());
    const colors = vscode.workspace.getConfiguration('kaidan.speakers').get<string[]>('colors', []);
    this.decorationTypes = colors.map((color) =>
      vscode.window.createTextEditorDecorationType({
        borderWidth: '0 0 0 3px',
        borderStyle: 'solid',
        borderColor: color,
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      }),
    );
  }

  /** Edits come in bursts: one refresh after they settle. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.languageId !== 'readout') continue;
      if (!this.enabled(editor.document) || this.decorationTypes.length === 0) {
        this.decorationTypes.forEach((type) => editor.setDecorations(type, []));
        continue;
      }
      const speakers = await this.client.sendRequest<SpeakerRanges[]>('kaidan/speakerRanges', { uri: editor.document.uri.toString() });
      const byType = this.decorationTypes.map(() => [] as vscode.DecorationOptions[]);
      for (const speaker of speakers) {
        const options = byType[speaker.colorIndex % byType.length];
        for (const range of speaker.ranges) {
          options.push({ range: this.client.protocol2CodeConverter.asRange(range), hoverMessage: new vscode.MarkdownString().appendText(speaker.name) });
        }
      }
      this.decorationTypes.forEach((type, index) => editor.setDecorations(type, byType[index]));
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.decorationTypes.forEach((type) => type.dispose());
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

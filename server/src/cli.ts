// The `kaidan` command, on the same service the language server uses.

import { pathToFileURL } from 'node:url';
import { OutlineNode } from './features/types';
import { UnreadableFileError, readTextFile } from './io/readText';
import { ReadoutDocument, createReadoutService } from './service';
import { CORPUS_USAGE, isCorpusCommand, runCorpusCommand } from './cliCorpus';

const USAGE = `usage: kaidan <command> [options]

  kaidan parse FILE [--json]   the document model: title, kind, date, time, place, participants, sections, turns, meetings
  kaidan outline FILE...       the outline of each file as an indented tree
  kaidan speakers FILE [--json]  who speaks: side, statements (turns), characters spoken
${CORPUS_USAGE}`;

const service = createReadoutService();

function open(path: string): ReadoutDocument {
  const text = readTextFile(path);
  return { uri: pathToFileURL(path).href, version: 0, getText: () => text };
}

function printTree(nodes: readonly OutlineNode[], depth: number, out: string[]): void {
  for (const node of nodes) {
    const detail = node.detail ? `  — ${node.detail}` : '';
    out.push(`${'  '.repeat(depth)}${node.name}${detail}`);
    printTree(node.children, depth + 1, out);
  }
}

function summary(path: string, document: ReadoutDocument): string {
  const model = service.modelJson(document);
  const people = model.participants.map((p) => `${p.name}${p.title ? ` (${p.title}${p.country ? `, ${p.country}` : ''})` : ''}`);
  const when = model.date ?? (model.monthDay ? `${model.monthDay} (year not given)` : '—');
  return [
    `${path}`,
    `  title:        ${model.title ?? '—'}`,
    `  kind:         ${model.kind ?? '—'}`,
    `  date:         ${when}${model.startTime ? ` ${model.startTime}` : ''}${model.durationMinutes !== null ? `, ${model.durationMinutes} min` : ''}`,
    `  place:        ${model.place ?? '—'}`,
    `  countries:    ${model.countries.join(', ') || '—'}`,
    `  participants: ${people.join('; ') || '—'}`,
    `  meetings:     ${model.meetings.length}, sections: ${model.sections.length}, turns: ${model.turns.length}`,
  ].join('\n');
}

interface SpeakerRow {
  id: string;
  name: string;
  title: string | null;
  country: string | null;
  side: string;
  statements: number;
  turns: number;
  characters: number;
}

function speakerRows(document: ReadoutDocument): SpeakerRow[] {
  const { text, readout } = service.parse(document);
  return readout.speakers.map((speaker) => {
    const own = readout.statements.filter((statement) => statement.speaker === speaker.id);
    return {
      id: speaker.id,
      name: speaker.name,
      title: speaker.title,
      country: speaker.country,
      side: speaker.side,
      statements: own.length,
      turns: readout.turns.filter((turn) => own.some((statement) => statement.span.start === turn.span.start)).length,
      // What they said, without the tag or label that names them.
      characters: own.reduce((sum, statement) => {
        const label = statement.labelSpan && statement.labelSpan.start === statement.span.start ? statement.labelSpan.end - statement.labelSpan.start : 0;
        return sum + text.slice(statement.span.start, statement.span.end).replace(/\s/g, '').length - label;
      }, 0),
    };
  });
}

/** Columns on a terminal: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function formatSpeakers(rows: readonly SpeakerRow[]): string {
  const header = ['speaker', 'side', 'statements', 'turns', 'characters'];
  const table = rows.map((row) => [
    `${row.name}${row.title && row.title !== row.name ? ` (${row.title})` : ''}${row.country ? ` ${row.country}` : ''}`,
    row.side,
    String(row.statements),
    String(row.turns),
    String(row.characters),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => displayWidth(cells[i]))));
  const pad = (cell: string, width: number, left: boolean) => {
    const fill = ' '.repeat(width - displayWidth(cell));
    return left ? cell + fill : fill + cell;
  };
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i], i === 0)).join('  ');
  return [line(header), ...table.map(line)].join('\n') + '\n';
}

/** The options each command takes; any other is refused, so that a typo is not silently ignored. */
const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  parse: ['--json'],
  outline: [],
  speakers: ['--json'],
  index: ['--json', '--csv'],
  related: ['--json'],
  who: ['--json'],
};

/** The one-line complaint about the first unknown option, or null. */
function unknownOption(command: string, args: readonly string[]): string | null {
  const known = OPTIONS[command];
  const unknown = args.find((arg) => arg.length > 1 && arg.startsWith('-') && !known.includes(arg));
  if (unknown === undefined) return null;
  return `kaidan ${command}: unknown option ${unknown}${known.length > 0 ? ` (options: ${known.join(', ')})` : ' (it takes no options)'}`;
}

function run(args: string[]): number {
  const [command, ...rest] = args;
  const complaint = Object.hasOwn(OPTIONS, command) ? unknownOption(command, rest) : null;
  if (complaint) {
    process.stderr.write(`${complaint}\n`);
    return 2;
  }
  const files = rest.filter((arg) => !arg.startsWith('--'));
  const json = rest.includes('--json');
  if (isCorpusCommand(command)) {
    // The corpus commands are asynchronous (they read a folder); they set the exit code when done.
    runCorpusCommand(command, rest).then(
      (code) => (process.exitCode = code),
      (error) => {
        process.stderr.write(`kaidan: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
    return 0;
  }
  if (command === 'parse' && files.length === 1) {
    const document = open(files[0]);
    process.stdout.write(json ? JSON.stringify(service.modelJson(document), null, 2) + '\n' : summary(files[0], document) + '\n');
    return 0;
  }
  if (command === 'speakers' && files.length === 1) {
    const rows = speakerRows(open(files[0]));
    process.stdout.write(json ? JSON.stringify(rows, null, 2) + '\n' : formatSpeakers(rows));
    return 0;
  }
  if (command === 'outline' && files.length > 0) {
    let failed = 0;
    for (const file of files) {
      try {
        const document = open(file);
        const out: string[] = [summary(file, document), ''];
        printTree(service.outline(document), 1, out);
        process.stdout.write(out.join('\n') + '\n\n');
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        process.stderr.write(`kaidan: ${error.message}\n`);
        failed++;
      }
    }
    return failed > 0 ? 1 : 0;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  process.stderr.write(USAGE + '\n');
  return 2;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`kaidan: ${error instanceof UnreadableFileError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

// The `kaidan` command, on the same service the language server uses.

import { pathToFileURL } from 'node:url';
import { OutlineNode } from './features/types';
import { UnreadableFileError, readTextFile } from './io/readText';
import { ReadoutDocument, createReadoutService } from './service';

const USAGE = `usage: kaidan <command> [options]

  kaidan parse FILE [--json]   the document model: title, kind, date, time, place, participants, sections, turns, meetings
  kaidan outline FILE...       the outline of each file as an indented tree`;

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

function run(args: string[]): number {
  const [command, ...rest] = args;
  const files = rest.filter((arg) => !arg.startsWith('--'));
  const json = rest.includes('--json');
  if (command === 'parse' && files.length === 1) {
    const document = open(files[0]);
    process.stdout.write(json ? JSON.stringify(service.modelJson(document), null, 2) + '\n' : summary(files[0], document) + '\n');
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

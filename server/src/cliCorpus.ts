// The corpus commands of `kaidan`: index, related, who — on the same index the language server uses.

import { dirname, relative, resolve } from 'node:path';
import { CorpusIndex } from './corpus/index';
import { displayName } from './corpus/people';
import { pathToUri, uriToPath } from './corpus/workspace';
import { DiskWorkspace } from './io/diskWorkspace';
import { meetingItem, meetingTitle } from './features/meetingItems';
import { untranslated } from './features/localize';
import { createCorpusFeatures } from './features/corpusFeatures';
import type { RelatedItem } from './features/types';
import { readTextFile } from './io/readText';
import { SummaryWorkers } from './io/summaryWorkers';
import { Tokenizer } from './nlp/tokenizer';

export const CORPUS_USAGE = `  kaidan index DIR [--json|--csv]  one row per meeting: file, date, kind, place, countries, participants
  kaidan related FILE... [--json]  the meetings of each FILE's folder related to it, with the reasons
  kaidan who NAME [DIR]            a person's meetings by date (DIR defaults to the current folder)`;

export function isCorpusCommand(command: string | undefined): boolean {
  return command === 'index' || command === 'related' || command === 'who';
}

/**
 * The index of a folder. With topics, as the language server has them once its tokenizer is done:
 * they weigh in related meetings, so without them the CLI would list fewer than the code lens counts.
 */
async function indexOf(folder: string, withTopics = false): Promise<CorpusIndex> {
  const workspace = new DiskWorkspace([resolve(folder)]);
  const summarizer = new SummaryWorkers();
  const onProblem = (message: string) => process.stderr.write(`kaidan: ${message}\n`);
  const tokenizer = withTopics ? new Tokenizer({ onProblem }) : undefined;
  const index = new CorpusIndex(workspace, { readPeopleOverride: () => workspace.readPeopleOverride(), onProblem, summarizer, tokenizer });
  await index.build();
  summarizer.dispose();
  if (tokenizer) {
    await index.topics?.settled();
    await tokenizer.dispose();
  }
  return index;
}

/** Per file given, the meetings of its folder related to it, as the editor's picker gets them; each folder is indexed once. */
async function relatedOf(paths: readonly string[]): Promise<Map<string, RelatedItem[]>> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) byFolder.set(dirname(path), [...(byFolder.get(dirname(path)) ?? []), path]);
  const related = new Map<string, RelatedItem[]>();
  for (const [folder, inFolder] of byFolder) {
    const index = await indexOf(folder, true);
    const features = createCorpusFeatures(index, untranslated);
    for (const path of inFolder) {
      const uri = pathToUri(path);
      related.set(path, features.related(index.file(uri) ? uri : { uri, getText: () => readTextFile(path) }));
    }
  }
  return related;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function runCorpusCommand(command: string, args: string[]): Promise<number> {
  const positional = args.filter((arg) => !arg.startsWith('--'));
  const json = args.includes('--json');
  const out = (text: string) => process.stdout.write(text + '\n');
  // `kaidan index corpus | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  if (command === 'index' && positional.length === 1) {
    const folder = resolve(positional[0]);
    const index = await indexOf(folder);
    const rows = index
      .meetings()
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.file.uri.localeCompare(b.file.uri) || a.index - b.index)
      .map((meeting) => ({
        file: relative(folder, uriToPath(meeting.file.uri)),
        date: meeting.date,
        kind: meeting.summary.kind,
        place: meeting.summary.place,
        countries: meeting.summary.countries,
        participants: meeting.participants.map((p) => ({ name: p.name, title: p.title, country: p.country, personId: p.personId })),
      }));
    if (json) out(JSON.stringify(rows, null, 2));
    else if (args.includes('--csv')) {
      out('file,date,kind,place,countries,participants');
      for (const row of rows) {
        out([row.file, row.date ?? '', row.kind ?? '', row.place ?? '', row.countries.join(' '), row.participants.map((p) => p.name).join('; ')].map(csvField).join(','));
      }
    } else {
      for (const row of rows) out(`${row.date ?? '—'}\t${row.kind ?? '—'}\t${row.countries.join(',')}\t${row.file}\t${row.participants.map((p) => p.name).join('、')}`);
    }
    return 0;
  }

  if (command === 'related' && positional.length >= 1) {
    const paths = positional.map((arg) => resolve(arg));
    const found = await relatedOf(paths);
    const rows = (path: string) => found.get(path)!.map(({ uri, range: _range, ...rest }) => ({ ...rest, file: relative(dirname(path), uriToPath(uri)) }));
    // One file keeps its plain list; several are told apart by the path as given.
    if (json && paths.length === 1) out(JSON.stringify(rows(paths[0]), null, 2));
    else if (json) out(JSON.stringify(Object.fromEntries(paths.map((path, i) => [positional[i], rows(path)])), null, 2));
    else {
      paths.forEach((path, i) => {
        if (paths.length > 1) out(`${i > 0 ? '\n' : ''}${positional[i]}`);
        for (const item of rows(path)) out(`${item.score.toFixed(2)}\t${item.date ?? '—'}\t${item.kind ?? '—'}\t${item.title}\t${item.file}\n\t\t${item.reasons.join(' · ')}`);
      });
    }
    return 0;
  }

  if (command === 'who' && (positional.length === 1 || positional.length === 2)) {
    const index = await indexOf(positional[1] ?? '.');
    const people = index.peopleNamed(positional[0]);
    if (people.length === 0) {
      process.stderr.write(`kaidan: nobody called ${positional[0]} in the knowledge file or the corpus\n`);
      return 1;
    }
    const found = people.map((person) => ({ person, meetings: index.meetingsWith(person.id).reverse() }));
    if (json) {
      out(JSON.stringify(found.map(({ person, meetings }) => ({ id: person.id, name: displayName(person), latin: person.latin, meetings: meetings.map((meeting) => meetingItem(meeting, index)) })), null, 2));
      return 0;
    }
    for (const { person, meetings } of found) {
      out(`${displayName(person)} (${[person.latin, person.id].filter(Boolean).join(', ')}) — ${meetings.length} meeting${meetings.length === 1 ? '' : 's'}`);
      for (const meeting of meetings) out(`  ${meeting.date ?? '—'}\t${meeting.summary.kind ?? '—'}\t${meetingTitle(meeting)}\t${relative(process.cwd(), uriToPath(meeting.file.uri))}`);
    }
    return 0;
  }
  process.stderr.write(`usage:\n${CORPUS_USAGE}\n`);
  return 2;
}

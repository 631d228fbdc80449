// Measures the parser on labelled real pages kept outside the repository: a folder of NAME.txt
// (the page text) and NAME.gold.json (what a careful reader says the model must give, in the
// fields of test/compareModel.ts, plus its category). Prints each field's score by category.
//
//   node out/bench/realPages.js DIR [--failures FIELD] [--json OUT]

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseReadout } from '../server/src/parse/parser';
import { Expected, FieldResult, compareModel, participantScore } from '../test/compareModel';
import { PEOPLE } from '../server/src/knowledge/people';

interface Gold extends Expected {
  readonly category?: string;
  readonly url?: string;
}

interface PageResult {
  readonly name: string;
  readonly group: string;
  readonly results: FieldResult[];
  readonly participants: ReturnType<typeof participantScore>;
}

function groupOf(category: string | undefined): string {
  return category === 'summary' ? 'summaries' : category === 'copy' ? 'copies' : 'press, joint, statements';
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    strict: true,
    options: { failures: { type: 'string' }, json: { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir) throw new Error('usage: realPages DIR [--failures FIELD] [--json OUT]');
  const pages: PageResult[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.gold.json')).sort()) {
    const name = file.replace(/\.gold\.json$/, '');
    const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Gold;
    const model = parseReadout(text, PEOPLE);
    const expected: Expected = { ...gold, meetings: undefined, title: undefined };
    delete (expected as { meetings?: number }).meetings;
    delete (expected as { title?: string }).title;
    pages.push({ name, group: groupOf(gold.category), results: compareModel(model, text, expected), participants: participantScore(model, gold.participants) });
  }

  const groups = [...new Set(pages.map((page) => page.group))].sort();
  const fields = ['kind', 'date', 'monthDay', 'startTime', 'startTimeJapan', 'endTime', 'durationMinutes', 'place', 'turns', 'topSections', 'participants', 'statements'] as const;
  const header = ['field', ...groups, 'all'];
  const rows: string[][] = [];
  for (const field of fields) {
    const cell = (selected: PageResult[]) => {
      const results = selected.flatMap((page) => page.results.filter((result) => result.field === field));
      const right = results.filter((result) => result.ok).length;
      return results.length === 0 ? '–' : `${right}/${results.length} (${Math.round((100 * right) / results.length)}%)`;
    };
    rows.push([field, ...groups.map((group) => cell(pages.filter((page) => page.group === group))), cell(pages)]);
  }
  // Only pages whose gold lists the participants count: elsewhere every found participant would look wrong.
  const f1 = (all: PageResult[]) => {
    const selected = all.filter((page) => page.results.some((result) => result.field === 'participants'));
    const tp = selected.reduce((sum, page) => sum + page.participants.truePositives, 0);
    const predicted = selected.reduce((sum, page) => sum + page.participants.predicted, 0);
    const expected = selected.reduce((sum, page) => sum + page.participants.expected, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = expected === 0 ? 0 : tp / expected;
    return precision + recall === 0 ? '0' : ((2 * precision * recall) / (precision + recall)).toFixed(2);
  };
  rows.push(['participants F1', ...groups.map((group) => f1(pages.filter((page) => page.group === group))), f1(pages)]);
  const counts = ['pages', ...groups.map((group) => String(pages.filter((page) => page.group === group).length)), String(pages.length)];
  const table = [header, counts, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));

  if (values.failures) {
    for (const page of pages) {
      for (const result of page.results.filter((r) => r.field === values.failures && !r.ok)) {
        console.log(`${page.name}\n  expected ${JSON.stringify(result.expected)}\n  actual   ${JSON.stringify(result.actual)}`);
      }
    }
  }
  if (values.json) writeFileSync(values.json, JSON.stringify(pages, null, 1));
}

main();

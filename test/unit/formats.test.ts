// The format fixtures: readouts written in the layouts found on real pages, each with the model
// facts it must give (NAME.expected.json beside NAME.readout.txt), checked field by field.
//
// What the parser does not read yet is listed in known-gaps.json: those checks run as `todo`
// (reported, never counted as passing), and a gap that starts to pass must leave the list.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReadout } from '../../server/src/parse/parser';
import { Expected, FieldResult, compareModel } from '../compareModel';
import { ROOT } from './helpers';
import { PEOPLE } from '../../server/src/knowledge/people';

const FORMATS = join(ROOT, 'test', 'fixtures', 'formats');

interface FixtureExpectation extends Expected {
  /** The layout the fixture reproduces, in a line. */
  readonly about: string;
  /** The conventions of docs/formats.md it shows. */
  readonly conventions: readonly string[];
}

const fixtures = readdirSync(FORMATS)
  .filter((name) => name.endsWith('.readout.txt'))
  .sort()
  .map((file) => {
    const name = file.replace(/\.readout\.txt$/, '');
    const text = readFileSync(join(FORMATS, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(FORMATS, `${name}.expected.json`), 'utf8')) as FixtureExpectation;
    return { name, text, expected, results: compareModel(parseReadout(text, PEOPLE), text, expected) };
  });

const knownGaps = JSON.parse(readFileSync(join(FORMATS, 'known-gaps.json'), 'utf8')) as Record<string, string[]>;

/** How a check is named in known-gaps.json: the field, and for a statement its quote. */
function checkName(result: FieldResult): string {
  return result.field === 'statements' ? `statements ${String(result.expected)}` : result.field;
}

describe('format fixtures', () => {
  it('are at least 60, each stating its layout and conventions', () => {
    assert.ok(fixtures.length >= 60, `${fixtures.length} fixtures`);
    for (const { name, expected } of fixtures) assert.ok(expected.about && expected.conventions.length > 0, name);
  });

  it('list as known gaps only checks that exist and still fail', () => {
    for (const [name, gaps] of Object.entries(knownGaps)) {
      const fixture = fixtures.find((candidate) => candidate.name === name);
      assert.ok(fixture, `known-gaps.json names ${name}, which is not a fixture`);
      for (const gap of gaps) {
        const result = fixture.results.find((candidate) => checkName(candidate) === gap);
        assert.ok(result, `${name}: no check '${gap}'`);
        assert.ok(!result.ok, `${name}: '${gap}' passes now; remove it from known-gaps.json`);
      }
    }
  });

  for (const { name, expected, results } of fixtures) {
    describe(`${name}: ${expected.about}`, () => {
      for (const result of results) {
        const gap = knownGaps[name]?.includes(checkName(result));
        const title = result.field === 'statements' ? `statements ${String(result.expected)}` : result.field;
        it(title, gap ? { todo: 'not read yet (known-gaps.json)' } : {}, () => {
          assert.ok(result.ok, `${result.field}: ${JSON.stringify(result.actual)} ≠ ${JSON.stringify(result.expected)}`);
        });
      }
    });
  }
});

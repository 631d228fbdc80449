// The related-meetings quick pick shows document text as written: '$(name)' in a title, kind or
// reason is no icon. `shown` reads a label as VS Code does (an icon for '$(name)', '$(name)' as
// text for '\$(name)'), so the tests compare what the user sees.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escapeIcons, relatedPickItem } from '../../client/src/pickItems';

const ICON_OR_ESCAPED = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;

/** A label as VS Code draws it: each icon as '<icon:name>', an escaped one as its text. */
function shown(label: string): string {
  return label.replace(ICON_OR_ESCAPED, (_, escaped: string | undefined, name: string) => (escaped ? `$(${name})` : `<icon:${name}>`));
}

describe('icons in the related-meetings quick pick', () => {
  it('escapes $(name) and $(name~modifier) in the title, kind and reasons', () => {
    const item = { title: '日米 $(rocket) 会談', date: '2024-02-29', kind: '$(zap~spin)', reasons: ["referred to here: '$(x) 3月の会談'", 'same counterpart'] };
    const pick = relatedPickItem(item);
    assert.deepEqual(pick, {
      label: '2024-02-29  日米 \\$(rocket) 会談',
      description: '\\$(zap~spin)',
      detail: "referred to here: '\\$(x) 3月の会談' · same counterpart",
      item,
    });
    assert.equal(shown(pick.label), '2024-02-29  日米 $(rocket) 会談');
    assert.equal(shown('$(rocket)'), '<icon:rocket>');
  });

  it('leaves what VS Code draws as text alone', () => {
    for (const text of ['$(', '$()', '$(a b)', '$(a~1)', '$(日本)', '$ (x)', '(x)']) assert.equal(escapeIcons(text), text);
    assert.equal(escapeIcons('\\$(x)'), '\\\\$(x)');
    assert.equal(shown(escapeIcons('\\$(x)')), '\\$(x)');
  });

  it('any text is shown exactly as written once escaped', () => {
    const pieces = fc.constantFrom('$', '(', ')', '\\', 'a', 'Z', '9', '-', '~', ' ', '会', 'spin');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join('')), (text) => shown(escapeIcons(text)) === text), { numRuns: 2000 });
  });
});

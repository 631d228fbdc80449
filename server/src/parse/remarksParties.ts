// A copy of one leader's remarks at a joint press event (an embassy's '日豪首脳会談・共同記者発表'
// under the speaker's name) writes no lead: both leaders are named only as the speaker, on a line
// of their own, and as the one addressed at the head of a line ('安倍晋三首相、有難うございます').

import { Span } from '../model/readout';
import { NamedOffice, findNamedOffices } from './participants';

/** How many lines into the block the remarks' parties are looked for. */
const REMARKS_LINES = 40;
/** An address at the head of a line: the name and office, then a comma. */
const ADDRESS_COMMA = /^[、,，]/;

/** The speaker labelled on a line of their own and the leaders addressed at a line's head, with where their names start. */
export function remarksParties(text: string, span: Span, date: string | null): { named: NamedOffice; start: number }[] {
  const found: { named: NamedOffice; start: number }[] = [];
  const line = /[^\r\n]+/g;
  line.lastIndex = span.start;
  for (let read = 0, match = line.exec(text); match !== null && match.index < span.end && read < REMARKS_LINES; match = line.exec(text)) {
    const written = match[0].trimEnd();
    const indent = written.length - written.trimStart().length;
    const body = written.trimStart();
    if (body === '') continue;
    read++;
    const [first] = findNamedOffices(body, date);
    if (!first || first.start !== 0) continue;
    if (first.end === body.length || ADDRESS_COMMA.test(body.slice(first.end))) found.push({ named: first, start: match.index + indent + first.nameStart });
  }
  return found;
}

// A copy of one leader's remarks at a joint press event (an embassy's '日豪首脳会談・共同記者発表'
// under the speaker's name) writes no lead: both leaders are named only as the speaker, on a line
// of their own, as the one addressed at the head of a line ('安倍晋三首相、有難うございます'), and as the
// guest whose visit the host welcomes ('李在明(イ・ジェミョン)大統領の訪日を心から歓迎いたします').

import type { PeopleIndex } from '../knowledge/people';
import { Span } from '../model/readout';
import { NamedOffice, findNamedOffices } from './participants';

/** How many lines into the block the remarks' parties are looked for. */
const REMARKS_LINES = 40;
/** An address at the head of a line: the name and office, then a comma. */
const ADDRESS_COMMA = /^[、,，]/;
/** A guest's visit welcomed, after their name and office (not a visit spoken of: '…大統領の訪日を成功させるため'). */
const GUEST_VISIT = /^の(?:訪日|来日|御来日|ご来日)を(?:心から|心より|改めて)?歓迎/;

/** The speaker labelled on a line of their own, the leaders addressed at a line's head and the guest welcomed, with where their names start. */
export function remarksParties(text: string, span: Span, date: string | null, people: PeopleIndex): { named: NamedOffice; start: number }[] {
  const found: { named: NamedOffice; start: number }[] = [];
  const line = /[^\r\n]+/g;
  line.lastIndex = span.start;
  for (let read = 0, match = line.exec(text); match !== null && match.index < span.end && read < REMARKS_LINES; match = line.exec(text)) {
    const written = match[0].trimEnd();
    const indent = written.length - written.trimStart().length;
    const body = written.trimStart();
    if (body === '') continue;
    read++;
    for (const named of findNamedOffices(body, people, date)) {
      const after = body.slice(named.end);
      const labelOrAddress = named.start === 0 && (after === '' || ADDRESS_COMMA.test(after));
      if (labelOrAddress || GUEST_VISIT.test(after)) found.push({ named, start: match.index + indent + named.nameStart });
    }
  }
  return found;
}

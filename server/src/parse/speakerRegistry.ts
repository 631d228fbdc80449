// The speakers of one readout. A summary names the same person many ways ('岸田大臣', '岸田文雄外務大臣',
// '日本側'), so every written form is resolved here to one speaker, merged with any already met.

import { type PeopleIndex, nameKey } from '../knowledge/people';
import { Meeting, Participant, Side, Speaker } from '../model/readout';
import { officeOf } from '../knowledge/offices';
import { sameName } from './participants';

export const JOINT_ID = 'joint';

/** A person as the text writes them: a participant, or an office and name found in a line. */
export type WrittenPerson = Pick<Participant, 'name' | 'title' | 'country'>;

/** Offices from the highest: the principal of a side is its highest officeholder. */
const LEVELS = ['leader', 'foreign', 'defence', 'other'];

export class SpeakerRegistry {
  /** By id, in the order first met: the order of the readout's speakers list. */
  readonly speakers = new Map<string, Speaker>();

  /** Written forms already resolved: a summary names the same few people in every paragraph. */
  private readonly resolvedIds = new Map<string, string>();

  constructor(private readonly people: PeopleIndex) {}

  /** The speaker a written name stands for: an existing one of the same person, or a new one. */
  speakerFor(person: WrittenPerson, date: string | null): Speaker {
    const key = `${person.name}\u0000${person.title}\u0000${person.country}\u0000${date}`;
    const known = this.resolvedIds.get(key);
    if (known !== undefined && this.speakers.has(known)) return this.speakers.get(known)!;
    const speaker = this.newOrMergedSpeaker(person, date);
    this.resolvedIds.set(key, speaker.id);
    return speaker;
  }

  /** Adds a speaker that was not resolved from a name (the press, a bare role) when it first speaks. */
  register(speaker: Speaker): void {
    if (!this.speakers.has(speaker.id)) this.speakers.set(speaker.id, speaker);
  }

  /** The one speaker of everything said jointly, named the way the text first writes it ('双方', '三者'). */
  jointSpeaker(written: string): Speaker {
    const existing = this.speakers.get(JOINT_ID);
    if (existing) return existing;
    const joint: Speaker = { id: JOINT_ID, name: written, title: null, country: null, side: 'joint', personId: null };
    this.speakers.set(JOINT_ID, joint);
    return joint;
  }

  /** A side that speaks as a whole ('日本側', '先方') when no one participant stands for it. */
  sideSpeaker(written: string): Speaker {
    const japan = /^(日本側|我が方)$/.test(written);
    const id = `side:${written}`;
    const existing = this.speakers.get(id);
    if (existing) return existing;
    const speaker: Speaker = { id, name: written, title: null, country: japan ? 'JP' : null, side: japan ? 'japan' : 'counterpart', personId: null };
    this.speakers.set(id, speaker);
    return speaker;
  }

  /** The participant a side or an office stands for, when the meeting has one ('日本側' → 岸田, '大統領は' → バイデン). */
  principal(meeting: Meeting | undefined, keep: (participant: Participant) => boolean): Speaker | null {
    const level = (title: string | null) => LEVELS.indexOf(officeOf(title ?? '')?.level ?? 'other');
    const [best] = (meeting?.participants ?? []).filter(keep).sort((a, b) => level(a.title) - level(b.title));
    return best ? this.speakerFor(best, meeting!.date) : null;
  }

  /** The ids of a meeting's participants, whom a joint statement speaks for. */
  participantIds(meeting: Meeting | undefined): string[] {
    if (!meeting) return [];
    return meeting.participants.map((participant) => this.speakerFor(participant, meeting.date).id);
  }

  private newOrMergedSpeaker(person: WrittenPerson, date: string | null): Speaker {
    const { name, title, country } = person;
    const personId = this.people.resolve(name, { title, date, country })?.id ?? null;
    for (const [id, known] of this.speakers) {
      if ((personId && known.personId === personId) || sameName(known.name, name, this.people) || nameKey(known.name) === nameKey(name)) {
        const merged: Speaker = {
          ...known,
          name: name.length > known.name.length ? name : known.name,
          title: known.title ?? title,
          country: known.country ?? country,
          personId: known.personId ?? personId,
        };
        this.speakers.set(id, merged);
        return merged;
      }
    }
    const resolvedCountry = country ?? (personId ? this.people.people.find((entry) => entry.id === personId)!.country : null);
    const speaker: Speaker = {
      id: personId ?? `name:${nameKey(name)}`,
      name,
      title,
      country: resolvedCountry,
      side: sideOf(resolvedCountry, name),
      personId,
    };
    this.speakers.set(speaker.id, speaker);
    return speaker;
  }
}

/** A speaker whose country is not known sits on Japan's side when the name is written in kanji alone. */
function sideOf(country: string | null, name: string): Side {
  return country === 'JP' || (country === null && /^[一-龥々]+$/.test(name)) ? 'japan' : 'counterpart';
}

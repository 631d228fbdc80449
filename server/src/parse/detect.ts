// Whether a plain-text file reads like a meeting readout, from its opening part only.

const SAMPLE_LENGTH = 8000;
const MEETING = /会談|会合|会見|表敬|協議|共同声明/;
const OFFICE = /大臣|長官|総理|大統領|首相|外相/;
const FORM = /概要|以下のとおり|次のとおり|【記者】|【大臣】|記者会見|共同声明|旨述べ/;

export function looksLikeReadout(text: string): boolean {
  const sample = text.slice(0, SAMPLE_LENGTH);
  return MEETING.test(sample) && OFFICE.test(sample) && FORM.test(sample);
}

// The shape of one person in `.kaidan/people.json` (the schema of knowledge/people.json), checked
// entry by entry: the file is the user's, and a number among the names must cost only its entry.

import { z } from 'zod';
import type { Person } from '../knowledge/people';

const text = z.string();
const name = z.string().min(1);

export const personSchema: z.ZodType<Person, unknown> = z.object({
  id: name,
  family: name,
  names: z.array(name),
  variants: z.array(name).optional().transform((value) => value ?? []),
  reading: text.optional(),
  latin: text.optional().transform((value) => value ?? ''),
  country: text,
  offices: z.array(
    z.object({
      title: name,
      from: text,
      // An office without an end is one still held.
      to: text.nullable().optional().transform((value) => value ?? null),
    }),
  ),
});

export const peopleFileSchema = z.object({ people: z.array(z.unknown()) });

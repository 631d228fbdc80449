// Why a value failed its schema, in one short phrase for a problem line.

import type { z } from 'zod';

/** Where a value first fails its schema and why ('summary.meetings: Invalid input: expected array, received string'). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

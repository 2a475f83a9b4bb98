import type { z } from 'zod';
import { issuePath } from '../shared/schemas';

export type FieldErrors = Readonly<Record<string, string>>;

/**
 * Runs one of the shared IPC schemas in the renderer, so that a field shows the same error the
 * main process would answer, before anything is sent. Returns the first message per field path.
 */
export function fieldErrors(schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issuePath(issue.path);
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/** The error for one field, if any. */
export function fieldError(schema: z.ZodType, value: unknown, field: string): string | undefined {
  return fieldErrors(schema, value)[field];
}

/** A server field path (`patch.endDate`, `prerequisites[0].minMaturity`) without its envelope. */
export function serverField(field: string | undefined): string | undefined {
  return field?.replace(/^patch\./, '');
}

/** Text box → FTE number; '' and junk become NaN so the schema reports them. */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** Text box → date or null; the schema then checks the shape and the calendar. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

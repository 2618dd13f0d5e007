/** The record contract as JSON Schema, for editors (yaml-language-server) and other tools. */
import { z } from 'zod';
import { recordSchema } from './schema.js';

export const RECORD_SCHEMA_FILE = 'schema/record.schema.json';

export function recordSchemaJson(): string {
  const schema = z.toJSONSchema(recordSchema, { unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'A phrg-brief meeting record (front-matter)' }, null, 2)}\n`;
}

/**
 * Writes schema/record.schema.json, the JSON Schema of a record's front-matter, from the
 * zod schema that validates it, so editors can complete and check records as they are typed.
 * Run by `npm run build`; a test keeps the committed file equal to what this writes.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { recordSchemaJson } from '../src/validate/json-schema.js';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(new URL('../schema/record.schema.json', import.meta.url), recordSchemaJson());
}

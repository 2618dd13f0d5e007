/**
 * How a key's path, an expected type and a value found are named to someone editing a record
 * or the config: in words, counting from one, never as a JavaScript path or type.
 */
const SINGULAR: Record<string, string> = { speakers: 'speaker', hosts: 'host', partners: 'partner', chair: 'chair', tags: 'tag', formats: 'format' };

/**
 * A path as an editor would name it, counting from one: `title`, `speaker 2`,
 * `key of speaker 2`, `name of chair 1`.
 */
export function pathLabel(path: readonly PropertyKey[]): string {
  let label = '';
  let owner = '';
  for (const step of path) {
    if (typeof step === 'number') {
      owner = `${SINGULAR[label] ?? label} ${step + 1}`;
      label = owner;
    } else {
      label = owner ? `${String(step)} of ${owner}` : String(step);
      owner = '';
    }
  }
  return label;
}

/** A type zod expected, as an editor would call it. */
export function nameOfType(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    object: 'a mapping (key: value lines)',
    array: 'a list',
    boolean: 'true or false',
    number: 'a number',
  };
  return names[expected] ?? expected;
}

/** A value found, as an editor would call it. */
export function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return String(value);
  return `a ${typeof value} (${String(value)})`;
}

/** A library's message ("Nested mappings…") to follow our own words. */
export function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

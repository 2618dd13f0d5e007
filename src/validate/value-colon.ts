/**
 * The commonest slip in a hand-written front-matter: a value with ": " in it (`title: Bahrain:
 * detained medics`), which YAML reads as a key of a mapping inside the value. Its own message,
 * "nested mappings are not allowed in compact mappings", says nothing to an editor. Curly quotes
 * around the value do not help, as YAML's quotes are straight. `from` is where the value starts in
 * `text`; `end`, where the part to underline ends.
 */
export function colonInValue(text: string, from: number): { end: number; message: string; note: string } | undefined {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lineEnd = text.indexOf('\n', from) === -1 ? text.length : text.indexOf('\n', from);
  const key = text.slice(lineStart, from);
  const value = text.slice(from, lineEnd).trimEnd();
  if (!/:\s*$/.test(key) || !/: /.test(value)) return undefined;
  const curly = /^[“‘](.*)[”’]$/u.exec(value);
  const quoted = (inner: string): string => `"${inner.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return curly
    ? {
        end: lineEnd,
        message: `“ ” are not YAML's quotes, so the ": " in this value reads as a key`,
        note: `quote it with straight quotes:  ${key.trim()} ${quoted(curly[1]!)}`,
      }
    : {
        end: from + value.length,
        message: `the ": " in this value reads as a key of its own`,
        note: `put the value in double quotes:  ${key.trim()} ${quoted(value)}`,
      };
}

/** `U+00AD`: how a report names a character it cannot show as it is. */
export const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Bytes → text: strict UTF-8, an optional byte-order mark, CRLF folded to LF. */
export type DecodeResult = { ok: true; text: string } | { ok: false; byteOffset: number; byte: number; line: number; column: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-16 by its byte-order mark, as Notepad's and Word's "Unicode" saves text; else undefined. */
export function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
}

export function decodeRecord(bytes: Uint8Array): DecodeResult {
  try {
    const text = strictUtf8.decode(bytes); // drops a leading BOM
    return { ok: true, text: text.replace(/\r\n?/g, '\n') };
  } catch {
    return { ok: false, ...locateInvalidByte(bytes) };
  }
}

/** Finds the first byte that is not part of a well-formed UTF-8 sequence. */
function locateInvalidByte(bytes: Uint8Array): { byteOffset: number; byte: number; line: number; column: number } {
  let low = 0;
  let high = bytes.length;
  // Validity of a prefix is monotonic (decoding in stream mode tolerates a sequence cut off
  // at the end), so the longest valid prefix ends just before the first bad byte.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (isValidPrefix(bytes.subarray(0, mid))) low = mid;
    else high = mid - 1;
  }
  // A lead byte whose sequence never completes ("Amaz\xF3nico" in Latin-1) is the culprit,
  // not the ordinary byte after it that gave it away.
  if (!isComplete(bytes.subarray(0, low))) {
    let start = low - 1;
    while (start > 0 && start > low - 4 && (bytes[start]! & 0xc0) === 0x80) start--;
    low = start;
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, low), { stream: true }).replace(/\r\n?/g, '\n');
  const lines = prefix.split('\n');
  const withoutBom = lines.length === 1 ? lines[0]!.replace(/^\uFEFF/, '') : lines.at(-1)!;
  return { byteOffset: low, byte: bytes[low] ?? 0, line: lines.length, column: withoutBom.length + 1 };
}

function isComplete(prefix: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix);
    return true;
  } catch {
    return false;
  }
}

function isValidPrefix(prefix: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}

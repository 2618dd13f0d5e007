/**
 * Which addresses a briefing may carry: the one policy that the sanitiser enforces on every
 * briefing (compose/body.ts) and that the `unsafe-link` rule explains at the record's line.
 * The rule can be turned off; the sanitiser cannot, so nothing unsafe is ever published.
 */

/** Links may lead to web pages and e-mail addresses. */
export const LINK_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto'];
/** Images and quotations' sources are fetched by the reader's browser: web addresses only. */
export const SOURCE_PROTOCOLS: readonly string[] = ['http', 'https'];

export type AddressKind = 'link' | 'image';

/** The protocols the sanitiser keeps, by attribute (hast-util-sanitize's `protocols`). */
export const SANITISER_PROTOCOLS: Record<string, string[]> = { href: [...LINK_PROTOCOLS], cite: [...SOURCE_PROTOCOLS], src: [...SOURCE_PROTOCOLS] };

export function linkProtocol(url: string): string | undefined {
  // Browsers ignore control characters and white space inside a scheme ("java\tscript:").
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

/**
 * Why a briefing may not carry `url`, or undefined when it may. A relative address is refused
 * too: a published briefing has nothing to resolve it against (a fragment, "#…", is kept).
 */
export function addressProblem(url: string, kind: AddressKind): string | undefined {
  const protocol = linkProtocol(url);
  const allowed = kind === 'image' ? SOURCE_PROTOCOLS : LINK_PROTOCOLS;
  if (protocol !== undefined)
    return allowed.includes(protocol) ? undefined : `a ${protocol}: address is not allowed ${kind === 'image' ? 'for an image' : 'in a briefing'}`;
  if (url === '' || url.startsWith('#')) return undefined;
  return `the address ${url} is relative: a published briefing has nothing to resolve it against`;
}

/** What the rule's note says is allowed. */
export function policyNote(): string {
  const list = (protocols: readonly string[]): string =>
    protocols
      .map((protocol) => `${protocol}:`)
      .join(', ')
      .replace(/, ([^,]*)$/, ' or $1');
  return `links may only be ${list(LINK_PROTOCOLS)}; images ${list(SOURCE_PROTOCOLS)}`;
}

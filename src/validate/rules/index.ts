/** Every body rule, by id. Severities can be changed per rule in phrg-brief.yaml. */
import { rawHtml } from './raw-html.js';
import type { Rule } from './rule.js';
import { unknownSpeaker } from './unknown-speaker.js';
import { unsafeLink } from './unsafe-link.js';

export const RULES: readonly Rule[] = [unknownSpeaker, rawHtml, unsafeLink];

/** Rule ids of the front-matter checks, which are not modules of their own. */
export const FRONT_MATTER_RULES = ['yaml-syntax', 'schema', 'duplicate-key', 'encoding', 'read-error', 'internal-error'];

/**
 * The date written into a briefing's file (PDF info, Word properties and zip entries):
 * SOURCE_DATE_EPOCH when set, else the meeting's day, so that a rebuild is byte-identical.
 */
import type { BriefingView } from '../compose/view-model.js';

export function documentDate(view: Pick<BriefingView, 'date'>, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(`${view.date}T00:00:00Z`);
}

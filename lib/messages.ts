import { z } from './zod';

/**
 * Every runtime message Crossread sends, one zod schema each. Receivers parse
 * with these and ignore anything that does not fit: a message may come from a
 * stale content script of an older version, or be forged.
 */

/** Popup → content script: what have you highlighted on this page? */
export const pageMentionsRequestSchema = z.object({ type: z.literal('crossread:get-page-mentions') });
export type PageMentionsRequest = z.infer<typeof pageMentionsRequestSchema>;

const entityCountSchema = z.object({
  entityId: z.string().max(300),
  name: z.string().max(300),
  kind: z.string().max(100),
  count: z.number().int().nonnegative(),
});

/** Content script → popup: the answer to a page-mentions request. */
export const pageMentionsSchema = z.object({
  total: z.number().int().nonnegative(),
  entities: z.array(entityCountSchema).max(10_000),
});
export type PageMentions = z.infer<typeof pageMentionsSchema>;
export type EntityCount = z.infer<typeof entityCountSchema>;

/** Content script → background: the mention count changed (drives the toolbar badge). */
export const mentionCountReportSchema = z.object({
  type: z.literal('crossread:mention-count'),
  total: z.number().int().nonnegative(),
});
export type MentionCountReport = z.infer<typeof mentionCountReportSchema>;

/** Toolbar badge text: empty for none, capped so it fits the badge. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}

import { datasetSourceSchema } from './dataset/store';
import { type CheckResult, type RefreshResult, SCHEDULES } from './dataset/updates';
import type { Settings } from './settings';
import type { UserMessage } from './user-message';
import { builtOnFirstUse, z } from './zod';

/**
 * Messages from Crossread's own pages (the options page) to the background,
 * which alone changes the dataset, the update schedule and the settings. The
 * background parses every message with these schemas and checks that it came
 * from an extension page (extension/options-router.ts); payloads that carry a
 * dataset or settings are validated again in full before anything is stored.
 *
 * Kept apart from lib/messages.ts so content scripts never build these schemas.
 */

function buildOptionsRequestSchema() {
  const validators = z.strictObject({
    etag: z.string().max(1000).nullable(),
    lastModified: z.string().max(200).nullable(),
  });
  return z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('crossread:dataset-check-url'), url: z.string().max(4096) }),
    z.strictObject({
      type: z.literal('crossread:dataset-apply'),
      /** Validated in full by the background (validateDataset) before it is stored. */
      dataset: z.unknown(),
      source: datasetSourceSchema(),
      validators: validators.nullable(),
      allowOlder: z.boolean(),
    }),
    z.strictObject({ type: z.literal('crossread:dataset-rollback') }),
    z.strictObject({ type: z.literal('crossread:dataset-restore-bundled') }),
    z.strictObject({ type: z.literal('crossread:dataset-set-schedule'), schedule: z.enum(SCHEDULES) }),
    z.strictObject({ type: z.literal('crossread:dataset-refresh-now') }),
    /** Validated in full by validateSettings before it is stored. */
    z.strictObject({ type: z.literal('crossread:settings-save'), settings: z.unknown() }),
  ]);
}

/** Every request the options page sends; built on first use, like the other message schemas. */
export const optionsRequestSchema = builtOnFirstUse(buildOptionsRequestSchema);
export type OptionsRequest = z.infer<ReturnType<typeof optionsRequestSchema>>;
export type OptionsRequestType = OptionsRequest['type'];

/** What the background answers to each request. */
export interface OptionsResponses {
  'crossread:dataset-check-url': CheckResult;
  'crossread:dataset-apply': OptionsActionResult;
  'crossread:dataset-rollback': OptionsActionResult;
  'crossread:dataset-restore-bundled': OptionsActionResult;
  'crossread:dataset-set-schedule': OptionsActionResult;
  'crossread:dataset-refresh-now': RefreshResult;
  'crossread:settings-save': { ok: true; settings: Settings } | { ok: false; errors: UserMessage[] };
}

/** A done or refused action, for the page to put into words (components/messages.ts). */
export type OptionsActionResult = { ok: true; message: UserMessage } | { ok: false; error: UserMessage };

import type { z } from '../zod';
import { checkIntegrity, type DatasetIssue, formatPath } from './integrity';
import { LIMITS } from './limits';
import { migrateDataset } from './migrate';
import { type Dataset, datasetSchemas } from './schema';

export type DatasetValidation = { ok: true; dataset: Dataset } | { ok: false; issues: DatasetIssue[] };

const MAX_ISSUES = 200;

function zodIssues(error: z.ZodError): DatasetIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: plainMessage(issue) }));
}

function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `is missing (expected ${issue.expected})` : `must be ${issue.expected}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * Checks a dataset of the current schema version against the schema alone,
 * without migration or integrity checks (the dataset build checks its partial
 * brief this way, before the merge that completes its references).
 */
export function checkSchema(data: unknown): DatasetValidation {
  // reportInput lets a message tell a missing field from a wrong one; the input itself is never shown.
  const parsed = datasetSchemas().datasetSchema.safeParse(data, { reportInput: true });
  return parsed.success
    ? { ok: true, dataset: parsed.data }
    : { ok: false, issues: zodIssues(parsed.error).slice(0, MAX_ISSUES) };
}

/**
 * Validates an already-decoded dataset: migrated forward from older schema
 * versions, then the schema, then integrity. Never throws.
 */
export function validateDataset(data: unknown): DatasetValidation {
  const migrated = migrateDataset(data);
  if (!migrated.ok) return { ok: false, issues: [migrated.issue] };
  const parsed = checkSchema(migrated.data);
  if (!parsed.ok) return parsed;
  const issues = checkIntegrity(parsed.dataset);
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  return parsed;
}

/** Validates dataset JSON text from an untrusted source: size first, then JSON, then everything else. */
export function validateDatasetJson(json: string): DatasetValidation {
  const bytes = new TextEncoder().encode(json).length;
  if (bytes > LIMITS.totalBytes) {
    return {
      ok: false,
      issues: [
        {
          path: '(the file)',
          message: `is ${formatBytes(bytes)}; a dataset may be at most ${formatBytes(LIMITS.totalBytes)}`,
        },
      ],
    };
  }
  if (json.trim() === '') return { ok: false, issues: [{ path: '(the file)', message: 'is empty' }] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // A parser that fails at the very end of the text met a text that stops mid-way: V8 words
    // it several ways ("Unexpected end of JSON input", "Unterminated string … at position N",
    // "Expected ',' … at position N"), SpiderMonkey says "unexpected end of data" or, for a
    // string cut short, "unterminated string at line 1 column N of the JSON data".
    const position = failureOffset(detail, json);
    const cutShort = /end of (JSON input|data)/i.test(detail) || position >= json.trimEnd().length;
    const message = cutShort
      ? `is not valid JSON: it stops part-way through, so it may have been cut short (${detail})`
      : `is not valid JSON (${detail})`;
    return { ok: false, issues: [{ path: '(the file)', message }] };
  }
  return validateDataset(data);
}

/**
 * Where in `json` the parser stopped, read from its message: V8 says "at position N" (0-based);
 * SpiderMonkey (Firefox) says "at line L column C" (1-based), which the options page meets there.
 */
function failureOffset(detail: string, json: string): number {
  const position = /at position (\d+)/.exec(detail);
  if (position) return Number(position[1]);
  const lineColumn = /at line (\d+) column (\d+)/.exec(detail);
  if (!lineColumn) return Number.NaN;
  const before = json.split('\n').slice(0, Number(lineColumn[1]) - 1);
  return before.reduce((offset, line) => offset + line.length + 1, 0) + Number(lineColumn[2]) - 1;
}

/** Validates or throws an Error listing every issue; for data the extension ships. */
export function parseDataset(data: unknown): Dataset {
  const result = validateDataset(data);
  if (!result.ok) throw new Error(`Invalid dataset:\n${formatIssues(result.issues)}`);
  return result.dataset;
}

export function formatIssues(issues: readonly DatasetIssue[]): string {
  return issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

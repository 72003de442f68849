import type { CDPSession, Page } from '@playwright/test';

/** One Chrome trace event, as CDP's Tracing domain reports it (only the fields the bench reads). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  args?: { data?: { url?: string }; name?: string };
}

// Every task the renderer's scheduler runs, and nothing per JS call: cheap
// enough to trace every measured run (a run is within noise traced or not).
export const TASK_CATEGORIES = 'toplevel,blink.user_timing';
// What the extension measurement needs to attribute work to the content
// script: script evaluation and calls with their script URL. This costs the
// traced code time (an event per callback), so those totals run high.
export const SCRIPT_CATEGORIES = 'toplevel,devtools.timeline,v8.execute';

const TASK_EVENT = 'ThreadControllerImpl::RunTask';

export interface Tracer {
  stop(): Promise<TraceEvent[]>;
}

/** Starts a trace of the browser (every process) through a CDP session attached to `page`. */
export async function startTrace(page: Page, categories: string): Promise<Tracer> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol types events as string maps; they are JSON trace events with numbers in them.
  session.on('Tracing.dataCollected', (message) => {
    for (const event of message.value as unknown as TraceEvent[]) events.push(event);
  });
  await session.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise<void>((done) => session.once('Tracing.tracingComplete', () => done()));
      await session.send('Tracing.end');
      await complete;
      await session.detach();
      return events;
    },
  };
}

function end(event: TraceEvent): number {
  return event.ts + (event.dur ?? 0);
}

/** One task as the page experiences it: microseconds from its start to its end. */
interface Task {
  ts: number;
  end: number;
}

const MICROTASK_CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A checkpoint this close after a task (µs) is that task's own; observed gaps are 1–3 µs. */
const CHECKPOINT_GAP_US = 100;

/**
 * The tasks of one thread. The scheduler's RunTask event does not always
 * cover the microtask checkpoint that ends the task: in an extension's
 * isolated world, an async function resumed after `scheduler.yield()` runs in
 * a checkpoint traced just after a 20 µs RunTask. Such a checkpoint is part
 * of the task before it, as the Long Tasks API counts it.
 */
function tasksOn(events: readonly TraceEvent[], pid: number, tid: number): Task[] {
  const units = events
    .filter(
      (event) =>
        event.ph === 'X' &&
        event.pid === pid &&
        event.tid === tid &&
        (event.name === TASK_EVENT || event.name === MICROTASK_CHECKPOINT),
    )
    .sort((a, b) => a.ts - b.ts);
  const tasks: Task[] = [];
  for (const unit of units) {
    const last = tasks[tasks.length - 1];
    if (last && unit.ts < last.end) {
      last.end = Math.max(last.end, end(unit)); // nested in the task already open
    } else if (last && unit.name === MICROTASK_CHECKPOINT && unit.ts - last.end <= CHECKPOINT_GAP_US) {
      last.end = end(unit);
    } else {
      tasks.push({ ts: unit.ts, end: end(unit) });
    }
  }
  return tasks;
}

const durationMs = (task: Task) => (task.end - task.ts) / 1000;

export interface TaskSummary {
  /** Tasks on the page's main thread from the run's start mark to the end of the trace. */
  taskCount: number;
  longestTaskMs: number;
  /**
   * Main-thread time inside tasks between the start and end marks. Below the
   * run's wall-clock time when the work yields: the gaps are the page's.
   */
  busyMs: number;
}

/**
 * The tasks a measured run caused: every task on the page's main thread from
 * the task that set the start mark until the trace ended, which is a frame
 * and a task after the run (so the frame that renders its result counts).
 * The bench pages have no scripts of their own, so nothing else runs there.
 */
export function summariseRunTasks(
  events: readonly TraceEvent[],
  startMark: string,
  endMark: string,
): TaskSummary | undefined {
  const mark = (name: string) => events.find((event) => event.name === name && event.cat.includes('blink.user_timing'));
  const start = mark(startMark);
  if (!start) return undefined;
  const runEnd = mark(endMark)?.ts ?? Number.POSITIVE_INFINITY;
  const tasks = tasksOn(events, start.pid, start.tid).filter((task) => task.end > start.ts);
  const busyUs = tasks.reduce(
    (sum, task) => sum + Math.max(0, Math.min(task.end, runEnd) - Math.max(task.ts, start.ts)),
    0,
  );
  return {
    taskCount: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map(durationMs)),
    busyMs: busyUs / 1000,
  };
}

export interface ExtensionWork {
  /** Main-thread tasks that ran any of the extension's code. */
  taskCount: number;
  /** Sum of those tasks' durations: the extension's code plus the style, layout and GC it caused. */
  taskMs: number;
  longestTaskMs: number;
  /**
   * Sum of the outermost script events (evaluation, calls) with a
   * chrome-extension:// URL. A lower bound: code resumed after an `await`
   * runs as a microtask, which carries no URL.
   */
  scriptMs: number;
  /**
   * The longest main-thread task of any kind from the extension's first to
   * its last script event: also counts the frames that paint its highlights
   * as the time-sliced scan adds them, and whatever the page itself did.
   */
  longestTaskInWindowMs: number;
  /** What the longest extension task spent its time on: its events of 2 ms or more, longest first. */
  longestTaskEvents: string[];
}

function extensionUrl(event: TraceEvent): boolean {
  return event.args?.data?.url?.startsWith('chrome-extension://') === true;
}

/**
 * The page's main thread: of the renderer main threads, the one that ran the
 * most extension code. The service worker's code runs on a worker thread, so
 * it never counts.
 */
export function contentScriptThread(events: readonly TraceEvent[]): { pid: number; tid: number } | undefined {
  const rendererMains = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const counts = new Map<string, number>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'X' && rendererMains.has(key) && extensionUrl(event)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const busiest = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!busiest) return undefined;
  const [pid, tid] = busiest[0].split(':').map(Number) as [number, number];
  return { pid, tid };
}

/**
 * Attributes main-thread work to the extension's content script: each task
 * that contains an event with a chrome-extension:// URL is the extension's.
 */
export function summariseExtensionWork(events: readonly TraceEvent[]): ExtensionWork | undefined {
  const thread = contentScriptThread(events);
  if (!thread) return undefined;
  const tasks = tasksOn(events, thread.pid, thread.tid);
  const scripts = events
    .filter((event) => event.ph === 'X' && event.pid === thread.pid && event.tid === thread.tid && extensionUrl(event))
    .sort((a, b) => a.ts - b.ts);
  const extensionTasks = new Set<Task>();
  let scriptMs = 0;
  let covered = Number.NEGATIVE_INFINITY;
  let taskIndex = 0;
  for (const script of scripts) {
    while (taskIndex < tasks.length && (tasks[taskIndex] as Task).end < script.ts) taskIndex++;
    const task = tasks[taskIndex];
    if (task && task.ts <= script.ts) extensionTasks.add(task);
    if (script.ts < covered) continue; // nested in an outer extension event already counted
    covered = end(script);
    scriptMs += (script.dur ?? 0) / 1000;
  }
  const first = scripts[0];
  const last = scripts.reduce((latest, script) => Math.max(latest, end(script)), 0);
  const inWindow = tasks.filter((task) => first && task.end > first.ts && task.ts < last);
  const longest = [...extensionTasks].sort((a, b) => durationMs(b) - durationMs(a))[0];
  return {
    taskCount: extensionTasks.size,
    taskMs: [...extensionTasks].reduce((sum, task) => sum + durationMs(task), 0),
    longestTaskMs: Math.max(0, ...[...extensionTasks].map(durationMs)),
    scriptMs,
    longestTaskInWindowMs: Math.max(0, ...inWindow.map(durationMs)),
    longestTaskEvents: longest ? eventsWithin(events, thread, longest) : [],
  };
}

const BREAKDOWN_MIN_US = 2_000;
const BREAKDOWN_SIZE = 8;

function eventsWithin(events: readonly TraceEvent[], thread: { pid: number; tid: number }, task: Task): string[] {
  return events
    .filter(
      (event) =>
        event.ph === 'X' &&
        event.pid === thread.pid &&
        event.tid === thread.tid &&
        event.ts >= task.ts &&
        end(event) <= task.end &&
        (event.dur ?? 0) >= BREAKDOWN_MIN_US &&
        event.name !== TASK_EVENT,
    )
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, BREAKDOWN_SIZE)
    .map((event) => {
      const url = event.args?.data?.url;
      const where = url ? ` ${url.slice(url.lastIndexOf('/') + 1)}` : '';
      return `${event.name}${where} ${((event.dur ?? 0) / 1000).toFixed(1)} ms`;
    });
}

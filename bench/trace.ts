import type { CDPSession } from 'playwright-core';

// A Chromium trace of the page's renderer, read over CDP: tasks on its main thread and the
// script time our content script (chrome-extension:// URLs) spends inside each.

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; frames?: { url: string; processId: number }[] } };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'].join(',');
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'v8.compileModule', 'v8.compile']);

export async function startTrace(cdp: CDPSession, categories = CATEGORIES.split(',')): Promise<void> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories } });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

export interface TaskStats {
  /** Longest main-thread task of the page's renderer, ms. */
  longestTaskMs: number;
  /** Script time of chrome-extension:// code, ms (top-level entries, no double counting). */
  extensionScriptMs: number;
  /** The most extension script time inside one task, ms, and that task's length. */
  longestExtensionSliceMs: number;
  longestExtensionTaskMs: number;
  extensionTasks: number;
}

/** Tasks of the renderer that shows `pageUrlPrefix`, between `fromTs` and `toTs` (trace µs), if given. */
export function taskStats(events: TraceEvent[], pageUrlPrefix: string): TaskStats {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pids = new Set((started?.args?.data?.frames ?? []).filter((f) => f.url.startsWith(pageUrlPrefix)).map((f) => f.processId));
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!pids.size || pids.has(e.pid))).map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const scripts = onMain.filter((e) => SCRIPT_EVENTS.has(e.name) && e.args?.data?.url?.startsWith('chrome-extension://'));
  // Keep the outermost script events only.
  const top: TraceEvent[] = [];
  for (const s of scripts) {
    const last = top[top.length - 1];
    if (last && last.pid === s.pid && last.tid === s.tid && s.ts < last.ts + last.dur!) continue;
    top.push(s);
  }
  let longestExtensionSlice = 0;
  let longestExtensionTask = 0;
  let extensionTasks = 0;
  let i = 0;
  for (const task of tasks) {
    let inTask = 0;
    while (i < top.length && top[i]!.ts < task.ts) i++;
    for (let j = i; j < top.length && top[j]!.ts < task.ts + task.dur!; j++) inTask += top[j]!.dur!;
    if (inTask > 0) {
      extensionTasks++;
      longestExtensionSlice = Math.max(longestExtensionSlice, inTask);
      longestExtensionTask = Math.max(longestExtensionTask, task.dur!);
    }
  }
  const ms = (us: number) => us / 1000;
  return {
    longestTaskMs: ms(Math.max(0, ...tasks.map((t) => t.dur!))),
    extensionScriptMs: ms(top.reduce((n, s) => n + s.dur!, 0)),
    longestExtensionSliceMs: ms(longestExtensionSlice),
    longestExtensionTaskMs: ms(longestExtensionTask),
    extensionTasks,
  };
}

import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of Chromium's renderer processes, per process and per thread, from Linux's /proc.
 * A trace shows what a thread runs, not what the system spends on it; this counts all of it, and
 * also the threads that ended between two readings (a process's total keeps theirs).
 */
export interface RendererCpu {
  /** Process id → CPU ms of the whole process, and CPU ms per live thread (by thread id). */
  processes: Map<string, { cpuMs: number; threads: Map<string, number> }>;
}

/** utime + stime of a /proc stat line, in ms (the kernel counts in ticks of 10 ms here). */
function cpuMsOf(statLine: string): number {
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function readRendererCpu(): RendererCpu {
  const processes: RendererCpu['processes'] = new Map();
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!commandLine.includes('chromium') || !commandLine.includes('--type=renderer')) continue;
      const threads = new Map<string, number>();
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          threads.set(tid, cpuMsOf(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
        } catch {
          // The thread ended while we read: the process's total still holds it.
        }
      }
      processes.set(pid, { cpuMs: cpuMsOf(readFileSync(`/proc/${pid}/stat`, 'utf8')), threads });
    } catch {
      // The process ended while we read.
    }
  }
  return { processes };
}

/** What the renderers spent between two readings: in all, and in the threads that ended in between. */
export function rendererCpuBetween(before: RendererCpu, after: RendererCpu): { totalMs: number; endedThreadsMs: number } {
  let totalMs = 0;
  let endedThreadsMs = 0;
  for (const [pid, earlier] of before.processes) {
    const later = after.processes.get(pid);
    if (!later) continue;
    let liveMs = 0;
    for (const [tid, cpuMs] of later.threads) liveMs += cpuMs - (earlier.threads.get(tid) ?? 0);
    const processMs = later.cpuMs - earlier.cpuMs;
    totalMs += processMs;
    endedThreadsMs += Math.max(0, processMs - liveMs);
  }
  // Renderers started in between (a reload may move to a new process) count whole.
  for (const [pid, later] of after.processes) if (!before.processes.has(pid)) totalMs += later.cpuMs;
  return { totalMs, endedThreadsMs };
}

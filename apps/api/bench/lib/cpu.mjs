// CPU accounting from /proc (Linux): who used the cores during a case — the API process, its PostgreSQL
// backends, the bench itself (autocannon) and everything else on the machine (other jobs, parallel workers).
import { readFileSync } from 'node:fs';

const CLK_TCK = 100; // USER_HZ on Linux

/** utime + stime of a process, or null when it is gone. */
function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function systemTicks() {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: user + nice + system + irq + softirq + steal, idle: idle + iowait };
}

export function cpuSnapshot(apiPid, pgPids) {
  const self = process.cpuUsage();
  return {
    at: performance.now(),
    api: processTicks(apiPid) ?? 0,
    pg: new Map(pgPids.map((pid) => [pid, processTicks(pid)])),
    benchMs: (self.user + self.system) / 1000,
    system: systemTicks(),
  };
}

/** CPU seconds per second of wall time (cores) used by each party between two snapshots. */
export function cpuBetween(a, b) {
  const wall = (b.at - a.at) / 1000;
  const api = (b.api - a.api) / CLK_TCK;
  // A backend that exited meanwhile (another process's pool closing an idle connection) counts for nothing, not
  // for minus its whole life.
  let pgTicks = 0;
  for (const [pid, start] of a.pg) {
    const end = b.pg.get(pid);
    if (start !== null && end !== null && end !== undefined) pgTicks += end - start;
  }
  // One that began meanwhile (listed only at the end) counts whole.
  for (const [pid, end] of b.pg) if (!a.pg.has(pid) && end !== null) pgTicks += end;
  const pg = pgTicks / CLK_TCK;
  const bench = (b.benchMs - a.benchMs) / 1000;
  const busy = (b.system.busy - a.system.busy) / CLK_TCK;
  const total = busy + (b.system.idle - a.system.idle) / CLK_TCK;
  return {
    wall,
    apiCores: api / wall,
    pgCores: pg / wall,
    benchCores: bench / wall,
    otherCores: Math.max(0, busy - api - pg - bench) / wall,
    idleCores: Math.max(0, total - busy) / wall,
    apiCpuSeconds: api,
    pgCpuSeconds: pg,
  };
}

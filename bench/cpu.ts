import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function postgresTicks(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += processTicks(Number(entry));
    } catch {
      // gone
    }
  }
  return total;
}

function machineTicks(): { busy: number; all: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const all = values.reduce((sum, value) => sum + value, 0);
  return { busy: all - idle, all };
}

export interface CpuShare {
  /** CPU seconds per second of wall time (1.0 = one core busy). */
  server: number;
  loadGenerator: number;
  postgres: number;
  /** Everything else on the machine (other users' work included). */
  other: number;
  machineBusy: number;
  cores: number;
}

/** Where the CPU goes between start() and stop(): the server, this process (autocannon), PostgreSQL, the rest. */
export function cpuMeter(serverPid: number | undefined) {
  const take = () => ({
    at: process.hrtime.bigint(),
    server: serverPid ? processTicks(serverPid) : 0,
    self: processTicks(process.pid),
    postgres: postgresTicks(),
    machine: machineTicks(),
  });
  const start = take();
  return {
    stop(cores: number): CpuShare {
      const end = take();
      const seconds = Number(end.at - start.at) / 1e9;
      const rate = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
      const server = end.server - start.server;
      const self = end.self - start.self;
      const postgres = end.postgres - start.postgres;
      const busy = ((end.machine.busy - start.machine.busy) / (end.machine.all - start.machine.all)) * cores;
      return {
        server: rate(server),
        loadGenerator: rate(self),
        postgres: rate(postgres),
        other: Math.max(0, Math.round((busy - rate(server) - rate(self) - rate(postgres)) * 100) / 100),
        machineBusy: Math.round(busy * 100) / 100,
        cores,
      };
    },
  };
}

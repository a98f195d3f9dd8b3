// What a scenario costs each process of the stack, read before and after it: CPU seconds per process
// (/proc), the worker's workflow tasks and activities (its SDK metrics endpoint) and PostgreSQL's committed
// transactions (pg_stat_database). The difference, divided by the scenario's complaints, is the work one does.
import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';
import { round } from './stats.js';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks on every architecture Node runs on here. */
const TICKS_PER_SECOND = 100;

export interface StackProcesses {
  worker?: number;
  api?: number;
  temporal?: number;
}

interface WorkReading {
  cpuSeconds: Record<'worker' | 'api' | 'temporal' | 'postgres' | 'bench', number>;
  workflowTasks: number;
  activities: number;
  localActivities: number;
  transactions: number;
}

/** A process's /proc/<pid>/stat fields after its command name (which may hold spaces and parentheses); undefined once it is gone. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in seconds; 0 once it is gone, NaN (written as null) when it is not this machine's to read. */
function cpuSecondsOf(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

const commOf = (pid: string): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/**
 * The PostgreSQL server the bench uses (Tenggat's schema and the real Temporal server's databases alike), not
 * the others a shared machine may run: its postmaster with the CPU of its backends that have exited (cutime +
 * cstime: backends come and go with connections), and the live backends' own.
 */
function postgresCpuSeconds(postmasterPid: string | undefined): number {
  if (!postmasterPid) return NaN;
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || commOf(pid) !== 'postgres') continue;
    const fields = statFields(pid);
    if (!fields || (pid !== postmasterPid && fields[1] !== postmasterPid)) continue;
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    total += (utime + stime + (pid === postmasterPid ? cutime + cstime : 0)) / TICKS_PER_SECOND;
  }
  return total;
}

/**
 * The postmaster's PID, from postmaster.pid in the server's data directory; undefined when this role may not
 * read the setting or the server runs elsewhere (PostgreSQL's CPU is then NaN, written as null).
 */
async function postmasterOf(db: pg.Client): Promise<string | undefined> {
  try {
    const { rows } = await db.query(`SELECT current_setting('data_directory') AS dir`);
    return readFileSync(`${rows[0].dir}/postmaster.pid`, 'utf8').split('\n')[0].trim();
  } catch {
    return undefined;
  }
}

/** Sum of a counter family in a Prometheus text exposition (every label set). */
export function sumMetric(exposition: string, name: string): number {
  let total = 0;
  for (const line of exposition.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

async function readWork(db: pg.Client, processes: StackProcesses, workerMetricsAddress: string, postmasterPid: string | undefined): Promise<WorkReading> {
  const metrics = await fetch(`http://${workerMetricsAddress}/metrics`).then((res) => res.text());
  // Statistics are flushed by each backend when it goes idle; asking for a snapshot now reads them fresh.
  await db.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await db.query(`SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`);
  return {
    cpuSeconds: {
      worker: cpuSecondsOf(processes.worker),
      api: cpuSecondsOf(processes.api),
      temporal: cpuSecondsOf(processes.temporal),
      postgres: postgresCpuSeconds(postmasterPid),
      bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    },
    workflowTasks: sumMetric(metrics, 'temporal_workflow_task_execution_latency_count'),
    activities: sumMetric(metrics, 'temporal_activity_execution_latency_count'),
    localActivities: sumMetric(metrics, 'temporal_local_activity_execution_latency_count'),
    transactions: Number(rows[0].n),
  };
}

export interface WorkDone {
  complaints: number;
  perComplaint: { workflowTasks: number; activities: number; localActivities: number; transactions: number };
  cpuSeconds: WorkReading['cpuSeconds'];
  cpuMsPerComplaint: WorkReading['cpuSeconds'];
}

/** Starts counting; the function it answers reads again and answers the difference per complaint. */
export async function countWork(db: pg.Client, processes: StackProcesses, workerMetricsAddress: string): Promise<(complaints: number) => Promise<WorkDone>> {
  const postmasterPid = await postmasterOf(db);
  const before = await readWork(db, processes, workerMetricsAddress, postmasterPid);
  return async (complaints) => {
    // Counters reach the metrics endpoint and pg_stat_database a moment after the work: let them settle.
    await new Promise((r) => setTimeout(r, 1500));
    const after = await readWork(db, processes, workerMetricsAddress, postmasterPid);
    const per = (n: number) => round(n / complaints, 2);
    const cpu = Object.fromEntries(Object.entries(after.cpuSeconds).map(([k, v]) => [k, round(v - before.cpuSeconds[k as keyof WorkReading['cpuSeconds']], 2)])) as WorkReading['cpuSeconds'];
    return {
      complaints,
      perComplaint: {
        workflowTasks: per(after.workflowTasks - before.workflowTasks),
        activities: per(after.activities - before.activities),
        localActivities: per(after.localActivities - before.localActivities),
        transactions: per(after.transactions - before.transactions),
      },
      cpuSeconds: cpu,
      cpuMsPerComplaint: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round((v * 1000) / complaints, 1)])) as WorkReading['cpuSeconds'],
    };
  };
}

import { z } from 'zod';

/**
 * Heartbeats of the running Bonitor processes, so that /health in one process can speak for
 * the roles others run (the distributed deployment): each process upserts its row every few
 * seconds with the state of its loops, and marks it stopped on a clean exit. A row that stops
 * beating without that mark is a process that died.
 */

const isoTime = z.string().min(1);

export const loopRecordSchema = z.object({
  name: z.string(),
  stage: z.string(),
  state: z.enum(['starting', 'running', 'failing', 'restarting', 'stopped']),
  consecutiveFailures: z.number().int().min(0),
  restarts: z.number().int().min(0),
  handled: z.number().int().min(0),
  lastError: z.string().optional(),
  lastErrorAt: isoTime.optional(),
  lastOkAt: isoTime.optional(),
  lastProgressAt: isoTime.optional(),
  nextAttemptAt: isoTime.optional(),
});
export type LoopRecord = z.infer<typeof loopRecordSchema>;

export const processHeartbeatSchema = z.object({
  /** host:pid:random, new for every start. */
  processId: z.string().min(1),
  host: z.string(),
  pid: z.number().int(),
  roles: z.array(z.string()),
  startedAt: isoTime,
  beatAt: isoTime,
  /** Set by a clean stop: the process is gone on purpose. */
  stoppedAt: isoTime.optional(),
  loops: z.array(loopRecordSchema),
});
export type ProcessHeartbeat = z.infer<typeof processHeartbeatSchema>;

export interface ProcessHealthStore {
  /** Inserts or replaces the process's row. The write doubles as the store's writability probe. */
  saveHeartbeat(heartbeat: ProcessHeartbeat): Promise<void>;
  /** The rows that beat at or after `since`, oldest first. */
  heartbeats(since: Date): Promise<ProcessHeartbeat[]>;
}

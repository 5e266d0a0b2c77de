/**
 * Storage behind the local-log Bus: append-only partitions, committed offsets per group,
 * failure counts, and partition leases for group members. Two implementations share one
 * consumer loop (log.bus.ts): in memory for unit tests, SQLite for the embedded default.
 * All methods are synchronous (better-sqlite3 is), and each is atomic.
 */
export interface StoredMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface AppendRequest {
  partition: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface LogStorage {
  ensureTopic(topic: string, partitions: number): void;
  topics(): string[];
  /** Partitions of a topic, or 0 when it does not exist. */
  partitionsOf(topic: string): number;
  append(topic: string, messages: AppendRequest[]): void;
  read(topic: string, partition: number, fromOffset: number, limit: number): StoredMessage[];
  endOffset(topic: string, partition: number): number;
  committed(group: string, topic: string, partition: number): number;
  /** Moves the committed offset forward only (a stale member can never move it back). */
  commit(group: string, topic: string, partition: number, nextOffset: number): void;
  attempts(group: string, topic: string, partition: number, offset: number): number;
  /** Records one failed attempt and returns the count so far. */
  recordFailure(group: string, topic: string, partition: number, offset: number, reason: string): number;
  /**
   * Heartbeat for `member`, expire dead members, and return the partitions this member
   * holds a lease on after a deterministic round-robin over live members.
   */
  rebalance(group: string, member: string, partitions: Array<{ topic: string; partition: number }>, nowMs: number, sessionMs: number): Array<{ topic: string; partition: number }>;
  /**
   * Deletes messages appended before `beforeMs` that every group consuming the topic has
   * committed; a topic nobody consumes (a dead-letter topic) is kept. Returns rows deleted.
   */
  prune(topic: string, beforeMs: number): number;
  /** Releases the member's leases and membership (graceful stop). */
  leave(group: string, member: string): void;
  close(): void;
}

/** Deterministic assignment: partition i goes to live member i mod n (members sorted). */
export function assignRoundRobin<P>(partitions: P[], members: string[], member: string): P[] {
  const sorted = [...members].sort();
  const me = sorted.indexOf(member);
  if (me < 0) return [];
  return partitions.filter((_, i) => i % sorted.length === me);
}

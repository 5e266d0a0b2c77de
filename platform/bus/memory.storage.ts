import { assignRoundRobin, type AppendRequest, type LogStorage, type StoredMessage } from './log-storage.js';

/** LogStorage in memory: the local log's semantics without a file, for unit tests. */
export class MemoryLogStorage implements LogStorage {
  private readonly logs = new Map<string, StoredMessage[][]>();
  private readonly offsets = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private readonly members = new Map<string, Map<string, number>>();
  private readonly leases = new Map<string, { member: string; expires: number }>();

  ensureTopic(topic: string, partitions: number): void {
    if (!this.logs.has(topic)) this.logs.set(topic, Array.from({ length: partitions }, () => []));
  }

  topics(): string[] {
    return [...this.logs.keys()];
  }

  partitionsOf(topic: string): number {
    return this.logs.get(topic)?.length ?? 0;
  }

  append(topic: string, messages: AppendRequest[]): void {
    const parts = this.logs.get(topic);
    if (!parts) throw new Error(`unknown topic ${topic}`);
    for (const m of messages) {
      const log = parts[m.partition]!;
      log.push({ topic, partition: m.partition, offset: log.length, key: m.key, value: m.value, headers: { ...m.headers } });
    }
  }

  read(topic: string, partition: number, fromOffset: number, limit: number): StoredMessage[] {
    return (this.logs.get(topic)?.[partition] ?? []).slice(fromOffset, fromOffset + limit);
  }

  endOffset(topic: string, partition: number): number {
    return this.logs.get(topic)?.[partition]?.length ?? 0;
  }

  committed(group: string, topic: string, partition: number): number {
    return this.offsets.get(`${group}|${topic}|${partition}`) ?? 0;
  }

  commit(group: string, topic: string, partition: number, nextOffset: number): void {
    const k = `${group}|${topic}|${partition}`;
    this.offsets.set(k, Math.max(this.offsets.get(k) ?? 0, nextOffset));
    this.failures.delete(`${k}|${nextOffset - 1}`);
  }

  attempts(group: string, topic: string, partition: number, offset: number): number {
    return this.failures.get(`${group}|${topic}|${partition}|${offset}`) ?? 0;
  }

  recordFailure(group: string, topic: string, partition: number, offset: number): number {
    const k = `${group}|${topic}|${partition}|${offset}`;
    const n = (this.failures.get(k) ?? 0) + 1;
    this.failures.set(k, n);
    return n;
  }

  rebalance(group: string, member: string, partitions: Array<{ topic: string; partition: number }>, nowMs: number, sessionMs: number) {
    const members = this.members.get(group) ?? new Map<string, number>();
    this.members.set(group, members);
    members.set(member, nowMs);
    for (const [m, beat] of members) if (beat < nowMs - sessionMs) members.delete(m);
    const wanted = assignRoundRobin(partitions, [...members.keys()], member);
    const held: typeof partitions = [];
    for (const p of partitions) {
      const k = `${group}|${p.topic}|${p.partition}`;
      const lease = this.leases.get(k);
      const isWanted = wanted.includes(p);
      if (lease?.member === member && !isWanted) this.leases.delete(k);
      else if (isWanted && (!lease || lease.member === member || lease.expires < nowMs)) {
        this.leases.set(k, { member, expires: nowMs + sessionMs });
        held.push(p);
      }
    }
    return held;
  }

  prune(): number {
    return 0; // memory logs live as long as a test; offsets index the arrays directly
  }

  leave(group: string, member: string): void {
    this.members.get(group)?.delete(member);
    for (const [k, lease] of this.leases) if (lease.member === member) this.leases.delete(k);
  }

  close(): void {}
}

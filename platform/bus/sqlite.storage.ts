import { openDatabase, type Db } from '../sqlite/open-database.js';
import { assignRoundRobin, type AppendRequest, type LogStorage, type StoredMessage } from './log-storage.js';

const MIGRATIONS = [
  {
    version: 1,
    name: 'local log',
    sql: `
      CREATE TABLE bus_partitions (topic TEXT NOT NULL, partition INTEGER NOT NULL, next_offset INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (topic, partition)) WITHOUT ROWID;
      CREATE TABLE bus_messages (topic TEXT NOT NULL, partition INTEGER NOT NULL, offset INTEGER NOT NULL,
        key TEXT NOT NULL, value TEXT NOT NULL, headers TEXT NOT NULL, appended_at INTEGER NOT NULL,
        PRIMARY KEY (topic, partition, offset)) WITHOUT ROWID;
      CREATE TABLE bus_offsets (grp TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, next_offset INTEGER NOT NULL,
        PRIMARY KEY (grp, topic, partition)) WITHOUT ROWID;
      CREATE TABLE bus_failures (grp TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, offset INTEGER NOT NULL,
        attempts INTEGER NOT NULL, last_error TEXT NOT NULL, PRIMARY KEY (grp, topic, partition, offset)) WITHOUT ROWID;
      CREATE TABLE bus_members (grp TEXT NOT NULL, member TEXT NOT NULL, heartbeat_at INTEGER NOT NULL,
        PRIMARY KEY (grp, member)) WITHOUT ROWID;
      CREATE TABLE bus_leases (grp TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, member TEXT NOT NULL,
        expires_at INTEGER NOT NULL, PRIMARY KEY (grp, topic, partition)) WITHOUT ROWID;
    `,
  },
];

interface Row {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: string;
  headers: string;
}

/** The durable local log: one SQLite file shared by every process of an embedded install. */
export class SqliteLogStorage implements LogStorage {
  private readonly db: Db;
  private readonly stmts;

  constructor(file: string) {
    this.db = openDatabase(file, MIGRATIONS);
    const db = this.db;
    this.stmts = {
      partitions: db.prepare('SELECT COUNT(*) AS n FROM bus_partitions WHERE topic = ?'),
      addPartition: db.prepare('INSERT OR IGNORE INTO bus_partitions (topic, partition) VALUES (?, ?)'),
      nextOffset: db.prepare('SELECT next_offset FROM bus_partitions WHERE topic = ? AND partition = ?'),
      bumpOffset: db.prepare('UPDATE bus_partitions SET next_offset = ? WHERE topic = ? AND partition = ?'),
      insert: db.prepare('INSERT INTO bus_messages (topic, partition, offset, key, value, headers, appended_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      read: db.prepare('SELECT topic, partition, offset, key, value, headers FROM bus_messages WHERE topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?'),
      committed: db.prepare('SELECT next_offset FROM bus_offsets WHERE grp = ? AND topic = ? AND partition = ?'),
      commit: db.prepare(`INSERT INTO bus_offsets (grp, topic, partition, next_offset) VALUES (?, ?, ?, ?)
        ON CONFLICT (grp, topic, partition) DO UPDATE SET next_offset = MAX(next_offset, excluded.next_offset)`),
      clearFailures: db.prepare('DELETE FROM bus_failures WHERE grp = ? AND topic = ? AND partition = ? AND offset < ?'),
      attempts: db.prepare('SELECT attempts FROM bus_failures WHERE grp = ? AND topic = ? AND partition = ? AND offset = ?'),
      fail: db.prepare(`INSERT INTO bus_failures (grp, topic, partition, offset, attempts, last_error) VALUES (?, ?, ?, ?, 1, ?)
        ON CONFLICT DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error RETURNING attempts`),
      beat: db.prepare(`INSERT INTO bus_members (grp, member, heartbeat_at) VALUES (?, ?, ?)
        ON CONFLICT DO UPDATE SET heartbeat_at = excluded.heartbeat_at`),
      expireMembers: db.prepare('DELETE FROM bus_members WHERE grp = ? AND heartbeat_at < ?'),
      members: db.prepare('SELECT member FROM bus_members WHERE grp = ?'),
      lease: db.prepare('SELECT member, expires_at FROM bus_leases WHERE grp = ? AND topic = ? AND partition = ?'),
      takeLease: db.prepare(`INSERT INTO bus_leases (grp, topic, partition, member, expires_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET member = excluded.member, expires_at = excluded.expires_at`),
      dropLease: db.prepare('DELETE FROM bus_leases WHERE grp = ? AND topic = ? AND partition = ? AND member = ?'),
      leaveLeases: db.prepare('DELETE FROM bus_leases WHERE grp = ? AND member = ?'),
      leaveMember: db.prepare('DELETE FROM bus_members WHERE grp = ? AND member = ?'),
    };
  }

  ensureTopic(topic: string, partitions: number): void {
    this.db.transaction(() => {
      for (let p = 0; p < partitions; p++) this.stmts.addPartition.run(topic, p);
    }).immediate();
  }

  topics(): string[] {
    return (this.db.prepare('SELECT DISTINCT topic FROM bus_partitions ORDER BY topic').all() as Array<{ topic: string }>).map((r) => r.topic);
  }

  partitionsOf(topic: string): number {
    return (this.stmts.partitions.get(topic) as { n: number }).n;
  }

  append(topic: string, messages: AppendRequest[]): void {
    const now = Date.now();
    // Offsets are read once per partition and written back once at the end of the batch (inside
    // the IMMEDIATE transaction no other writer can move them): a 2,000-row ledger batch made
    // 6,000 statements before, 2,000 and a few now.
    this.db.transaction(() => {
      const next = new Map<number, number>();
      for (const m of messages) {
        let offset = next.get(m.partition);
        if (offset === undefined) {
          const row = this.stmts.nextOffset.get(topic, m.partition) as { next_offset: number } | undefined;
          if (!row) throw new Error(`unknown partition ${topic}/${m.partition}`);
          offset = row.next_offset;
        }
        this.stmts.insert.run(topic, m.partition, offset, m.key, m.value, headersJson(m.headers), now);
        next.set(m.partition, offset + 1);
      }
      for (const [partition, offset] of next) this.stmts.bumpOffset.run(offset, topic, partition);
    }).immediate();
  }

  read(topic: string, partition: number, fromOffset: number, limit: number): StoredMessage[] {
    return (this.stmts.read.all(topic, partition, fromOffset, limit) as Row[]).map((r) => ({
      ...r,
      headers: JSON.parse(r.headers) as Record<string, string>,
    }));
  }

  endOffset(topic: string, partition: number): number {
    return (this.stmts.nextOffset.get(topic, partition) as { next_offset: number } | undefined)?.next_offset ?? 0;
  }

  committed(group: string, topic: string, partition: number): number {
    return (this.stmts.committed.get(group, topic, partition) as { next_offset: number } | undefined)?.next_offset ?? 0;
  }

  commit(group: string, topic: string, partition: number, nextOffset: number): void {
    this.db.transaction(() => {
      this.stmts.commit.run(group, topic, partition, nextOffset);
      this.stmts.clearFailures.run(group, topic, partition, nextOffset);
    }).immediate();
  }

  attempts(group: string, topic: string, partition: number, offset: number): number {
    return (this.stmts.attempts.get(group, topic, partition, offset) as { attempts: number } | undefined)?.attempts ?? 0;
  }

  recordFailure(group: string, topic: string, partition: number, offset: number, reason: string): number {
    return (this.stmts.fail.get(group, topic, partition, offset, reason.slice(0, 2000)) as { attempts: number }).attempts;
  }

  rebalance(group: string, member: string, partitions: Array<{ topic: string; partition: number }>, nowMs: number, sessionMs: number) {
    return this.db.transaction(() => {
      this.stmts.beat.run(group, member, nowMs);
      this.stmts.expireMembers.run(group, nowMs - sessionMs);
      const members = (this.stmts.members.all(group) as Array<{ member: string }>).map((r) => r.member);
      const wanted = new Set(assignRoundRobin(partitions, members, member));
      const held: typeof partitions = [];
      for (const p of partitions) {
        const lease = this.stmts.lease.get(group, p.topic, p.partition) as { member: string; expires_at: number } | undefined;
        if (!wanted.has(p)) {
          if (lease?.member === member) this.stmts.dropLease.run(group, p.topic, p.partition, member);
        } else if (!lease || lease.member === member || lease.expires_at < nowMs) {
          this.stmts.takeLease.run(group, p.topic, p.partition, member, nowMs + sessionMs);
          held.push(p);
        }
      }
      return held;
    }).immediate();
  }

  prune(topic: string, beforeMs: number): number {
    return this.db.transaction(() => {
      let deleted = 0;
      for (let p = 0; p < this.partitionsOf(topic); p++) {
        const row = this.db.prepare('SELECT MIN(next_offset) AS low, COUNT(*) AS groups FROM bus_offsets WHERE topic = ? AND partition = ?').get(topic, p) as {
          low: number | null;
          groups: number;
        };
        if (row.groups === 0 || row.low === null) continue;
        deleted += this.db.prepare('DELETE FROM bus_messages WHERE topic = ? AND partition = ? AND offset < ? AND appended_at < ?').run(topic, p, row.low, beforeMs).changes;
      }
      return deleted;
    }).immediate();
  }

  leave(group: string, member: string): void {
    this.db.transaction(() => {
      this.stmts.leaveLeases.run(group, member);
      this.stmts.leaveMember.run(group, member);
    }).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function headersJson(headers: Record<string, string>): string {
  for (const _ in headers) return JSON.stringify(headers);
  return '{}';
}

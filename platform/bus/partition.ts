/** Partition for a key: FNV-1a over the UTF-8 bytes, so one key always lands in one partition. */
export function partitionFor(key: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % partitions;
}

// Splitting one endpoint list across matrix jobs. A shard is chosen by a hash of
// the endpoint id, never by position, so reordering or adding endpoints moves no
// other endpoint to another shard, and each endpoint (with its issue) belongs to
// exactly one job.
import { createHash } from 'node:crypto';

export const MAX_SHARDS = 256;

export interface Shard {
  /** 1-based, as `${{ matrix.shard }}` of a matrix [1, 2, 3, 4] gives it. */
  index: number;
  count: number;
}

export function formatShard(s: Shard): string {
  return `${s.index}/${s.count}`;
}

/** The 1-based shard an endpoint id falls in. */
export function shardOf(id: string, count: number): number {
  // Ids are already hashes, but hashing again keeps the spread even whatever
  // shape ids take, and 32 bits mod n ≤ 256 has no visible bias.
  const h = createHash('sha256').update(id).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function inShard(id: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(id, shard.count) === shard.index;
}

/** The endpoints this shard checks, in their configured order. */
export function selectShard<T extends { id: string }>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((e) => inShard(e.id, shard)) : [...items];
}

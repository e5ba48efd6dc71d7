import type { Admin } from 'kafkajs';

/**
 * Messages not yet committed by a group: the sum over partitions of (high watermark −
 * committed offset). A partition without a committed offset counts from where the group
 * would start: the low watermark (from the beginning) or the high one.
 */
export async function groupLag(admin: Admin, groupId: string, topics: readonly string[], fromBeginning: boolean): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  let total = 0;
  for (const { topic, partitions } of committed) {
    for (const end of await admin.fetchTopicOffsets(topic)) {
      const offset = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
      const from = offset >= 0 ? offset : Number(fromBeginning ? end.low : end.high);
      total += Math.max(0, Number(end.high) - from);
    }
  }
  return total;
}

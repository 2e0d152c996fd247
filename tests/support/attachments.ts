import { Types, type Connection } from 'mongoose';

/** What each photo is attached to, as "kind:id" strings (media_attachments), by photo id. */
export async function attachmentsOf(db: Connection, mediaIds: string[]): Promise<Record<string, string[]>> {
  const rows = await db
    .collection('media_attachments')
    .find({ mediaId: { $in: mediaIds.map((id) => new Types.ObjectId(id)) } })
    .toArray();
  const result: Record<string, string[]> = Object.fromEntries(mediaIds.map((id) => [id, []]));
  for (const r of rows) result[String(r.mediaId)].push(`${r.kind}:${String(r.targetId)}`);
  for (const list of Object.values(result)) list.sort();
  return result;
}

import { Types, type Connection } from 'mongoose';
import { AppError } from '../../common/app-error';

/**
 * Photos on a case or a timeline entry must be the caller's own uploads not yet
 * attached elsewhere; attaching them makes them visible to whoever sees the case.
 */
export async function claimPhotos(connection: Connection, userId: string, ids: string[]): Promise<Types.ObjectId[]> {
  const unique = [...new Set(ids)].map((id) => new Types.ObjectId(id));
  if (unique.length === 0) return [];
  const owned = await connection
    .collection('media')
    .countDocuments({ _id: { $in: unique }, ownerId: new Types.ObjectId(userId), caseId: null });
  if (owned !== unique.length) throw new AppError('MEDIA_NOT_FOUND');
  return unique;
}

export async function attachPhotos(connection: Connection, photos: Types.ObjectId[], caseId: Types.ObjectId): Promise<void> {
  if (photos.length === 0) return;
  await connection.collection('media').updateMany({ _id: { $in: photos } }, { $set: { caseId } });
}

import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { attachmentsOf } from '../../../../tests/support/attachments';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';
import { LegacyAttachmentsMigration } from './legacy-attachments.migration';

let api: TestApi;
let w: CaseWorld;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
}, 60_000);

afterAll(() => api.close());

describe('photos that still carry the old single caseId link', () => {
  it('when the app started, then the migration ran once and was recorded', async () => {
    expect(await api.db.collection('migrations').findOne({ _id: 'media-attachments-v1' as unknown as Types.ObjectId })).toMatchObject({ moved: 0 });
  });

  it('when the migration runs, then each link becomes an attachment of the right kind and the old field goes', async () => {
    const caseId = await w.report(w.reporter);
    const [onCase, onNotice, onNothing] = [await w.photo(w.reporter), await w.photo(w.officerA), await w.photo(w.reporter)];
    const notice = await api.db.collection('notices').insertOne({ title: '旧公告', body: '正文', photos: [new Types.ObjectId(onNotice)], community: null, authorId: new Types.ObjectId(w.officerA.id), pinned: false, expiresAt: null, withdrawnAt: null, createdAt: new Date(), updatedAt: new Date() });
    const legacy = [
      [onCase, new Types.ObjectId(caseId)],
      [onNotice, notice.insertedId],
      [onNothing, new Types.ObjectId()], // points at something that no longer exists
    ] as const;
    for (const [media, target] of legacy) {
      await api.db.collection('media').updateOne({ _id: new Types.ObjectId(media) }, { $set: { caseId: target } });
    }

    const migration = await api.app.getApplicationContext().getAsync(LegacyAttachmentsMigration);
    expect(await migration.run()).toBe(3);

    expect(await attachmentsOf(api.db, [onCase, onNotice, onNothing])).toEqual({
      [onCase]: [`case:${caseId}`],
      [onNotice]: [`notice:${notice.insertedId}`],
      [onNothing]: [],
    });
    expect(await api.db.collection('media').countDocuments({ caseId: { $exists: true } })).toBe(0);
    // Staff of the case's station now see the photo through its attachment.
    await api.http().get(`/api/media/${onCase}`).set('Authorization', w.officerA.auth).expect(200);
    expect(await migration.run()).toBe(0);
  });
});

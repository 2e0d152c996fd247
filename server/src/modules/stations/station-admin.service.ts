import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import type { AdminStation, CreateStationBody, StationOfficersBody, UpdateStationBody } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { isDuplicateKey } from '../../common/mongo-errors';
import { toObjectId } from '../../common/object-id';
import { authorize } from '../../common/permissions';
import { Database } from '../../common/database';
import { env } from '../../config/env';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { PhotoUrls } from '../media/photo-urls';
import { StationDirectory } from './station-directory';
import { STATION_MODEL, stationSchema, type StationDoc } from './station.model';
import { toAdminStation } from './station.view';

/**
 * The bureau's stations: add, edit, deactivate (and reactivate), and the wall
 * of officers on duty (上墙挂牌). A station's name is unique in its city (the
 * index {city, name}). Deactivating leaves its open cases where they are: its
 * staff keep working them to the end (a lead or admin may transfer them),
 * while new cases, the nearest search and the list no longer find it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StationAdminService {
  @Inject()
  database!: Database;

  @Inject()
  directory!: StationDirectory;

  @Inject()
  attachments!: PhotoAttachments;

  @Inject()
  photoUrls!: PhotoUrls;

  get stations() {
    return this.database.model<StationDoc>(STATION_MODEL, stationSchema);
  }

  async list(user: AuthUser): Promise<AdminStation[]> {
    authorize(user, 'station.manage');
    const docs = await this.stations.find().sort({ name: 1 }).lean<StationDoc[]>();
    return docs.map((d) => this.view(d));
  }

  async create(user: AuthUser, body: CreateStationBody): Promise<AdminStation> {
    authorize(user, 'station.manage');
    const doc = await this.unique(() => this.stations.create({ ...body, city: env('CITY_NAME'), officers: [], boundary: [], boundaryBox: null, demo: false, active: true }));
    await this.directory.changed();
    return this.view(doc.toObject());
  }

  async update(user: AuthUser, id: string, changes: UpdateStationBody): Promise<AdminStation> {
    authorize(user, 'station.manage');
    const current = await this.byId(id);
    return this.save(current, changes);
  }

  /** Deactivated (or back): see the class comment for what happens to its open cases. */
  async setActive(user: AuthUser, id: string, active: boolean): Promise<AdminStation> {
    authorize(user, 'station.manage');
    return this.save(await this.byId(id), { active });
  }

  /** The whole wall, in order; new photos must be the admin's own uploads, dropped ones are detached. */
  async setOfficers(user: AuthUser, id: string, body: StationOfficersBody): Promise<AdminStation> {
    authorize(user, 'station.manage');
    const current = await this.byId(id);
    const before = current.officers.flatMap((o) => (o.photoId ? [o.photoId] : []));
    const wanted = body.officers.flatMap((o) => (o.photoId ? [o.photoId] : []));
    await this.attachments.replace(user.id, { kind: 'station', id: current._id }, before, wanted);
    const officers = body.officers.map((o) => ({ name: o.name, role: o.role, duties: o.duties, photoId: o.photoId ? toObjectId(o.photoId)! : null, photoUrl: null }));
    return this.save(current, { officers });
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return !!(await this.stations.exists({ _id: id }));
  }

  private async save(current: StationDoc, set: Partial<StationDoc>): Promise<AdminStation> {
    await this.unique(() => this.stations.updateOne({ _id: current._id }, { $set: set }));
    await this.directory.changed();
    return this.view({ ...current, ...set });
  }

  private async byId(id: string): Promise<StationDoc> {
    const _id = toObjectId(id);
    const doc = _id && (await this.stations.findById(_id).lean<StationDoc>());
    if (!doc) throw new AppError('STATION_NOT_FOUND');
    return doc;
  }

  /** A write that may meet the unique {city, name} index: 409 STATION_NAME_TAKEN. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('STATION_NAME_TAKEN');
      throw err;
    }
  }

  private view(doc: StationDoc): AdminStation {
    return toAdminStation(doc, (ids) => this.photoUrls.sign(ids));
  }
}

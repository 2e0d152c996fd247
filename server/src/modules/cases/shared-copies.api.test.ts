import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { Database } from '../../common/database';
import { ListPages } from '../../common/list-pages';
import { StationDirectory } from '../stations/station-directory';
import { StationAdminService } from '../stations/station-admin.service';
import { CaseStore } from './case-store';
import { CategoryService } from './category.service';

let api: TestApi;
/** This test's API process, and a second "process": its own services and copies, the same database. */
let categoriesHere: CategoryService;
let categoriesThere: CategoryService;
let directoryThere: StationDirectory;
let stationsHere: StationAdminService;

beforeAll(async () => {
  api = await startTestApi(__filename);
  const container = api.app.getApplicationContext();
  const database = await container.getAsync(Database);
  const pagesThere = Object.assign(new ListPages(), { database });
  categoriesHere = await container.getAsync(CategoryService);
  categoriesThere = Object.assign(new CategoryService(), { store: await container.getAsync(CaseStore), pages: pagesThere });
  directoryThere = Object.assign(new StationDirectory(), { database, pages: pagesThere });
  stationsHere = await container.getAsync(StationAdminService);
}, 60_000);

afterAll(() => api.close());

/** How long `probe` takes to return true, polling every 50 ms, up to 5 s. */
async function within(probe: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > 5_000) throw new Error('not seen within 5 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe('copies of categories and stations across API processes', () => {
  it('when a category is retired in one process, then another process refuses new reports of it within about a second', async () => {
    const all = await categoriesHere.list(true);
    const target = all.find((c) => c.code === 'street_vending')!;
    await expect(categoriesThere.getActive('street_vending')).resolves.toMatchObject({ code: 'street_vending' }); // its copy is loaded
    await categoriesHere.setActive(target.id, false);
    const took = await within(() => categoriesThere.getActive('street_vending').then(() => false, () => true));
    expect(took).toBeLessThan(2_500);
    await categoriesHere.setActive(target.id, true);
    await within(() => categoriesThere.getActive('street_vending').then(() => true, () => false));
  });

  it('when the other process was quiet for a while, then its first request after a change already sees it', async () => {
    const target = (await categoriesHere.list(true)).find((c) => c.code === 'parking')!;
    await categoriesThere.getActive('parking'); // its copy is loaded
    await categoriesHere.setActive(target.id, false);
    await new Promise((r) => setTimeout(r, 1_100)); // nobody asks the other process meanwhile
    await expect(categoriesThere.getActive('parking')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await categoriesHere.setActive(target.id, true);
  });

  it('when a station is deactivated in one process, then another process stops offering it within about a second', async () => {
    const admin = { id: new Types.ObjectId().toHexString(), role: 'admin' as const, stationId: null, community: null, openid: 'admin-openid' };
    const station = await stationsHere.create(admin, {
      kind: 'community',
      name: '跨进程测试工作站',
      community: '跨进程社区',
      address: '测试路 2 号',
      lat: 32.6,
      lng: 120.5,
      phone: '0513-88886666',
      openingHours: '周一至周五 8:30-17:30',
    });
    const offered = async () => (await directoryThere.everyStation()).some((s) => s.doc._id.toHexString() === station.id);
    await within(offered); // the other process's snapshot holds it
    await stationsHere.setActive(admin, station.id, false);
    const took = await within(async () => !(await offered()));
    expect(took).toBeLessThan(2_500);
  });
});

import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { DEFAULT_CATEGORIES, type CategoryView, type CreateCategoryBody, type UpdateCategoryBody } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { ListPages } from '../../common/list-pages';
import { VersionWatch } from '../../common/version-watch';
import { everyErrorIsDuplicateKey, isDuplicateKey } from '../../common/mongo-errors';
import { toObjectId } from '../../common/object-id';
import type { CategoryDoc } from './category.model';
import { CaseStore } from './case-store';

/** How long a process keeps the categories at most; another process's change is seen within about a second (common/version-watch.ts). */
const CACHE_MS = 30_000;
/** The name of the categories' version (common/list-pages.ts). */
const CATEGORIES_LIST = 'categories';

/**
 * Categories and their SLA (the one place deadlines come from: intake reads
 * acceptHours/resolveHours here); seeds the defaults into an empty collection.
 * The bureau adds, renames, re-times and retires them; a retired one is not
 * offered for new reports, and cases keep their code, so they keep its name.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CategoryService {
  @Inject()
  store!: CaseStore;

  @Inject()
  pages!: ListPages;

  private watchOf: VersionWatch<Map<string, CategoryDoc>> | null = null;

  /** This process's copy by code, kept in step with changes made in any process. */
  private get copies(): VersionWatch<Map<string, CategoryDoc>> {
    return (this.watchOf ??= new VersionWatch(this.pages, CATEGORIES_LIST, CACHE_MS));
  }

  private get categories() {
    return this.store.categories;
  }

  async all(): Promise<Map<string, CategoryDoc>> {
    return this.copies.get(async () => {
      let docs = await this.categories.find().lean<CategoryDoc[]>();
      if (docs.length === 0) {
        await this.categories.insertMany(DEFAULT_CATEGORIES, { ordered: false }).catch((err) => {
          if (!everyErrorIsDuplicateKey(err)) throw err; // a concurrent seed won
        });
        docs = await this.categories.find().lean<CategoryDoc[]>();
      }
      return new Map(docs.map((d) => [d.code, d]));
    });
  }

  /** An active category, or 400 VALIDATION_FAILED naming the field. */
  async getActive(code: string): Promise<CategoryDoc> {
    const category = (await this.all()).get(code);
    if (!category || !category.active) {
      throw new AppError('VALIDATION_FAILED', '问题类型不存在', [
        { field: 'category', code: 'VALIDATION_FAILED', message: '问题类型不存在' },
      ]);
    }
    return category;
  }

  /** Every category, active first, then in the order they were added (the seed programme's first); `activeOnly` for the report form. */
  async list(activeOnly: boolean): Promise<CategoryView[]> {
    const docs = [...(await this.all()).values()].filter((c) => !activeOnly || c.active);
    const added = (c: CategoryDoc) => c._id.toHexString();
    return docs.sort((a, b) => Number(b.active) - Number(a.active) || (added(a) < added(b) ? -1 : 1)).map(toCategoryView);
  }

  /** A new category; its code is unique (the index), and so is its name. */
  async create(body: CreateCategoryBody): Promise<CategoryView> {
    await this.assertNameFree(body.name, null);
    try {
      const doc = await this.categories.create({ ...body, active: true });
      await this.copies.changed();
      return toCategoryView(doc.toObject());
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('CATEGORY_CODE_TAKEN');
      throw err;
    }
  }

  /** New name, deadlines (for cases reported from now on) or station kinds; the code never changes. */
  async update(id: string, changes: UpdateCategoryBody): Promise<CategoryView> {
    const current = await this.byId(id);
    if (changes.name !== undefined) await this.assertNameFree(changes.name, current._id.toHexString());
    const next = { ...current, ...changes };
    if (next.resolveHours < next.acceptHours) {
      throw new AppError('VALIDATION_FAILED', '办结时限不能短于受理时限', [{ field: 'resolveHours', code: 'VALIDATION_FAILED', message: '办结时限不能短于受理时限' }]);
    }
    return this.save(current, changes);
  }

  /** Retired: not offered for new reports; its cases stay as they are. */
  async setActive(id: string, active: boolean): Promise<CategoryView> {
    return this.save(await this.byId(id), { active });
  }

  private async save(current: CategoryDoc, set: Partial<CategoryDoc>): Promise<CategoryView> {
    await this.categories.updateOne({ _id: current._id }, { $set: set });
    await this.copies.changed();
    return toCategoryView({ ...current, ...set });
  }

  private async byId(id: string): Promise<CategoryDoc> {
    const _id = toObjectId(id);
    const doc = _id && (await this.categories.findById(_id).lean<CategoryDoc>());
    if (!doc) throw new AppError('CATEGORY_NOT_FOUND');
    return doc;
  }

  private async assertNameFree(name: string, exceptId: string | null): Promise<void> {
    const same = [...(await this.all()).values()].find((c) => c.name === name && c._id.toHexString() !== exceptId);
    if (same) throw new AppError('CATEGORY_NAME_TAKEN');
  }
}

export function toCategoryView(doc: CategoryDoc): CategoryView {
  return {
    id: doc._id.toHexString(),
    code: doc.code,
    name: doc.name,
    acceptHours: doc.acceptHours,
    resolveHours: doc.resolveHours,
    stationKinds: doc.stationKinds ?? [],
    active: doc.active,
  };
}

import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { DEFAULT_CATEGORIES } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { isDuplicateKey } from '../../common/mongo-errors';
import type { CategoryDoc } from './category.model';
import { CaseStore } from './case-store';

const CACHE_MS = 30_000;

/** Categories and their SLA; seeds the defaults into an empty collection. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CategoryService {
  @Inject()
  store!: CaseStore;

  private cache: { at: number; byCode: Map<string, CategoryDoc> } | null = null;

  private get categories() {
    return this.store.categories;
  }

  async all(): Promise<Map<string, CategoryDoc>> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.byCode;
    let docs = await this.categories.find().lean<CategoryDoc[]>();
    if (docs.length === 0) {
      await this.categories.insertMany(DEFAULT_CATEGORIES, { ordered: false }).catch((err) => {
        if (!isDuplicateKey(err)) throw err; // a concurrent seed won
      });
      docs = await this.categories.find().lean<CategoryDoc[]>();
    }
    this.cache = { at: Date.now(), byCode: new Map(docs.map((d) => [d.code, d])) };
    return this.cache.byCode;
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
}

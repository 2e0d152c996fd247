import { ALL, Body, Controller, Get, Inject, Param, Post, Put } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { createCategoryBody, updateCategoryBody, type CategoryList } from '@citycare/shared';
import { requireUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { validate } from '../../common/validate';
import { CategoryService } from './category.service';

/** Public: the categories a new report may take, with their promised deadlines. */
@Controller('/api/categories')
export class CategoryController {
  @Inject()
  categories!: CategoryService;

  @Get('/')
  async list(): Promise<CategoryList> {
    return { items: await this.categories.list(true) };
  }
}

/** The bureau edits categories: add, rename, deadlines (SLA), station kinds, retire. */
@Controller('/api/admin/categories')
export class AdminCategoryController {
  @Inject()
  ctx!: Context;

  @Inject()
  categories!: CategoryService;

  @Get('/')
  async list(): Promise<CategoryList> {
    authorize(requireUser(this.ctx), 'category.manage');
    return { items: await this.categories.list(false) };
  }

  @Post('/')
  async create(@Body(ALL) body: unknown) {
    authorize(requireUser(this.ctx), 'category.manage');
    const created = await this.categories.create(validate(createCategoryBody, body));
    this.ctx.status = 201;
    return created;
  }

  @Put('/:id')
  async update(@Param('id') id: string, @Body(ALL) body: unknown) {
    authorize(requireUser(this.ctx), 'category.manage');
    return this.categories.update(id, validate(updateCategoryBody, body));
  }

  @Post('/:id/retire')
  async retire(@Param('id') id: string) {
    authorize(requireUser(this.ctx), 'category.manage');
    return this.categories.setActive(id, false);
  }

  @Post('/:id/reinstate')
  async reinstate(@Param('id') id: string) {
    authorize(requireUser(this.ctx), 'category.manage');
    return this.categories.setActive(id, true);
  }
}

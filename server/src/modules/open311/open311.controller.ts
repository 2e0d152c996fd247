import { ALL, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { open311PlainQuery, open311PostForm, open311RequestsQuery } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { readTextBody } from '../../common/raw-body';
import { validate } from '../../common/validate';
import { publicBaseUrl } from '../../config/public-url';
import { requireApiKey } from '../hotline/api-key';
import { CONTENT_TYPES, render, splitFormat, type Format } from './open311.format';
import { formFields, presentParams } from './open311.form';
import { GeoReportService } from './open311.service';

const MAX_FORM_BYTES = 64 * 1024;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2:
 * every resource as .xml (required) or .json. Errors and unknown paths are
 * rendered by Open311Middleware.
 */
@Controller('/open311/v2')
export class Open311Controller {
  @Inject()
  ctx!: Context;

  @Inject()
  open311!: GeoReportService;

  @Get('/:file')
  async document(@Param('file') file: string, @Query(ALL) query: Record<string, unknown>) {
    const { name, format } = splitFormat(file);
    if (name === 'requests') {
      return this.send(format, 'service_requests', await this.open311.requests(validate(open311RequestsQuery, presentParams(query))));
    }
    validate(open311PlainQuery, presentParams(query));
    if (name === 'discovery') return this.send(format, 'discovery', this.open311.discovery(publicBaseUrl()));
    if (name === 'services') return this.send(format, 'services', await this.open311.services());
    throw new AppError('NOT_FOUND');
  }

  @Get('/services/:file')
  async serviceDefinition(@Param('file') file: string, @Query(ALL) query: Record<string, unknown>) {
    const { name, format } = splitFormat(file);
    validate(open311PlainQuery, presentParams(query));
    return this.send(format, 'service_definition', await this.open311.definition(name));
  }

  @Get('/requests/:file')
  async serviceRequest(@Param('file') file: string, @Query(ALL) query: Record<string, unknown>) {
    const { name, format } = splitFormat(file);
    validate(open311PlainQuery, presentParams(query));
    return this.send(format, 'service_requests', await this.open311.request(name));
  }

  /** POST requests.{format}: application/x-www-form-urlencoded with api_key. */
  @Post('/:file')
  async createRequest(@Param('file') file: string) {
    const { name, format } = splitFormat(file);
    if (name !== 'requests') throw new AppError('NOT_FOUND');
    if (!this.ctx.is('application/x-www-form-urlencoded')) {
      throw new AppError('VALIDATION_FAILED', '请以 application/x-www-form-urlencoded 提交');
    }
    const fields = formFields(await readTextBody(this.ctx, MAX_FORM_BYTES));
    requireApiKey(fields.api_key);
    const created = await this.open311.create(validate(open311PostForm, fields));
    this.ctx.status = 201;
    return this.send(format, 'service_requests', created);
  }

  private send(format: Format, root: string, value: unknown): string {
    this.ctx.type = CONTENT_TYPES[format];
    return render(format, root, value);
  }
}

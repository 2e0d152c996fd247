import { Controller, Get } from '@midwayjs/core';
import { buildOpenApiDocument } from './openapi-document';

@Controller('/api/openapi.json')
export class OpenApiController {
  private document = buildOpenApiDocument();

  @Get('/')
  async document_() {
    return this.document;
  }
}

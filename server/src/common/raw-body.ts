import type { Context } from '@midwayjs/koa';
import { AppError } from './app-error';

/**
 * The request body as UTF-8 text, for the few routes whose content type the
 * JSON body parser leaves alone (CSV, Open311 form posts). Refuses with 413 as
 * soon as `maxBytes` is passed (and drains the rest, so the answer can be
 * sent), and refuses bytes that are not UTF-8.
 */
export async function readTextBody(ctx: Context, maxBytes: number, tooLarge = '请求内容过大'): Promise<string> {
  if (Number(ctx.get('Content-Length')) > maxBytes) {
    ctx.req.resume();
    throw new AppError('PAYLOAD_TOO_LARGE', tooLarge);
  }
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    ctx.req.on('data', (chunk: Buffer) => {
      if (refused) return; // keep draining, hold nothing
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      refused = true;
      chunks.length = 0;
      reject(new AppError('PAYLOAD_TOO_LARGE', tooLarge));
    });
    ctx.req.on('end', () => refused || resolve(Buffer.concat(chunks, size)));
    ctx.req.on('error', reject);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The decoder's TypeError says nothing more than this.
    throw new AppError('VALIDATION_FAILED', '内容不是 UTF-8 编码的文本（CSV 请另存为 UTF-8）');
  }
}

import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import {
  ERRORS,
  HOTLINE_CSV_COLUMNS,
  HOTLINE_CSV_REQUIRED,
  HOTLINE_IMPORT_MAX_ROWS,
  hotlineCaseBody,
  parseInput,
  type FieldIssue,
  type HotlineImportReport,
  type HotlineImportRow,
} from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { parseCsv } from './csv';
import { HotlineService } from './hotline.service';

type Column = (typeof HOTLINE_CSV_COLUMNS)[number];
const DECIMAL = /^[-+]?\d{1,3}(\.\d{1,15})?$/;

/**
 * The admin's CSV import of 12345 cases: a header row naming the columns (any
 * order), then one case per row, each taken in exactly as the API would take
 * it. A bad row is reported with its line and reason; it never stops the rest.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HotlineImportService {
  @Inject()
  hotline!: HotlineService;

  async import(csv: string, admin: AuthUser): Promise<HotlineImportReport> {
    const [header, ...rows] = parseCsv(csv);
    const columns = checkHeader(header);
    if (rows.length > HOTLINE_IMPORT_MAX_ROWS) {
      throw new AppError('PAYLOAD_TOO_LARGE', `每次最多导入 ${HOTLINE_IMPORT_MAX_ROWS} 行，请拆分文件`);
    }
    const report: HotlineImportReport = { imported: 0, duplicates: 0, rejected: 0, rows: [] };
    for (const record of rows) {
      const row = 'error' in record ? rejected(record.line, null, record.error) : await this.importRow(record.line, columns, record.fields, admin);
      report[row.result === 'imported' ? 'imported' : row.result === 'duplicate' ? 'duplicates' : 'rejected'] += 1;
      report.rows.push(row);
    }
    return report;
  }

  private async importRow(line: number, columns: Column[], fields: string[], admin: AuthUser): Promise<HotlineImportRow> {
    const values = new Map(columns.map((c, i) => [c, (fields[i] ?? '').trim()]));
    const hotlineId = values.get('hotlineId') || null;
    if (fields.length !== columns.length) return rejected(line, hotlineId, `列数不对：表头 ${columns.length} 列，这一行 ${fields.length} 列`);
    const missing = HOTLINE_CSV_REQUIRED.filter((c) => !values.get(c));
    if (missing.length) return rejected(line, hotlineId, `缺少必填项：${missing.join('、')}`);
    const parsed = parseInput(hotlineCaseBody, toBody(values));
    if (!parsed.ok) return rejected(line, hotlineId, describe(parsed.issues));
    try {
      const { created } = await this.hotline.receive(parsed.value, { channel: 'csv', importedBy: admin.id });
      return { row: line, hotlineId, result: created ? 'imported' : 'duplicate', reason: null };
    } catch (err) {
      // A row's own problem (category, station, conflict…) is reported; a database failure stops the import.
      if (err instanceof AppError && err.status < 500) return rejected(line, hotlineId, describe(err.details ?? [], err.message));
      throw err;
    }
  }
}

function checkHeader(header: ReturnType<typeof parseCsv>[number] | undefined): Column[] {
  if (!header) throw new AppError('VALIDATION_FAILED', 'CSV 文件是空的');
  if ('error' in header) throw new AppError('VALIDATION_FAILED', `表头有误：${header.error}`);
  const names = header.fields.map((f) => f.trim());
  const issues: FieldIssue[] = [];
  const known = new Set<string>(HOTLINE_CSV_COLUMNS);
  names.forEach((name, i) => {
    if (!known.has(name)) issues.push({ field: name || `第 ${i + 1} 列`, code: 'UNKNOWN_FIELD', message: '未知的列' });
    else if (names.indexOf(name) !== i) issues.push({ field: name, code: 'VALIDATION_FAILED', message: '列名重复' });
  });
  for (const required of HOTLINE_CSV_REQUIRED) {
    if (!names.includes(required)) issues.push({ field: required, code: 'VALIDATION_FAILED', message: '缺少必需的列' });
  }
  if (issues.length) {
    throw new AppError('VALIDATION_FAILED', `表头有误，列名应为：${HOTLINE_CSV_COLUMNS.join(',')}`, issues);
  }
  return names as Column[];
}

/** Cells as the API body: empty cells are absent, coordinates are numbers when they look like numbers. */
function toBody(values: Map<Column, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [column, value] of values) {
    if (value === '') continue;
    body[column] = (column === 'lat' || column === 'lng') && DECIMAL.test(value) ? Number(value) : value;
  }
  return body;
}

function describe(issues: FieldIssue[], fallback: string = ERRORS.VALIDATION_FAILED.message): string {
  if (!issues.length) return fallback;
  return issues.map((i) => `${i.field}：${i.message}`).join('；');
}

function rejected(row: number, hotlineId: string | null, reason: string): HotlineImportRow {
  return { row, hotlineId, result: 'rejected', reason };
}

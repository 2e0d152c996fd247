import { AppError } from '../../common/app-error';

/**
 * An application/x-www-form-urlencoded body (or a query string) as an object
 * for the shared schemas: `attribute[…]` fields dropped (no service defines
 * attributes), empty values dropped (Open311: an empty optional parameter is
 * the same as none), a field given twice refused.
 */
export function formFields(encoded: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(encoded)) {
    if (name.startsWith('attribute[')) continue;
    if (Object.prototype.hasOwnProperty.call(fields, name)) {
      throw new AppError('VALIDATION_FAILED', `参数 ${name} 重复`, [{ field: name, code: 'VALIDATION_FAILED', message: '参数重复' }]);
    }
    if (value.trim() !== '') fields[name] = value;
  }
  return fields;
}

/** A parsed query string with empty parameters dropped (arrays are kept for repeated list parameters). */
export function presentParams(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined));
}

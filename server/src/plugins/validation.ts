import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { NON_BLANK } from '../../../contract/api';
import type { ErrorDetail } from '../../../contract/errors';

// ajv-formats ships CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ??
  addFormatsImport) as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean): Ajv {
  // Unknown fields are rejected (never silently removed); every problem is reported at once.
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerceTypes ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const paramAjv = makeAjv(true); // query strings and path parameters arrive as text

const cache = new WeakMap<object, ValidateFunction>();

/** Bodies are validated strictly (wrong types are errors); query and params are coerced from text. */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
  const key = schema as object;
  let fn = httpPart === 'body' ? cache.get(key) : undefined;
  if (!fn) {
    fn = ajv.compile(schema as object);
    if (httpPart === 'body') cache.set(key, fn);
  }
  const validate = fn;
  return (data: unknown) =>
    validate(data) ? { value: data } : { error: validationError(validate.errors ?? []) };
};

export class RequestValidationError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super(details.map((d) => `${d.path}: ${d.message}`).join('; '));
  }
}

function validationError(errors: ErrorObject[]): Error {
  return new RequestValidationError(errors.map(describe));
}

const FORMAT_NAMES: Record<string, string> = {
  date: 'ngày hợp lệ dạng yyyy-mm-dd',
  uuid: 'mã định danh (UUID) hợp lệ',
  'date-time': 'thời điểm hợp lệ',
};
const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'true hoặc false',
  object: 'đối tượng',
  array: 'danh sách',
  null: 'null',
};

function pathOf(e: ErrorObject): string {
  const base = e.instancePath
    .replace(/^\//, '')
    .replace(/\/(\d+)/g, '[$1]')
    .replace(/\//g, '.');
  if (e.keyword === 'required') {
    const p = (e.params as { missingProperty: string }).missingProperty;
    return base ? `${base}.${p}` : p;
  }
  if (e.keyword === 'additionalProperties') {
    const p = (e.params as { additionalProperty: string }).additionalProperty;
    return base ? `${base}.${p}` : p;
  }
  return base || '(body)';
}

function describe(e: ErrorObject): ErrorDetail {
  const path = pathOf(e);
  const p = e.params as Record<string, unknown>;
  let message: string;
  switch (e.keyword) {
    case 'required':
      message = `Thiếu trường bắt buộc "${path}".`;
      break;
    case 'additionalProperties':
      message = `Trường "${path}" không được phép.`;
      break;
    case 'type':
      message = `"${path}" phải là ${String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' hoặc ')}.`;
      break;
    case 'maxLength':
      message = `"${path}" dài quá ${String(p.limit)} ký tự.`;
      break;
    case 'minLength':
      message = `"${path}" không được để trống.`;
      break;
    case 'format':
      message = `"${path}" phải là ${FORMAT_NAMES[String(p.format)] ?? String(p.format)}.`;
      break;
    case 'enum':
      message = `"${path}" phải là một trong: ${(p.allowedValues as unknown[]).join(', ')}.`;
      break;
    case 'minimum':
    case 'exclusiveMinimum':
      message = `"${path}" phải lớn hơn hoặc bằng ${String(p.limit)}.`;
      break;
    case 'maximum':
    case 'exclusiveMaximum':
      message = `"${path}" phải nhỏ hơn hoặc bằng ${String(p.limit)}.`;
      break;
    case 'pattern':
      message =
        p.pattern === NON_BLANK ? `"${path}" không được để trống.` : `"${path}" có ký tự không hợp lệ.`;
      break;
    case 'anyOf':
    case 'oneOf':
      message = `"${path}" không đúng kiểu dữ liệu.`;
      break;
    default:
      message = `"${path}" không hợp lệ (${e.message ?? e.keyword}).`;
  }
  return { path, message };
}

/**
 * Text the database cannot store faithfully is refused at the edge: a NUL character (PostgreSQL text cannot
 * hold it) or a lone UTF-16 surrogate (not well-formed Unicode; stored it would silently become U+FFFD).
 * Returns the path of every offending string (keys included), or [] when all text is well-formed.
 */
export function malformedText(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path || '(body)'];
  if (Array.isArray(value)) return value.flatMap((v, i) => malformedText(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const here = path ? `${path}.${k}` : k;
      return isStorableText(k) ? malformedText(v, here) : [here];
    });
  }
  return [];
}

// With the u flag a surrogate code unit only matches when it is not half of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const isStorableText = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** Every string in the request is normalised to Unicode NFC (NFD and NFC forms of a name are not equal in SQL). */
export function normaliseStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normaliseStrings);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = normaliseStrings(v);
    return out;
  }
  return value;
}

/**
 * Fast bulk inserts for seeds and imports (STACK.md, trap 8: Drizzle's insert builder costs ~32 µs a
 * row). Two raw-SQL forms, both on PGlite and node-postgres, inside or outside a transaction:
 *
 * - `unnest` (default when no column is an array): one parameter per column, each a PostgreSQL array
 *   literal built here, `insert into t (a, b) select * from unnest($1::uuid[], $2::text[])`. Binding
 *   ten parameters instead of tens of thousands makes this 2–4× faster on PGlite than VALUES.
 * - `values`: `insert into t (a, b) values ($1, $2), ($3, $4), ...`, chunked so that no statement
 *   carries more than PostgreSQL's 65,535 parameters. Used for tables with array columns.
 *
 * Column types for the casts are read once per table from the catalog (or passed as `types`).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';

/** The most bind parameters the PostgreSQL protocol allows in one statement. */
export const MAX_PARAMETERS = 65_535;
/** Rows per `unnest` statement by default (bounded so one statement's text stays a few megabytes). */
export const DEFAULT_UNNEST_ROWS = 5_000;

/** Anything with Drizzle's `execute`: a database or a transaction. */
export type SqlExecutor = Pick<Db, 'execute'>;

export interface BulkInsertOptions {
  /** 'auto' (default): unnest unless a column is an array type, then values. */
  mode?: 'auto' | 'unnest' | 'values';
  /** SQL types of the columns, in order (e.g. ['uuid', 'text', 'integer']); read from the catalog if absent. */
  types?: readonly string[];
  /** Parameters per VALUES statement (default and maximum 65,535). */
  maxParameters?: number;
  /** Rows per statement at most (default: 5,000 for unnest; only the parameter limit for values). */
  maxRows?: number;
  /** Appended to each statement, e.g. `on conflict do nothing`. */
  suffix?: string;
}

/** Quote an SQL identifier; "schema.table" is quoted part by part. */
export function quoteIdentifier(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
}

/** Turn a JS value into something both drivers bind the same way (text, number, boolean or null). */
function toParameter(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return toPgArrayLiteral(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** A PostgreSQL array literal (`{"a","b c",NULL}`) for a JS array; nested arrays become sub-arrays. */
export function toPgArrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (Array.isArray(v)) out += toPgArrayLiteral(v);
    else {
      const s = String(toParameter(v));
      out += `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    }
  }
  return `${out}}`;
}

function fromTemplate(strings: string[], values: unknown[]): SQL {
  const template = Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray;
  return sql(template, ...values);
}

function insertHead(table: string, columns: readonly string[]): string {
  if (columns.length === 0) throw new Error('bulkInsert needs at least one column');
  return `insert into ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
}

function checkRow(table: string, columns: readonly string[], row: readonly unknown[], r: number): void {
  if (row.length !== columns.length) {
    throw new Error(
      `bulkInsert into ${table}: row ${r} has ${row.length} values for ${columns.length} columns`,
    );
  }
}

/** One `insert into table (columns) values (...), (...)` statement with numbered parameters. */
export function insertValuesStatement(
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  suffix = '',
): SQL {
  const strings: string[] = [];
  const values: unknown[] = [];
  let pending = `${insertHead(table, columns)} values `;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    checkRow(table, columns, row, r);
    pending += r === 0 ? '(' : '), (';
    for (let c = 0; c < row.length; c++) {
      if (c > 0) pending += ', ';
      strings.push(pending);
      values.push(toParameter(row[c]));
      pending = '';
    }
  }
  strings.push(`${pending})${suffix ? ` ${suffix}` : ''}`);
  return fromTemplate(strings, values);
}

/** One `insert into table (columns) select * from unnest($1::type[], ...)` statement. */
export function insertUnnestStatement(
  table: string,
  columns: readonly string[],
  types: readonly string[],
  rows: readonly (readonly unknown[])[],
  suffix = '',
): SQL {
  if (types.length !== columns.length)
    throw new Error(`bulkInsert into ${table}: ${types.length} types for ${columns.length} columns`);
  const values = columns.map((_, c) => {
    const column: unknown[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      if (c === 0) checkRow(table, columns, row, r);
      column[r] = row[c];
    }
    return toPgArrayLiteral(column);
  });
  const strings = [`${insertHead(table, columns)} select * from unnest(`];
  for (let c = 1; c < columns.length; c++) strings.push(`::${types[c - 1]}[], `);
  strings.push(`::${types[columns.length - 1]}[])${suffix ? ` ${suffix}` : ''}`);
  return fromTemplate(strings, values);
}

const typeCache = new WeakMap<object, Map<string, Map<string, string>>>();

/** SQL types (format_type) of a table's columns, read from the catalog once per executor and table. */
export async function columnTypes(tx: SqlExecutor, table: string): Promise<Map<string, string>> {
  let perExecutor = typeCache.get(tx);
  if (!perExecutor) {
    perExecutor = new Map();
    typeCache.set(tx, perExecutor);
  }
  let types = perExecutor.get(table);
  if (!types) {
    const result = await tx.execute(
      sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
          from pg_attribute a
          where a.attrelid = ${quoteIdentifier(table)}::regclass and a.attnum > 0 and not a.attisdropped`,
    );
    const rows = (result as unknown as { rows: { name: string; type: string }[] }).rows;
    types = new Map(rows.map((r) => [r.name, r.type]));
    perExecutor.set(table, types);
  }
  return types;
}

/**
 * Insert rows with few, fast statements. Returns the number of rows sent.
 * JS arrays bind as PostgreSQL array literals (for text[] columns), objects as JSON text, Dates as ISO text.
 */
export async function bulkInsert(
  tx: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: BulkInsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  let types = options.types;
  let mode = options.mode ?? 'auto';
  if (mode !== 'values' && !types) {
    const known = await columnTypes(tx, table);
    types = columns.map((c) => {
      const t = known.get(c);
      if (!t) throw new Error(`bulkInsert: table ${table} has no column ${c}`);
      return t;
    });
  }
  if (mode === 'auto') mode = types!.some((t) => t.endsWith(']')) ? 'values' : 'unnest';

  if (mode === 'unnest') {
    const per = Math.max(1, options.maxRows ?? DEFAULT_UNNEST_ROWS);
    for (let start = 0; start < rows.length; start += per) {
      await tx.execute(
        insertUnnestStatement(table, columns, types!, rows.slice(start, start + per), options.suffix),
      );
    }
    return rows.length;
  }
  const maxParameters = Math.min(options.maxParameters ?? MAX_PARAMETERS, MAX_PARAMETERS);
  let per = Math.max(1, Math.floor(maxParameters / columns.length));
  if (options.maxRows !== undefined) per = Math.max(1, Math.min(per, options.maxRows));
  for (let start = 0; start < rows.length; start += per) {
    await tx.execute(insertValuesStatement(table, columns, rows.slice(start, start + per), options.suffix));
  }
  return rows.length;
}

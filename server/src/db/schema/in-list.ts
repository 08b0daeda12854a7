import { sql, type SQL } from 'drizzle-orm';

/**
 * `'a','b','c'`: a vocabulary list (contract/vocabulary.ts) as the inside of an SQL `in (...)`, so a
 * check constraint is generated from the list instead of retyped. The values are code identifiers
 * (letters, digits, underscores), checked here, so quoting them raw is safe.
 */
export function inList(values: readonly string[]): SQL {
  for (const v of values) {
    if (!/^[A-Za-z0-9_]+$/.test(v)) throw new Error(`inList: not a code identifier: ${JSON.stringify(v)}`);
  }
  return sql.raw(values.map((v) => `'${v}'`).join(','));
}

/**
 * What an audit entry changed, field by field: the top-level fields of the before and after values,
 * each marked changed or not (values compared as canonical JSON, so key order and jsonb's reordering do
 * not count). Values under a key that names a secret (a password's hash, a token) are never shown.
 */
import { AUDIT_HIDDEN_KEY } from '../../../../contract/audit';
import { canonicalJson } from '../../lib/canonical-json';

export interface FieldChange {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** What a hidden value is shown as. */
export const HIDDEN_VALUE = '••••••';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value with every secret (at any depth) replaced by `HIDDEN_VALUE`. */
export function hideSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideSecrets);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = AUDIT_HIDDEN_KEY.test(k) && v !== null && v !== undefined ? HIDDEN_VALUE : hideSecrets(v);
  }
  return out;
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Every top-level field of `before` and `after` (the after's keys first, in its order, then those only
 * before had), each marked changed when its value differs. A value that is not an object (a creation's
 * missing before, a scalar) is one field named "".
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((b !== null && !isRecord(b)) || (a !== null && !isRecord(a)) || (b === null && a === null)) {
    return b === null && a === null ? [] : [{ key: '', before: b, after: a, changed: !same(b, a) }];
  }
  const bRec = (b ?? {}) as Record<string, unknown>;
  const aRec = (a ?? {}) as Record<string, unknown>;
  const keys = [...Object.keys(aRec), ...Object.keys(bRec).filter((k) => !Object.hasOwn(aRec, k))];
  return keys.map((key) => {
    const bv = Object.hasOwn(bRec, key) ? bRec[key] : null;
    const av = Object.hasOwn(aRec, key) ? aRec[key] : null;
    // a creation (no before) or a removal (no after) changes every field it names
    const changed = b === null || a === null || !same(bv, av);
    return { key, before: b === null ? null : bv, after: a === null ? null : av, changed };
  });
}

/** The names of the fields a change (an entry with both a before and an after) changed; none otherwise. */
export const changedFields = (before: unknown, after: unknown): string[] =>
  isRecord(before) && isRecord(after)
    ? diffFields(before, after)
        .filter((f) => f.changed)
        .map((f) => f.key)
    : [];

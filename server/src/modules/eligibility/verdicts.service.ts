/**
 * Stored eligibility, kept current. The verdicts "who meets which award for which year" live in
 * `eligibility_verdicts`; triggers queue every person whose records change; the transaction that changed
 * them judges them again before it commits (`refreshOwnChanges`, called by the unit of work), and the keeper
 * judges whatever else is queued and, once a day or when the settings or rule sets change, recomputes
 * everything, comparing with what is stored and reporting how much it repaired (`rebuildStore`).
 *
 * Concurrency: judging a person takes that person's lock, so two edits of one person judge one after the
 * other, the second seeing the first. A rebuild reads without locks; what changes meanwhile stays queued
 * and is judged again when its pass is done (see `rebuildStore`).
 */
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  DEFAULT_RULE_SETS,
  catalogueEntry,
  engineFor,
  type EligibilityEngine,
  type SettingOverrides,
  type SettingValue,
} from '../../domain/eligibility';
import type { AwardCode, EligibleNowRow } from '../../../../contract/eligibility';
import type { Deps } from '../../deps';
import { canonicalJson } from '../../lib/canonical-json';
import { todayInVietnam, type Clock } from '../../lib/clock';
import * as subjects from './eligibility.repository';
import * as repo from './verdicts.repository';
import type { VerdictRow } from './verdicts.repository';

type Db = Deps['db'];
type Page = Awaited<ReturnType<typeof subjects.loadIndividualsPage>>;

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** The rule sets as data (functions by their source): a new release with other rules changes it. */
let rulesFingerprintCache: string | undefined;
export function rulesFingerprint(): string {
  rulesFingerprintCache ??= sha(
    JSON.stringify(DEFAULT_RULE_SETS, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v)),
  );
  return rulesFingerprintCache;
}

/** Engines by the fingerprint of their settings: one per distinct configuration, not one per request. */
const engines = new Map<string, EligibilityEngine>();

/** The engine with the settings an administrator has changed (as stored), and those settings' fingerprint. */
export async function currentEngine(
  db: Db,
): Promise<{ engine: EligibilityEngine; settingsFingerprint: string }> {
  return engineWith(await subjects.readSettingOverrides(db));
}

/** The engine for stored settings (one per distinct configuration, not one per request). */
function engineWith(stored: Record<string, unknown>) {
  const overrides = stored as Record<string, SettingValue>;
  const settingsFingerprint = sha(canonicalJson(overrides));
  let engine = engines.get(settingsFingerprint);
  if (!engine) {
    engine = engineFor({ settings: Object.freeze({ ...overrides }) as SettingOverrides });
    if (engines.size >= 8) engines.clear();
    engines.set(settingsFingerprint, engine);
  }
  return { engine, settingsFingerprint };
}

/** What the store judges on a given day: the judged years (last year and this) and every individual award with rules. */
export function storeScope(engine: EligibilityEngine, consideredOn: string) {
  const year = Number(consideredOn.slice(0, 4));
  const ruleSet = engine.ruleSetFor(consideredOn);
  const awards = ruleSet
    ? (Object.keys(ruleSet.rules) as AwardCode[]).filter((a) =>
        ruleSet.rules[a]!.some((r) => r.subjects.includes('individual')),
      )
    : [];
  return { years: [year - 1, year], awards, ruleSetId: ruleSet?.id ?? null };
}

export interface JudgeScope {
  years: readonly number[];
  awards: readonly AwardCode[];
  asOf: string;
}

/**
 * The verdict rows of one page of people: every award and judged year they meet and have not received for
 * that year (the fast path for everyone, the full verdict with its messages only for those who qualify).
 */
export function judgePage(engine: EligibilityEngine, page: Page, s: JudgeScope): VerdictRow[] {
  const rows: VerdictRow[] = [];
  for (const { head, subject } of page) {
    for (const year of s.years) {
      for (const award of s.awards) {
        if (subject.awards?.some((a) => a.code === award && a.year === year)) continue;
        if (!engine.isEligible({ award, asOf: s.asOf, year, subject })) continue;
        const verdict = engine.evaluate({ award, asOf: s.asOf, year, subject });
        const met = verdict.reasons.filter((r) => r.met === true);
        rows.push({
          personId: head.id,
          awardCode: award,
          year,
          newlyEligible: !engine.isEligible({ award, asOf: s.asOf, year: year - 1, subject }),
          summary: met.map((r) => r.message).join('; '),
          basis: [...new Set(met.map((r) => r.basis))].join('; '),
        });
      }
    }
  }
  return rows;
}

const keyOf = (r: VerdictRow) => `${r.personId}|${r.awardCode}|${r.year}`;

/**
 * Make the stored verdicts of `personIds` equal `fresh` (their verdicts judged just now): remove what no
 * longer holds, add what newly holds, update what reads differently. Answers how many rows it changed.
 */
async function reconcile(db: Db, personIds: readonly string[], fresh: VerdictRow[], now: Date) {
  const stored = new Map((await repo.verdictsOf(db, personIds)).map((r) => [keyOf(r), r]));
  const upserts: VerdictRow[] = [];
  for (const r of fresh) {
    const old = stored.get(keyOf(r));
    stored.delete(keyOf(r));
    if (!old || old.newlyEligible !== r.newlyEligible || old.summary !== r.summary || old.basis !== r.basis) {
      upserts.push(r);
    }
  }
  const removals = [...stored.values()];
  if (removals.length) await repo.deleteVerdicts(db, removals);
  if (upserts.length) await repo.upsertVerdicts(db, upserts, now);
  return { changed: upserts.length + removals.length, added: upserts.length, removed: removals.length };
}

/** Judge some people again now and store their verdicts (the caller holds a transaction). */
async function judgeAndStore(
  tx: Db,
  clock: Clock,
  personIds: readonly string[],
  staleIds: readonly number[],
) {
  await repo.lockPeople(tx, personIds);
  const { engine } = await currentEngine(tx);
  const asOf = todayInVietnam(clock);
  const state = await repo.readState(tx);
  // judge what the store holds (its years and awards), or today's scope before the first build
  const scope = state?.years && state.awards ? state : storeScope(engine, asOf);
  const page = await subjects.loadIndividualsPage(tx, {
    subtreePath: '/',
    personIds: [...personIds],
    limit: personIds.length,
  });
  const fresh = judgePage(engine, page, {
    years: scope.years!,
    awards: scope.awards as AwardCode[],
    asOf,
  });
  await reconcile(tx, personIds, fresh, clock.now());
  await repo.deleteStale(tx, staleIds);
}

/** Above this many people a change leaves its people to the keeper (the list says "đang cập nhật"). */
export const IN_TRANSACTION_LIMIT = 500;

/**
 * Called by the unit of work before it commits: the people this transaction changed are judged again in
 * the same transaction, so the list is right the moment the change is. A very large change (an import)
 * leaves them queued for the keeper instead.
 */
export async function refreshOwnChanges(tx: Db, clock: Clock): Promise<void> {
  const own = await repo.ownStale(tx);
  if (own.personIds.length === 0 || own.personIds.length > IN_TRANSACTION_LIMIT) return;
  // while a rebuild runs, its pass may write these people from an older read: they stay queued, and
  // the rebuild judges the queue once more when its pass is done
  const keepQueued = await repo.leaseHeld(tx);
  await judgeAndStore(tx, clock, own.personIds, keepQueued ? [] : own.ids);
}

/**
 * A change of more people than a transaction judges itself (an import of thousands of ratings): `write`
 * runs with the triggers' queueing switched off (each of its statements would queue its rows, and the
 * unit of work would read them all back only to leave them), then the people it changed are queued in one
 * statement for the keeper. A change of IN_TRANSACTION_LIMIT people or fewer runs as any other: queued by
 * the triggers and judged before the transaction commits.
 */
export async function writeForKeeper<T>(
  tx: Db,
  personIds: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  if (personIds.length <= IN_TRANSACTION_LIMIT) return write();
  await repo.setQueueTriggers(tx, false);
  const result = await write();
  await repo.setQueueTriggers(tx, true);
  await repo.queueForKeeper(tx, personIds);
  return result;
}

/**
 * Judge people queued by others (a seed, an import, a statement outside the unit of work), a batch at a
 * time, each batch one transaction. Answers how many people it judged.
 */
export async function drainQueue(
  deps: Pick<Deps, 'db' | 'clock'>,
  o: { batch?: number; maxBatches?: number; signal?: AbortSignal } = {},
): Promise<number> {
  let judged = 0;
  for (let i = 0; i < (o.maxBatches ?? Infinity); i++) {
    o.signal?.throwIfAborted();
    const n = await deps.db.transaction(async (tx) => {
      const queued = await repo.queuedStale(tx, o.batch ?? 1000);
      if (queued.personIds.length === 0) return 0;
      await judgeAndStore(tx, deps.clock, queued.personIds, queued.ids);
      return queued.personIds.length;
    });
    if (n === 0) break;
    judged += n;
    await yieldToEventLoop();
  }
  return judged;
}

/**
 * The store as it stands (one statement): what it was judged with, whether that is still what the system
 * would use, and whether anyone of `subtreePath` waits to be judged again.
 */
export async function storeStatus(deps: Pick<Deps, 'db' | 'clock'>, subtreePath = '/') {
  const { state, rebuilding, settings, staleInSubtree } = await repo.readStatus(deps.db, subtreePath);
  const { engine, settingsFingerprint } = engineWith(settings);
  const today = todayInVietnam(deps.clock);
  const built = Boolean(state?.builtAt && state.consideredOn && state.years && state.awards);
  const current =
    built &&
    state!.settingsFingerprint === settingsFingerprint &&
    state!.rulesFingerprint === rulesFingerprint() &&
    engine.ruleSetFor(state!.consideredOn!)?.id === engine.ruleSetFor(today)?.id &&
    canonicalJson(state!.years) === canonicalJson(storeScope(engine, today).years);
  return {
    state,
    built,
    /** judged with today's settings, rule sets and judged years (possibly on an earlier day) */
    current,
    /** judged today */
    fresh: current && state!.consideredOn === today,
    rebuilding,
    staleInSubtree,
    today,
    engine,
    settingsFingerprint,
  };
}

export interface RebuildReport {
  consideredOn: string;
  people: number;
  verdicts: number;
  /** rows that differed from a fresh evaluation and were put right */
  changed: number;
  added: number;
  removed: number;
  /** true when nothing the verdicts rest on changed since the last build: every difference was drift */
  drift: boolean;
  seconds: number;
}

/** People per chunk of a rebuild's comparison: one transaction each. */
export const REBUILD_CHUNK = 2000;

/**
 * Recompute every stored verdict from the records and compare: rows that differ are repaired and counted.
 * Everyone is read in one pass (the whole-city read), judged page by page (yielding between pages), and
 * compared and repaired a chunk at a time. Edits made meanwhile are judged in their own transaction and
 * also stay queued while the rebuild holds its lease; the rebuild ends by judging the queue, so a chunk
 * written from an older read never outlives the edit. Holds a lease so two processes never rebuild at
 * once (answers null when another holds it).
 */
export async function rebuildStore(
  deps: Pick<Deps, 'db' | 'clock'>,
  o: {
    holder: string;
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => Promise<void> | void;
    chunk?: number;
  },
): Promise<RebuildReport | null> {
  const started = Date.now();
  if (!(await repo.takeLease(deps.db, o.holder, 120))) return null;
  try {
    const before = await storeStatus(deps);
    const { engine, settingsFingerprint, today } = before;
    const scope = storeScope(engine, today);
    const drift = before.fresh;
    const total = await subjects.countIndividualsInSubtree(deps.db, '/');
    const report = { people: 0, verdicts: 0, changed: 0, added: 0, removed: 0 };
    const chunk = o.chunk ?? REBUILD_CHUNK;
    for await (const page of subjects.individualsInSubtree(deps.db, '/', chunk)) {
      o.signal?.throwIfAborted();
      const fresh = judgePage(engine, page, { ...scope, asOf: today });
      const ids = page.map((p) => p.head.id);
      const r = await deps.db.transaction((tx) => reconcile(tx, ids, fresh, deps.clock.now()));
      report.people += page.length;
      report.verdicts += fresh.length;
      report.changed += r.changed;
      report.added += r.added;
      report.removed += r.removed;
      await repo.takeLease(deps.db, o.holder, 120);
      await o.onProgress?.(report.people, Math.max(total, report.people));
      await yieldToEventLoop();
    }
    // people removed while the pass ran lose their verdicts through the foreign key; verdicts of years
    // or awards the store no longer judges go now
    await repo.deleteOutsideScope(deps.db, scope.years, scope.awards);
    report.changed += await repo.repairCopies(deps.db);
    // everyone changed while the pass ran is judged once more, now
    await drainQueue(deps, { signal: o.signal });
    const full: RebuildReport = {
      consideredOn: today,
      ...report,
      drift,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await repo.writeState(deps.db, {
      consideredOn: today,
      settingsFingerprint,
      rulesFingerprint: rulesFingerprint(),
      years: [...scope.years],
      awards: [...scope.awards],
      builtAt: deps.clock.now(),
      lastReport: { ...full },
    });
    await repo.vacuumQueue(deps.db);
    return full;
  } finally {
    await repo.releaseLease(deps.db, o.holder);
  }
}

/** The award's name for a stored row. */
export const awardName = (code: string) => catalogueEntry(code as AwardCode).nameVi;

/** How many people of a subtree wait to be judged again. */
export const staleCount = (db: Db, subtreePath: string) => repo.countStale(db, subtreePath);

type ListFilter = Parameters<typeof repo.storedListCounts>[1];

/** A page of the stored list, as the list shows it. */
export async function storedList(
  db: Db,
  f: ListFilter & { limit: number | null; offset: number },
): Promise<EligibleNowRow[]> {
  return (await repo.storedListPage(db, f)).map((r) => ({
    personId: r.person_id,
    fullName: r.full_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    award: r.award_code as AwardCode,
    awardName: awardName(r.award_code),
    year: Number(r.year),
    newlyEligible: Boolean(r.newly_eligible),
    isLeader: Boolean(r.is_leader),
    directWorker: Boolean(r.direct_worker),
    gender: r.gender,
    summary: r.summary,
    basis: r.basis,
  }));
}

export async function storedCounts(db: Db, f: ListFilter) {
  const c = await repo.storedListCounts(db, f);
  return {
    people: c.people,
    byAward: c.byAward.map((a) => ({ award: a.award as AwardCode, count: a.count })),
  };
}

import { workingYear } from '../../../../contract/calendar';
import {
  DEFAULT_RULE_SETS,
  EligibilityInputError,
  catalogueEntry,
  ruleSetInForce,
  describeAllAwards,
  describeAward,
  isAwardCode,
  engineFor,
  parseCases,
  type EligibilityEngine,
  type SettingOverrides,
  type SettingValue,
} from '../../domain/eligibility';
import type { AwardCode, EligibilityStoreStatus, EligibilityVerdict } from '../../../../contract/eligibility';
import type { Deps } from '../../deps';
import { todayInVietnam } from '../../lib/clock';
import { ERROR_MESSAGES } from '../../../../contract/errors';
import { AppError } from '../../lib/errors';
import { unitOfWork } from '../audit/unit-of-work';
import { canChangeSettings } from './eligibility.policy';
import { can, type Actor } from '../auth/auth.policy';
import { getUnitInScope } from '../org-units/org-units.service';
import { getPersonInScope } from '../people/people.service';
import type { Job } from '../../../../contract/jobs';
import { startJob } from '../jobs/jobs.service';
import type { JobContext, JobHandler, JobOutcome } from '../jobs/jobs.worker';
import * as repo from './eligibility.repository';
import * as verdicts from './verdicts.service';
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import { eligibleNowWorkbook } from './eligible-now.xlsx';

/** the database handle the caller holds (a transaction or the pool) */
type Db = Deps['db'];

/** Awards the "eligible now" list looks for by default: the ones that rest on a chain of earlier results. */
export const PROPOSAL_AWARDS: readonly AwardCode[] = [
  'CSTD_BO_TINH',
  'CSTD_TQ',
  'BK_BO_TINH',
  'BK_TTG',
  'HCLD_3',
  'HCLD_2',
  'HCLD_1',
];

function toAppError(e: unknown): never {
  if (e instanceof EligibilityInputError) {
    throw new AppError(
      e.code === 'invalid_setting' ? 'invalid_setting' : 'invalid_case',
      400,
      e.message,
      e.details,
    );
  }
  throw e;
}

/** The setting values an administrator has changed, as stored (both doors judge with these). */
export async function storedSettingOverrides(db: Db): Promise<SettingOverrides> {
  return Object.freeze(
    (await repo.readSettingOverrides(db)) as Record<string, SettingValue>,
  ) as SettingOverrides;
}

/** The engine configured with the settings an administrator has changed (stored in the database). */
export async function loadEngine(deps: Deps): Promise<EligibilityEngine> {
  try {
    return (await verdicts.currentEngine(deps.db)).engine;
  } catch (e) {
    return toAppError(e);
  }
}

/** POST /eligibility/check: the contract's door over HTTP (same parser and engine as the command line). */
export async function checkCases(
  deps: Deps,
  actor: Actor,
  body: unknown,
): Promise<EligibilityVerdict | EligibilityVerdict[]> {
  if (!can(actor, 'eligibility.check')) throw new AppError('forbidden', 403);
  let parsed;
  try {
    parsed = parseCases(body, { today: todayInVietnam(deps.clock) });
  } catch (e) {
    return toAppError(e);
  }
  const engine = await loadEngine(deps);
  const verdicts = engine.evaluateAll(parsed.cases);
  return parsed.single ? verdicts[0]! : verdicts;
}

/**
 * The date a list or panel is judged on (today by default); a date before the earliest rule set the system
 * holds is a 400, not a failure deep in the engine.
 */
function consideredOn(deps: Deps, asOf: string | undefined): string {
  const date = asOf ?? todayInVietnam(deps.clock);
  if (!ruleSetInForce(date, DEFAULT_RULE_SETS)) {
    const earliest = DEFAULT_RULE_SETS.map((r) => r.validFrom).sort()[0];
    throw new AppError(
      'as_of_out_of_range',
      400,
      `${ERROR_MESSAGES.as_of_out_of_range} (ngày xét ${date}; sớm nhất ${earliest}).`,
      [{ path: 'asOf', message: `Ngày xét phải từ ${earliest} trở đi.` }],
    );
  }
  return date;
}

/** The year a judgement is about when none is given: the year being worked on (contract/calendar.ts). */
export function defaultYear(deps: Deps): number {
  return workingYear(todayInVietnam(deps.clock));
}

/** What a person could aim at next, with what is missing; for a leader, the unit's own results beside. */
export async function personEligibility(
  deps: Deps,
  actor: Actor,
  personId: string,
  q: { year?: number; asOf?: string },
) {
  if (!can(actor, 'person.read')) throw new AppError('forbidden', 403);
  const person = await getPersonInScope(deps, actor, personId);
  const year = q.year ?? defaultYear(deps);
  const asOf = consideredOn(deps, q.asOf);
  const engine = await loadEngine(deps);
  const [loaded] = await repo.loadIndividualsPage(deps.db, {
    subtreePath: actor.scopePath,
    personIds: [personId],
    limit: 1,
  });
  if (!loaded) throw new AppError('not_found', 404);
  // "Chiến sĩ tiên tiến" is the armed forces' title (Luật 2022, Điều 24); the people here are civilians.
  const candidates = engine
    .candidateAwards(loaded.subject, { asOf, year })
    .filter((c) => c.award !== 'CSTT')
    .map((c) => ({
      award: c.award,
      nameVi: c.nameVi,
      eligible: c.eligible,
      missing: c.missing,
      regime: c.verdict.regime,
      reasons: c.verdict.reasons,
    }));
  let unit = null;
  if (loaded.head.isLeader) {
    const [collective] = await repo.loadCollectives(deps.db, {
      subtreePath: '/',
      year,
      unitIds: [person.orgUnitId],
    });
    if (collective) {
      unit = {
        id: collective.head.id,
        name: collective.head.name,
        ratings: (collective.subject.ratings ?? []).sort((a, b) => b.year - a.year),
        awards: (collective.subject.awards ?? [])
          .sort((a, b) => b.year - a.year)
          .map((a) => ({ ...a, nameVi: catalogueEntry(a.code).nameVi })),
        members: collective.subject.members ?? null,
      };
    }
  }
  return { year, asOf, isLeader: loaded.head.isLeader, candidates, unit };
}

/** What a collective could aim at for the year. */
export async function unitEligibility(
  deps: Deps,
  actor: Actor,
  unitId: string,
  q: { year?: number; asOf?: string },
) {
  if (!can(actor, 'org_unit.read')) throw new AppError('forbidden', 403);
  const unit = await getUnitInScope(deps, actor, unitId);
  const year = q.year ?? defaultYear(deps);
  const asOf = consideredOn(deps, q.asOf);
  const engine = await loadEngine(deps);
  const [collective] = await repo.loadCollectives(deps.db, {
    subtreePath: unit.path,
    year,
    unitIds: [unit.id],
  });
  const subject = collective?.subject ?? { kind: 'collective' as const };
  const candidates = engine.candidateAwards(subject, { asOf, year }).map((c) => ({
    award: c.award,
    nameVi: c.nameVi,
    eligible: c.eligible,
    missing: c.missing,
    regime: c.verdict.regime,
    reasons: c.verdict.reasons,
  }));
  return { year, asOf, members: collective?.subject.members ?? null, candidates };
}

export interface EligibleNowRow {
  personId: string;
  fullName: string;
  orgUnitId: string;
  orgUnitName: string;
  award: AwardCode;
  awardName: string;
  year: number;
  newlyEligible: boolean;
  isLeader: boolean;
  directWorker: boolean;
  gender: 'male' | 'female';
  summary: string;
  basis: string;
}

export interface EligibleNowFilters {
  orgUnitId?: string;
  awards?: AwardCode[];
  year?: number;
  asOf?: string;
  onlyNew?: boolean;
  /** only those the system found eligible on or after this day (yyyy-mm-dd; needs the stored verdicts) */
  since?: string;
}

/** The filters with their defaults filled in, and the subtree they cover (404 outside the actor's scope). */
async function resolveEligibleNow(deps: Deps, actor: Actor, q: EligibleNowFilters) {
  if (!can(actor, 'person.read')) throw new AppError('forbidden', 403);
  const unit = q.orgUnitId ? await getUnitInScope(deps, actor, q.orgUnitId) : undefined;
  return {
    unitId: unit?.id ?? actor.orgUnitId,
    subtreePath: unit?.path ?? actor.scopePath,
    year: q.year ?? defaultYear(deps),
    asOf: consideredOn(deps, q.asOf),
    awards: q.awards && q.awards.length > 0 ? [...new Set(q.awards)] : PROPOSAL_AWARDS,
    onlyNew: q.onlyNew ?? false,
    since: q.since,
    asOfGiven: q.asOf !== undefined,
  };
}

/** Judge one page of people: the rows of those who meet an award now (and have not received it for the year). */
function judgeEligibleNow(
  engine: EligibilityEngine,
  page: Awaited<ReturnType<typeof repo.loadIndividualsPage>>,
  o: { awards: readonly AwardCode[]; year: number; asOf: string; onlyNew: boolean },
): EligibleNowRow[] {
  const { year, asOf } = o;
  const rows: EligibleNowRow[] = [];
  for (const { head, subject } of page) {
    for (const award of o.awards) {
      if (subject.awards?.some((a) => a.code === award && a.year === year)) continue;
      // the fast path judges everyone; the full verdict (messages, bases) only for those who qualify
      if (!engine.isEligible({ award, asOf, year, subject })) continue;
      const verdict = engine.evaluate({ award, asOf, year, subject });
      const newlyEligible = !engine.isEligible({ award, asOf, year: year - 1, subject });
      if (o.onlyNew && !newlyEligible) continue;
      const met = verdict.reasons.filter((r) => r.met === true);
      rows.push({
        personId: head.id,
        fullName: head.fullName,
        orgUnitId: head.orgUnitId,
        orgUnitName: head.orgUnitName,
        award,
        awardName: catalogueEntry(award).nameVi,
        year,
        newlyEligible,
        isLeader: head.isLeader,
        directWorker: head.directWorker,
        gender: head.gender,
        summary: met.map((r) => r.message).join('; '),
        basis: [...new Set(met.map((r) => r.basis))].join('; '),
      });
    }
  }
  return rows;
}

/** The list's order: by award (as asked), then unit, then given name, in Vietnamese collation. */
function sortEligibleNow(rows: EligibleNowRow[], awards: readonly AwardCode[]): EligibleNowRow[] {
  const collator = new Intl.Collator('vi');
  const awardRank = new Map(awards.map((a, i) => [a, i]));
  return rows.sort(
    (a, b) =>
      (awardRank.get(a.award) ?? 0) - (awardRank.get(b.award) ?? 0) ||
      collator.compare(a.orgUnitName, b.orgUnitName) ||
      collator.compare(a.fullName.split(' ').pop()!, b.fullName.split(' ').pop()!) ||
      collator.compare(a.fullName, b.fullName),
  );
}

export interface EligibleNowResult {
  year: number;
  items: EligibleNowRow[];
  total: number;
  people: number;
  byAward: { award: AwardCode; count: number }[];
  source: 'stored' | 'live';
  updating: boolean;
  builtAt: string | null;
}

/** Midnight in Vietnam at the start of `day` (yyyy-mm-dd), as an instant. */
const vietnamDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

type ResolvedFilters = Awaited<ReturnType<typeof resolveEligibleNow>>;

/**
 * The list from the stored verdicts, when they hold what is asked (today's date, a judged year and awards
 * the store keeps); null when the subtree must be judged for the request instead, or when `strict` and
 * some verdicts of the subtree are being judged again.
 */
async function readStored(
  deps: Deps,
  f: ResolvedFilters,
  page: { limit?: number; offset?: number; strict?: boolean },
): Promise<EligibleNowResult | null> {
  const status = await verdicts.storeStatus(deps, f.subtreePath);
  const st = status.state;
  if (
    !st ||
    !status.built ||
    (f.asOfGiven && f.asOf !== status.today) ||
    !st.years!.includes(f.year) ||
    !f.awards.every((a) => st.awards!.includes(a))
  ) {
    return null;
  }
  const updating = !status.current || status.rebuilding || status.staleInSubtree;
  if (page.strict && updating) return null;
  const filter = {
    subtreePath: f.subtreePath,
    year: f.year,
    awards: f.awards,
    onlyNew: f.onlyNew,
    since: f.since ? vietnamDayStart(f.since) : undefined,
  };
  const [rows, counts] = await Promise.all([
    verdicts.storedList(deps.db, { ...filter, limit: page.limit ?? null, offset: page.offset ?? 0 }),
    verdicts.storedCounts(deps.db, filter),
  ]);
  return {
    year: f.year,
    items: rows,
    total: counts.byAward.reduce((n, a) => n + a.count, 0),
    people: counts.people,
    byAward: f.awards.flatMap((award) => {
      const c = counts.byAward.find((x) => x.award === award);
      return c ? [{ award, count: c.count }] : [];
    }),
    source: 'stored',
    updating,
    builtAt: st.builtAt ? st.builtAt.toISOString() : null,
  };
}

/**
 * "Đủ điều kiện đề nghị": who in the subtree meets every hard condition of an award for the year and
 * has not received it for that year; `newlyEligible` when they did not meet it for the year before.
 * Read from the stored verdicts (kept current by every change) when they hold what is asked: today's
 * date, a judged year and awards the store keeps. Otherwise (another "as of" date, an older year) the
 * subtree is judged for this request, page by page, yielding between pages. `updating` says some
 * verdicts of the subtree are being judged again (a large import, a settings change, the nightly check).
 * `strict` (documents, Excel): never a list that may lag; judge for the request instead.
 */
export async function eligibleNowList(
  deps: Deps,
  actor: Actor,
  q: EligibleNowFilters,
  page: { limit?: number; offset?: number; strict?: boolean } = {},
): Promise<EligibleNowResult> {
  const f = await resolveEligibleNow(deps, actor, q);
  const stored = await readStored(deps, f, page);
  if (stored) return stored;
  if (f.since) throw new AppError('eligibility_updating', 409);
  const engine = await loadEngine(deps);
  const all: EligibleNowRow[] = [];
  for await (const chunk of repo.individualsInSubtree(deps.db, f.subtreePath)) {
    all.push(...judgeEligibleNow(engine, chunk, f));
    await yieldToEventLoop(); // a city-sized subtree must not hold the event loop
  }
  sortEligibleNow(all, f.awards);
  const offset = page.offset ?? 0;
  return {
    year: f.year,
    items: page.limit === undefined ? all.slice(offset) : all.slice(offset, offset + page.limit),
    total: all.length,
    people: new Set(all.map((r) => r.personId)).size,
    byAward: f.awards.flatMap((award) => {
      const count = all.filter((r) => r.award === award).length;
      return count ? [{ award, count }] : [];
    }),
    source: 'live',
    updating: false,
    builtAt: null,
  };
}

/**
 * How many people of the actor's scope are newly eligible (not eligible the year before) on the stored
 * list with its default filters (the year judged, the awards proposed): what "Đủ điều kiện đề nghị" shows
 * with "Chỉ người mới đủ điều kiện". Null when the stored verdicts cannot answer without judging the
 * scope now (the overview never judges a city for a count).
 */
export async function newlyEligibleCount(
  deps: Deps,
  actor: Actor,
): Promise<{ year: number; people: number; updating: boolean } | null> {
  const f = await resolveEligibleNow(deps, actor, { onlyNew: true });
  const stored = await readStored(deps, f, { limit: 0 });
  return stored ? { year: f.year, people: stored.people, updating: stored.updating } : null;
}

/** Every row of the list (documents, Excel), never one that may lag behind a change. */
export async function eligibleNow(
  deps: Deps,
  actor: Actor,
  q: EligibleNowFilters,
): Promise<EligibleNowRow[]> {
  return (await eligibleNowList(deps, actor, q, { strict: true })).items;
}

/** People judged per chunk of the background export: one short query each, so PGlite stays responsive. */
export const EXPORT_CHUNK_PEOPLE = 2000;

const viNumber = new Intl.NumberFormat('vi-VN');

/**
 * Start the background Excel export of "Đủ điều kiện đề nghị" for a whole subtree (the city, say): the
 * same filters as the synchronous export, resolved now (year and "as of" default to today's) so the job
 * computes what the user asked for even if it runs later.
 */
export async function startEligibleNowExport(deps: Deps, actor: Actor, q: EligibleNowFilters): Promise<Job> {
  const f = await resolveEligibleNow(deps, actor, q);
  const params: EligibleNowExportParams = {
    orgUnitId: f.unitId,
    awards: [...f.awards],
    year: f.year,
    asOf: f.asOf,
    onlyNew: f.onlyNew,
  };
  return startJob(deps, actor, { kind: 'eligible_now_export', orgUnitId: f.unitId, params });
}

/** What the export job stores as its parameters (a type, so it is a plain record). */
export type EligibleNowExportParams = {
  orgUnitId: string;
  awards: AwardCode[];
  year: number;
  asOf: string;
  onlyNew: boolean;
};

/**
 * The export job: reads the subtree a chunk of people at a time (keyset on id, each chunk one set-based
 * query), judges each chunk with the engine, reports "Đã xét n/N người", then writes the workbook.
 * Permissions and scope are those of the user who started it, as they are when it runs.
 */
export function eligibleNowExportHandler(o: { chunkSize?: number } = {}): JobHandler {
  return (ctx) => runEligibleNowExport(ctx, o.chunkSize ?? EXPORT_CHUNK_PEOPLE);
}

async function runEligibleNowExport(ctx: JobContext, chunkSize: number): Promise<JobOutcome> {
  const { deps, signal } = ctx;
  const p = ctx.job.params as unknown as EligibleNowExportParams;
  const actor = await ctx.actor();
  const f = await resolveEligibleNow(deps, actor, p);
  const unit = await getUnitInScope(deps, actor, f.unitId);
  const stored = await readStored(deps, f, { strict: true });
  if (stored)
    return exportOutcome(
      deps,
      f,
      unit.name,
      stored.items,
      await repo.countIndividualsInSubtree(deps.db, f.subtreePath),
    );
  const engine = await loadEngine(deps);
  const total = await repo.countIndividualsInSubtree(deps.db, f.subtreePath);
  await ctx.progress(0, total, `Đã xét 0/${viNumber.format(total)} người`);
  const rows: EligibleNowRow[] = [];
  let done = 0;
  let afterId: string | undefined;
  for (;;) {
    signal.throwIfAborted();
    const page = await repo.loadIndividualsPage(deps.db, {
      subtreePath: f.subtreePath,
      afterId,
      limit: chunkSize,
    });
    if (page.length === 0) break;
    rows.push(...judgeEligibleNow(engine, page, f));
    done += page.length;
    afterId = page[page.length - 1]!.head.id;
    // people may be added while the job runs: the total follows what was actually read
    const shownTotal = Math.max(total, done);
    await ctx.progress(
      done,
      shownTotal,
      `Đã xét ${viNumber.format(done)}/${viNumber.format(shownTotal)} người`,
    );
    if (page.length < chunkSize) break;
  }
  await ctx.progress(
    done,
    Math.max(total, done),
    `Đang ghi tệp Excel (${viNumber.format(rows.length)} dòng)…`,
  );
  signal.throwIfAborted();
  return exportOutcome(deps, f, unit.name, sortEligibleNow(rows, f.awards), done);
}

/** The export's workbook and what the job reports. */
async function exportOutcome(
  deps: Deps,
  f: ResolvedFilters,
  unitName: string,
  rows: EligibleNowRow[],
  people: number,
): Promise<JobOutcome> {
  const bytes = await eligibleNowWorkbook(rows, {
    year: f.year,
    unitName,
    generatedOn: todayInVietnam(deps.clock),
  });
  const eligiblePeople = new Set(rows.map((r) => r.personId)).size;
  return {
    result: { people, rows: rows.length, eligiblePeople, year: f.year },
    message: `Đã xét ${viNumber.format(people)} người: ${viNumber.format(rows.length)} lượt đủ điều kiện.`,
    file: {
      name: `Đủ điều kiện đề nghị ${f.year} – ${safeFileName(unitName)}.xlsx`,
      mime: XLSX_MIME,
      bytes,
    },
  };
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A unit's name as part of a file name: no characters a file system refuses. */
function safeFileName(s: string): string {
  return [...s]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/** Settings of every rule set with the values in force; uncertain ones are flagged for the UI. */
export async function listSettings(deps: Deps, actor: Actor) {
  if (!can(actor, 'eligibility.check')) throw new AppError('forbidden', 403);
  const engine = await loadEngine(deps);
  const stored = await repo.readSettingOverrides(deps.db);
  return engine.ruleSets.map((rs) => ({
    ruleSetId: rs.id,
    nameVi: rs.nameVi,
    validFrom: rs.validFrom,
    validTo: rs.validTo,
    verified: rs.verified,
    // which stored key holds a change: one for this rule set only wins over one for every rule set
    settings: engine.settingsOf(rs.id).map((st) => ({
      ...st,
      overriddenBy: `${rs.id}:${st.key}` in stored ? `${rs.id}:${st.key}` : st.key in stored ? st.key : null,
    })),
  }));
}

/**
 * Change one setting (`key` for every rule set that has it, `RULE_SET_ID:key` for one), or with
 * `value: undefined` remove the stored change so the default applies again; validated by the engine, audited.
 */
export async function changeSetting(
  deps: Deps,
  actor: Actor,
  key: string,
  value: SettingValue | undefined,
  reason: string | undefined,
) {
  if (!canChangeSettings(actor)) throw new AppError('forbidden', 403);
  const current = (await repo.readSettingOverrides(deps.db)) as Record<string, SettingValue>;
  const colon = key.indexOf(':');
  if (colon >= 0) {
    // RULE_SET_ID:key — the rule set must exist and declare the key
    const ruleSetId = key.slice(0, colon);
    const ruleSet = DEFAULT_RULE_SETS.find((r) => r.id === ruleSetId);
    if (!ruleSet) {
      throw new AppError('unknown_rule_set', 400, `Không có bộ quy định "${ruleSetId}".`, [
        { path: 'key', message: `Không có bộ quy định "${ruleSetId}".` },
      ]);
    }
    if (!ruleSet.settings.some((d) => d.key === key.slice(colon + 1))) {
      throw new AppError(
        'invalid_setting',
        400,
        `Bộ quy định ${ruleSetId} không có thiết lập "${key.slice(colon + 1)}".`,
        [{ path: 'key', message: `Bộ quy định ${ruleSetId} không có thiết lập này.` }],
      );
    }
  }
  if (value === undefined && !(key in current)) throw new AppError('not_found', 404);
  const next = { ...current };
  if (value === undefined) delete next[key];
  else next[key] = value;
  try {
    engineFor({ settings: Object.freeze(next) as SettingOverrides }); // throws invalid_setting on an unknown key or a bad value
  } catch (e) {
    return toAppError(e);
  }
  await unitOfWork(deps, actor, async (uow) => {
    uow.authorise(canChangeSettings(actor));
    if (value === undefined) await repo.deleteSetting(uow.tx, key);
    else await repo.writeSetting(uow.tx, key, value, actor.username);
    await uow.record({
      action: value === undefined ? 'setting.reset' : 'setting.change',
      entityType: 'setting',
      entityId: key,
      before: key in current ? current[key] : null,
      after: value ?? null,
      reason: reason ?? null,
    });
  });
}

/**
 * Quota report (legal digest §4): per unit, the share of CSTĐCS among LĐTT holders of the year, against the
 * cap of the rule set in force at the end of that year (15% under Decree 91/2017; under the 2022 law no
 * national cap was found, so the cap is an administrator's setting, empty by default).
 */
export async function quotaReport(deps: Deps, actor: Actor, q: { orgUnitId?: string; year?: number }) {
  if (!can(actor, 'person.read')) throw new AppError('forbidden', 403);
  const subtreePath = q.orgUnitId ? (await getUnitInScope(deps, actor, q.orgUnitId)).path : actor.scopePath;
  const year = q.year ?? defaultYear(deps);
  const engine = await loadEngine(deps);
  const ruleSet = engine.ruleSetFor(`${year}-12-31`);
  const setting = ruleSet
    ? engine.settingsOf(ruleSet.id).find((s) => s.key === 'cstdcs.quotaPct')
    : undefined;
  const capPct = typeof setting?.value === 'number' ? setting.value : null;
  const rows = await repo.quotaFigures(deps.db, subtreePath, year);
  const collator = new Intl.Collator('vi');
  return {
    year,
    ruleSetId: ruleSet?.id ?? null,
    capPct,
    capUncertain: setting?.uncertain ?? true,
    capBasis: setting?.basis ?? null,
    units: rows
      .map((r) => {
        const sharePct = r.ldtt > 0 ? Math.round((r.cstdcs / r.ldtt) * 1000) / 10 : null;
        return { ...r, sharePct, overCap: capPct !== null && sharePct !== null && sharePct > capPct };
      })
      .sort(
        (a, b) => Number(b.overCap) - Number(a.overCap) || collator.compare(a.orgUnitName, b.orgUnitName),
      ),
  };
}

/** The catalogue, and one award's conditions by regime in words (with the settings in force). */
export async function catalogue(deps: Deps, actor: Actor) {
  if (!can(actor, 'eligibility.check')) throw new AppError('forbidden', 403);
  return describeAllAwards(await loadEngine(deps));
}

export async function awardPage(deps: Deps, actor: Actor, code: string) {
  if (!can(actor, 'eligibility.check')) throw new AppError('forbidden', 403);
  if (!isAwardCode(code)) throw new AppError('not_found', 404);
  return describeAward(code, await loadEngine(deps));
}

/** The stored verdicts' state (for the settings page and the list's "đang cập nhật"). */
export async function storeInfo(deps: Deps, actor: Actor): Promise<EligibilityStoreStatus> {
  if (!can(actor, 'eligibility.check')) throw new AppError('forbidden', 403);
  const s = await verdicts.storeStatus(deps);
  const st = s.state;
  return {
    built: s.built,
    current: s.current,
    fresh: s.fresh,
    rebuilding: s.rebuilding,
    consideredOn: st?.consideredOn ?? null,
    builtAt: st?.builtAt ? st.builtAt.toISOString() : null,
    years: st?.years ?? [],
    awards: st?.awards ?? [],
    stalePeople: await verdicts.staleCount(deps.db, '/'),
    lastReport: (st?.lastReport as EligibilityStoreStatus['lastReport'] | null) ?? null,
  };
}

/** Recompute every stored verdict now (an administrator's check), as a background job with progress. */
export async function startStoreRebuild(deps: Deps, actor: Actor): Promise<Job> {
  if (!canChangeSettings(actor)) throw new AppError('forbidden', 403);
  return startJob(deps, actor, { kind: 'eligibility_rebuild', orgUnitId: actor.orgUnitId, params: {} });
}

/**
 * The recomputation job: every person judged again and compared with what is stored; what differs is
 * repaired and counted. Waits its turn while another process (the keeper) is rebuilding.
 */
export function eligibilityRebuildHandler(): JobHandler {
  return async (ctx) => {
    const actor = await ctx.actor();
    if (!canChangeSettings(actor)) throw new AppError('forbidden', 403);
    for (;;) {
      ctx.signal.throwIfAborted();
      const report = await verdicts.rebuildStore(ctx.deps, {
        holder: `job:${ctx.job.id}`,
        signal: ctx.signal,
        onProgress: (done, total) =>
          ctx.progress(done, total, `Đã xét ${viNumber.format(done)}/${viNumber.format(total)} người`),
      });
      if (report) {
        const what = report.drift
          ? report.changed === 0
            ? 'không có kết quả nào lệch so với tính lại'
            : `${viNumber.format(report.changed)} kết quả lệch so với tính lại đã được sửa`
          : `${viNumber.format(report.changed)} kết quả thay đổi theo ngày xét hoặc thiết lập mới`;
        return {
          result: report,
          message: `Đã xét lại ${viNumber.format(report.people)} người (${viNumber.format(report.verdicts)} lượt đủ điều kiện): ${what}.`,
        };
      }
      await ctx.progress(0, null, 'Đang chờ lượt cập nhật khác xong…');
      await sleep(1000, undefined, { signal: ctx.signal });
    }
  };
}

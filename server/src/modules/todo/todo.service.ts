import { workingYear } from '../../../../contract/calendar';
import type { TodoItem, TodoList, TodoSeverity, TodoUnit } from '../../../../contract/todo';
import type { Role } from '../../../../contract/vocabulary';
import type { Deps } from '../../deps';
import { todayInVietnam } from '../../lib/clock';
import { auditHeadSeq, chainHealth } from '../audit/audit.service';
import { atCityScope } from '../audit/audit.policy';
import type { Actor } from '../auth/auth.policy';
import { throttledLogins } from '../auth/auth.service';
import { newlyEligibleCount, storeInfo } from '../eligibility/eligibility.service';
import { failedJobsInScope, FAILED_JOB_TODO_DAYS, ownJobsToSee } from '../jobs/jobs.service';
import { seesEligibility, unitWorkRole, watchesSystem } from './todo.policy';
import * as repo from './todo.repository';

/** Units named under an item: where most of it is. */
export const TOP_UNITS = 5;
/** A verification of the audit chain older than this is worth running again. */
export const CHAIN_CHECK_DUE_DAYS = 30;

const viNumber = new Intl.NumberFormat('vi-VN');
const n = (count: number) => viNumber.format(count);
const collator = new Intl.Collator('vi');
const SEVERITY_ORDER: Record<TodoSeverity, number> = { danger: 0, warning: 1, info: 2 };

/** dd/mm/yyyy of an instant, in Vietnam. */
const vietnamDate = (d: Date) => {
  const day = new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
};

type Item = Omit<TodoItem, 'units' | 'params'> & Partial<Pick<TodoItem, 'units' | 'params'>>;
const item = (i: Item): TodoItem => ({ units: [], params: {}, ...i });

/**
 * A count over a whole city is one scan of its people (about half a second for 200,000 on the embedded
 * database, which answers nothing else meanwhile): a result that took long is kept for a minute while
 * nothing is changed (the audit log's head stays where it was: every change through the application
 * appends to it), so the Board's overview opened again and again does not scan again. A ward's count is
 * quick and never kept.
 */
const SLOW_COUNT_MS = 200;
const KEEP_SLOW_COUNT_MS = 60_000;
type UnitCounts = Awaited<ReturnType<typeof repo.ratingsMissingByUnit>>;
const slowCounts = new Map<string, { until: number; head: number; rows: UnitCounts }>();

async function ratingsMissingByUnit(deps: Deps, subtreePath: string, year: number): Promise<UnitCounts> {
  const key = `${subtreePath}|${year}`;
  const head = await auditHeadSeq(deps.db);
  const kept = slowCounts.get(key);
  if (kept && kept.head === head && kept.until > Date.now()) return kept.rows;
  const started = Date.now();
  const rows = await repo.ratingsMissingByUnit(deps.db, subtreePath, year);
  if (Date.now() - started > SLOW_COUNT_MS) {
    slowCounts.set(key, { until: Date.now() + KEEP_SLOW_COUNT_MS, head, rows });
  } else slowCounts.delete(key);
  return rows;
}

async function ratingsMissing(deps: Deps, actor: Actor, role: Role, today: string): Promise<TodoItem[]> {
  const year = workingYear(today);
  const byUnit = await ratingsMissingByUnit(deps, actor.scopePath, year);
  const count = byUnit.reduce((sum, u) => sum + u.count, 0);
  if (count === 0) return [];
  const units: TodoUnit[] = [...byUnit]
    .sort((a, b) => b.count - a.count || collator.compare(a.orgUnitName, b.orgUnitName))
    .slice(0, TOP_UNITS)
    .map((u) => ({ ...u, link: `/people?unit=${u.orgUnitId}` }));
  return [
    item({
      kind: 'ratings_missing',
      role,
      severity: 'warning',
      count,
      text:
        role === 'head'
          ? `${n(count)} người của đơn vị chưa được đánh giá, xếp loại năm ${year}: cần đôn đốc hoàn thành và phê duyệt kết quả.`
          : `${n(count)} người chưa có kết quả đánh giá, xếp loại năm ${year}.`,
      link: units.length === 1 ? units[0]!.link : '/people',
      params: { year },
      units,
    }),
  ];
}

async function newlyEligible(deps: Deps, actor: Actor, role: Role): Promise<TodoItem[]> {
  const found = await newlyEligibleCount(deps, actor);
  if (!found || found.people === 0) return [];
  const { year, people, updating } = found;
  return [
    item({
      kind: 'newly_eligible',
      role,
      severity: 'info',
      count: people,
      text:
        role === 'head'
          ? `${n(people)} người mới đủ điều kiện khen thưởng năm ${year}: xem xét và ký đề nghị.`
          : `${n(people)} người mới đủ điều kiện đề nghị khen thưởng năm ${year}.`,
      link: `/eligible-now?new=1&year=${year}`,
      params: { year, updating },
    }),
  ];
}

async function ownJobs(deps: Deps, actor: Actor, role: Role, skipFailed: boolean): Promise<TodoItem[]> {
  const { failed, ready } = await ownJobsToSee(deps, actor);
  const items: TodoItem[] = [];
  if (failed > 0 && !skipFailed) {
    items.push(
      item({
        kind: 'jobs_failed',
        role,
        severity: 'danger',
        count: failed,
        text: `${n(failed)} công việc nền của bạn bị lỗi trong ${FAILED_JOB_TODO_DAYS} ngày qua.`,
        link: '/jobs',
        params: { days: FAILED_JOB_TODO_DAYS },
      }),
    );
  }
  if (ready > 0) {
    items.push(
      item({
        kind: 'jobs_ready',
        role,
        severity: 'info',
        count: ready,
        text: `${n(ready)} công việc nền đã xong, có tệp kết quả để tải về.`,
        link: '/jobs',
      }),
    );
  }
  return items;
}

async function systemHealth(deps: Deps, actor: Actor): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const role = 'admin';
  const city = atCityScope(actor);

  const throttled = await throttledLogins(deps, actor, { withAddresses: city });
  if (throttled.accounts + throttled.addresses > 0) {
    const parts = [
      throttled.accounts > 0
        ? `${n(throttled.accounts)} tài khoản đang bị tạm khóa đăng nhập do nhập sai mật khẩu nhiều lần (${throttled.usernames.join(', ')}${throttled.accounts > throttled.usernames.length ? ', …' : ''})`
        : '',
      throttled.addresses > 0 ? `${n(throttled.addresses)} địa chỉ mạng đang bị chặn đăng nhập` : '',
    ].filter(Boolean);
    items.push(
      item({
        kind: 'logins_throttled',
        role,
        severity: 'warning',
        count: throttled.accounts + throttled.addresses,
        text: `${parts.join('; ')}.`,
        link: throttled.accounts > 0 ? '/users' : null,
        params: {
          accounts: throttled.accounts,
          addresses: throttled.addresses,
          usernames: throttled.usernames.join(', '),
        },
      }),
    );
  }

  const failedJobs = await failedJobsInScope(deps, actor);
  if (failedJobs > 0) {
    items.push(
      item({
        kind: 'jobs_failed_scope',
        role,
        severity: 'danger',
        count: failedJobs,
        text: `${n(failedJobs)} công việc nền bị lỗi trong 24 giờ qua.`,
        link: '/jobs',
        params: { hours: 24 },
      }),
    );
  }

  // the whole chain is the city's administrator's to watch
  if (city) {
    const chain = await chainHealth(deps.db);
    const last = chain.lastCheck;
    const broken = !chain.tail.ok ? chain.tail.firstBrokenSeq : last && !last.ok ? last.firstBrokenSeq : null;
    const now = deps.clock.now();
    if (broken !== null) {
      items.push(
        item({
          kind: 'audit_chain',
          role,
          severity: 'danger',
          count: 1,
          text: `Chuỗi băm của nhật ký hoạt động bị phá vỡ từ bản ghi số ${n(broken)}: cần kiểm tra ngay.`,
          link: '/audit',
          params: { state: 'broken', seq: broken },
        }),
      );
    } else if (!last) {
      items.push(
        item({
          kind: 'audit_chain',
          role,
          severity: 'warning',
          count: 1,
          text: 'Chưa kiểm tra toàn bộ chuỗi băm của nhật ký hoạt động lần nào.',
          link: '/audit',
          params: { state: 'never' },
        }),
      );
    } else if (now.getTime() - new Date(last.finishedAt).getTime() > CHAIN_CHECK_DUE_DAYS * 24 * 3600_000) {
      const date = vietnamDate(new Date(last.finishedAt));
      items.push(
        item({
          kind: 'audit_chain',
          role,
          severity: 'info',
          count: 1,
          text: `Chuỗi băm của nhật ký được kiểm tra toàn bộ lần cuối ngày ${date}: nên kiểm tra lại.`,
          link: '/audit',
          params: { state: 'due', date, seq: last.upToSeq },
        }),
      );
    }

    const store = await storeInfo(deps, actor);
    const state = !store.built
      ? 'not_built'
      : store.rebuilding || store.stalePeople > 0
        ? 'updating'
        : !store.current
          ? 'outdated'
          : !store.fresh
            ? 'not_fresh'
            : null;
    if (state !== null) {
      const text = {
        not_built:
          'Chưa lập kết quả xét điều kiện khen thưởng đã lưu: danh sách đủ điều kiện phải xét lại mỗi lần xem.',
        updating: `Kết quả xét điều kiện khen thưởng đang được cập nhật (${n(store.stalePeople)} người chờ xét lại).`,
        outdated:
          'Kết quả xét điều kiện khen thưởng đã lưu không còn theo thiết lập hoặc quy định hiện hành: cần tính lại.',
        not_fresh: `Kết quả xét điều kiện khen thưởng được xét theo ngày ${store.consideredOn ? store.consideredOn.split('-').reverse().join('/') : '—'}, chưa theo ngày hôm nay.`,
      }[state];
      items.push(
        item({
          kind: 'eligibility_store',
          role,
          severity: state === 'not_built' || state === 'outdated' ? 'warning' : 'info',
          count: state === 'updating' ? store.stalePeople : 1,
          text,
          link: '/rule-settings',
          params: { state, stalePeople: store.stalePeople, consideredOn: store.consideredOn },
        }),
      );
    }
  }
  return items;
}

/**
 * "Việc cần làm": what waits for the actor, by role and within their scope (see todo.policy.ts), most
 * urgent first. Each kind is one set-based statement (or two) over the actor's subtree.
 */
export async function todoList(deps: Deps, actor: Actor): Promise<TodoList> {
  const today = todayInVietnam(deps.clock);
  const items: TodoItem[] = [];
  const role = unitWorkRole(actor);
  const admin = watchesSystem(actor);
  if (role) {
    items.push(...(await ratingsMissing(deps, actor, role, today)));
    if (seesEligibility(actor)) items.push(...(await newlyEligible(deps, actor, role)));
  }
  // an administrator sees every failed job of the scope, their own among them
  items.push(...(await ownJobs(deps, actor, role ?? actor.roles[0] ?? 'officer', admin)));
  if (admin) items.push(...(await systemHealth(deps, actor)));
  items.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { today, items };
}

/**
 * Every role's working day at a glance: each demo account opens the overview (its to-do list) and the
 * activity log, which holds only entries of the account's own scope; then every screen added for the working
 * day is captured at desktop and phone width (screenshots/day-*.png), with no console error on the way.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { animationsDone, logIn, openPage } from './support/pages';

const baseUrl = inject('baseUrl');
let browser: Browser;

/** An entry each ward-level officer made just now: the ward's and the hospital's. */
const made: { seq: number; orgUnitId: string }[] = [];

/** The officer changes a colleague's ethnicity and back: two entries of their own unit's scope. */
async function changeSomeone(username: string): Promise<{ seq: number; orgUnitId: string }> {
  const { context, page } = await openPage(browser, baseUrl);
  await logIn(page, username, 'vinhdanh');
  await page.locator('.vd-content').waitFor();
  const list = (await (await context.request.get('/api/v1/people?limit=1')).json()) as {
    items: { id: string }[];
  };
  const id = list.items[0]!.id;
  for (let i = 0; i < 2; i++) {
    const person = (await (await context.request.get(`/api/v1/people/${id}`)).json()) as {
      version: number;
      ethnicity: string;
    };
    const res = await context.request.patch(`/api/v1/people/${id}`, {
      data: { version: person.version, ethnicity: person.ethnicity === 'Tày' ? 'Kinh' : 'Tày' },
    });
    expect(res.status()).toBe(200);
  }
  const log = (await (await context.request.get(`/api/v1/audit?personId=${id}&limit=1`)).json()) as AuditPage;
  await context.close();
  const entry = log.items[0]!;
  return { seq: entry.seq, orgUnitId: entry.orgUnitId! };
}

beforeAll(async () => {
  browser = await launchBrowser();
  made.push(await changeSomeone('canbo'), await changeSomeone('canbo_bv'));
});

afterAll(async () => {
  await browser?.close();
});

interface Unit {
  id: string;
}
interface AuditPage {
  items: { seq: number; orgUnitId: string | null }[];
}

/** The ids of the units the signed-in user may see: their scope. */
async function scopeUnits(page: Page): Promise<Set<string>> {
  const units = (await (await page.context().request.get('/api/v1/org-units')).json()) as { items: Unit[] };
  return new Set(units.items.map((u) => u.id));
}

const ROLES = [
  { username: 'admin', todo: true },
  { username: 'bantdkt', todo: true },
  { username: 'hoidong', todo: false },
  { username: 'canbo', todo: true },
  { username: 'lanhdao', todo: true },
  { username: 'canbo_bv', todo: true },
] as const;

describe('every role', () => {
  it.each(ROLES)(
    '$username sees a to-do list and reads the activity log of their scope only',
    async (role) => {
      const { context, page, problems } = await openPage(browser, baseUrl);
      await logIn(page, role.username, 'vinhdanh');
      await page.getByRole('heading', { name: 'Việc cần làm', level: 4 }).waitFor();
      // something to do, or the list says there is nothing (the hospital may have finished its year-end work)
      if (role.todo)
        await page.locator('.vd-todo-card').or(page.getByText('Không có việc cần làm')).first().waitFor();
      else await page.getByText('Chưa có phiên họp nào cần bỏ phiếu').waitFor();

      await page.getByRole('menuitem', { name: 'Nhật ký hoạt động' }).click();
      await page.waitForURL(/\/audit/);
      await page.getByRole('heading', { name: 'Nhật ký hoạt động', level: 3 }).waitFor();
      await page.locator('.vd-audit-table').waitFor();
      // what the page lists comes from the API, and the API answers only the scope's entries
      const scope = await scopeUnits(page);
      const log = (await (await context.request.get('/api/v1/audit?limit=100')).json()) as AuditPage;
      // the officers' changes of a moment ago: listed exactly where the reader's scope holds their unit
      for (const entry of made) {
        const listed = log.items.some((e) => e.seq === entry.seq);
        expect(listed, `entry ${entry.seq} for ${role.username}`).toBe(scope.has(entry.orgUnitId));
      }
      for (const entry of log.items) {
        if (entry.orgUnitId !== null) expect(scope.has(entry.orgUnitId), `entry ${entry.seq}`).toBe(true);
        else expect(['admin', 'bantdkt', 'hoidong']).toContain(role.username);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});

/** The screens of the working day, as [account, address, name of the capture]. */
const SCREENS: [string, string, string][] = [
  ['canbo', '/', 'overview-officer'],
  ['lanhdao', '/', 'overview-head'],
  ['admin', '/', 'overview-admin'],
  ['hoidong', '/', 'overview-council'],
  ['canbo', '/audit', 'audit'],
  ['admin', '/users', 'users'],
  ['canbo', '/account', 'account'],
  ['canbo', '/people', 'people'],
  ['bantdkt', '/org-units', 'org-units'],
  ['admin', '/rule-settings', 'rule-settings'],
];

describe('the screens of the working day', () => {
  it.each(SCREENS)('%s: %s at desktop and phone width', async (username, path, name) => {
    const { context, page, problems } = await openPage(browser, baseUrl);
    await logIn(page, username, 'vinhdanh');
    await page.locator('.vd-content').waitFor();
    for (const [width, height, suffix] of [
      [1366, 900, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(path);
      await page.locator('.vd-content h3, .vd-content h4').first().waitFor();
      await page.waitForLoadState('networkidle');
      await animationsDone(page);
      await screenshot(page, `day-${name}-${suffix}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

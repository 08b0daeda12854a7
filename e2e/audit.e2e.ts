/**
 * An officer's working day, the log and the to-do list: the ward's officer changes a colleague's record
 * and finds the change in the activity log of the ward, field by field (and never the hospital's changes);
 * the ward's head opens the overview and finds what waits for them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { logIn, openPage } from './support/pages';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface PeoplePage {
  items: { id: string; fullName: string }[];
}

/** The first person the signed-in user's list shows, with the version an edit must name. */
async function somePerson(page: Page) {
  const list = (await (await page.context().request.get('/api/v1/people?limit=5')).json()) as PeoplePage;
  const person = list.items[0]!;
  const detail = (await (await page.context().request.get(`/api/v1/people/${person.id}`)).json()) as {
    version: number;
    ethnicity: string;
  };
  return { ...person, ...detail };
}

describe('the activity log', () => {
  it('shows the ward’s officer their own change with what it changed, and nothing of the hospital', async () => {
    // the hospital's officer changes someone of the hospital first
    const hospital = await openPage(browser, baseUrl);
    await logIn(hospital.page, 'canbo_bv', 'vinhdanh');
    await hospital.page.getByRole('menuitem', { name: 'Nhật ký hoạt động' }).waitFor();
    const other = await somePerson(hospital.page);
    const otherEdit = await hospital.context.request.patch(`/api/v1/people/${other.id}`, {
      data: { version: other.version, ethnicity: other.ethnicity === 'Mường' ? 'Kinh' : 'Mường' },
    });
    expect(otherEdit.status()).toBe(200);
    await hospital.context.close();

    const { context, page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'canbo', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Nhật ký hoạt động' }).waitFor();
    const person = await somePerson(page);
    const ethnicity = person.ethnicity === 'Tày' ? 'Nùng' : 'Tày';
    const edit = await context.request.patch(`/api/v1/people/${person.id}`, {
      data: { version: person.version, ethnicity },
    });
    expect(edit.status()).toBe(200);

    await page.getByRole('menuitem', { name: 'Nhật ký hoạt động' }).click();
    await page.waitForURL(/\/audit/);
    await page.getByRole('heading', { name: 'Nhật ký hoạt động', level: 3 }).waitFor();
    // the newest entry is the officer's change, named in Vietnamese, with the person's name as a link
    const row = page.locator('.vd-audit-table .ant-table-row').first();
    await row.getByText('Sửa thông tin người').waitFor();
    await row.getByRole('link', { name: person.fullName }).waitFor();
    await row.getByText('Đã đổi:').waitFor();
    expect(await row.textContent()).toContain('Dân tộc');
    // the hospital's change is not in the ward's log
    expect(await page.locator('.vd-audit-table').textContent()).not.toContain(other.fullName);
    const theirs = (await (await context.request.get(`/api/v1/audit?personId=${other.id}`)).json()) as {
      items: unknown[];
    };
    expect(theirs.items).toEqual([]);

    // open the row: the changed field, before and after, highlighted
    await row.locator('.ant-table-row-expand-icon').click();
    const changes = page.locator('.vd-audit-changes').first();
    const changed = changes.locator('.vd-audit-changed', { hasText: 'Dân tộc' });
    await changed.waitFor();
    expect(await changed.textContent()).toContain(person.ethnicity);
    expect(await changed.textContent()).toContain(ethnicity);
    await page
      .getByText(/Chuỗi băm toàn vẹn|Chưa kiểm tra toàn bộ chuỗi băm/)
      .first()
      .waitFor();
    await screenshot(page, 'audit-01-log');

    // a person's page links to their history
    await page.goto(`/people/${person.id}`);
    await page.getByRole('link', { name: 'Lịch sử thay đổi' }).click();
    await page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('person') === person.id);
    await page.locator('.vd-audit-table .ant-table-row').first().getByText('Sửa thông tin người').waitFor();
    await screenshot(page, 'audit-02-person-history');

    // at phone width the rows stay readable: compact, not one long column
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.vd-audit-phone-row').first().waitFor();
    await page.locator('.vd-audit-phone-row').first().getByRole('button', { name: 'Xem thay đổi' }).click();
    await page.locator('.vd-audit-phone-row .vd-audit-changed', { hasText: 'Dân tộc' }).first().waitFor();
    await screenshot(page, 'audit-03-phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the overview', () => {
  it('shows the ward’s head what waits for them', async () => {
    const { context, page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'lanhdao', 'vinhdanh');
    await page.getByRole('heading', { name: 'Việc cần làm', level: 4 }).waitFor();
    const ratings = page.locator('.vd-todo-card[data-kind="ratings_missing"]');
    await ratings.waitFor();
    expect(await ratings.textContent()).toMatch(/chưa được đánh giá, xếp loại năm \d{4}/);
    expect(await ratings.textContent()).toContain('phê duyệt');
    await screenshot(page, 'audit-04-head-overview');
    await ratings.getByRole('button', { name: 'Xem danh sách' }).click();
    await page.waitForURL(/\/people/);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * Journeys through the real server and the system Chromium:
 * an officer finds a colleague by typing the name without diacritics and opens the record;
 * a wrong password is refused with the server's Vietnamese message.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fold, launchBrowser, screenshot } from './support/browser';
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
  total: number;
}

describe('an officer of a ward', () => {
  it('finds a colleague by typing the name without diacritics and opens the record', async () => {
    const { context, page, problems } = await openPage(browser, baseUrl);

    await page.goto('/login');
    await page.getByRole('heading', { name: 'Vinh Danh', level: 1 }).waitFor();
    await page.getByText('Hệ thống quản lý thi đua, khen thưởng').first().waitFor();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await screenshot(page, '01-login');

    await logIn(page, 'canbo', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).waitFor();
    await page.getByRole('heading', { name: 'Việc cần làm', level: 4 }).waitFor();
    await screenshot(page, '02-overview');

    // A name with Vietnamese marks, from the API as the same user (the page's cookie is used).
    const response = await context.request.get('/api/v1/people?limit=50');
    expect(response.status()).toBe(200);
    const people = (await response.json()) as PeoplePage;
    // Prefer someone beyond the first page (20 rows), so the row can only appear because of the search.
    const marked = people.items.filter((p) => fold(p.fullName) !== p.fullName.toLowerCase());
    const person = marked.find((p) => people.items.indexOf(p) >= 20) ?? marked[0];
    expect(person, 'a person whose name has diacritics').toBeDefined();
    if (!person) return;
    const typed = fold(person.fullName);

    await page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).click();
    await page.waitForURL(/\/people/);
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, '03-people-list');

    await page.getByPlaceholder('Tìm theo họ tên, không cần gõ dấu').fill(typed);
    await page.waitForURL((url) => url.searchParams.get('q') === typed);
    const link = page.getByRole('link', { name: person.fullName, exact: true });
    await link.first().waitFor();
    await screenshot(page, '04-people-search');

    // The search lives in the address: a reload shows the same results.
    await page.reload();
    await page.getByRole('link', { name: person.fullName, exact: true }).first().waitFor();
    expect(await page.getByPlaceholder('Tìm theo họ tên, không cần gõ dấu').inputValue()).toBe(typed);

    await page.getByRole('link', { name: person.fullName, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/people/${person.id}$`));
    await page.getByRole('heading', { name: person.fullName, level: 2 }).waitFor();
    await page.getByRole('tab', { name: /Đánh giá, xếp loại hằng năm/ }).waitFor();
    expect(await page.getByRole('tabpanel').first().isVisible()).toBe(true);
    await page.getByText('Xếp loại qua các năm', { exact: true }).waitFor();
    await page.getByText('Điều kiện khen thưởng', { exact: true }).waitFor();
    await screenshot(page, '05-person');

    await page.getByRole('menuitem', { name: 'Cơ cấu tổ chức' }).click();
    await page.waitForURL(/\/org-units/);
    await page.getByRole('treeitem').first().waitFor();
    await page.getByText('Quá trình sắp xếp', { exact: true }).waitFor();
    await screenshot(page, '06-org-units');

    // A ward formed by merger: its predecessors open, marked read-only.
    const predecessor = page.locator('.vd-lineage-link').first();
    const oldName = (await predecessor.textContent())!.trim();
    await predecessor.click();
    await page.getByRole('heading', { name: oldName, level: 4 }).waitFor();
    await page.locator('.vd-readonly-unit').waitFor();
    await screenshot(page, '06b-org-unit-predecessor');

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('signing in', () => {
  it('shows the server’s Vietnamese message for a wrong password', async () => {
    const { context, page } = await openPage(browser, baseUrl);
    await logIn(page, 'lanhdao', 'sai-mat-khau');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(page.url()).toContain('/login');
    await screenshot(page, '00-login-error');
    await context.close();
  });
});

/**
 * An officer keeps a colleague's yearly record: adds a rating, is told next to the year field that the
 * year already has one, and deletes the rating again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { animationsDone, chooseOption, logIn, openPage } from './support/pages';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the yearly record of a person', () => {
  it('lets an officer add a rating, refuses a second one for the same year, and deletes it', async () => {
    const { context, page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'canbo', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).waitFor();

    const list = (await (await context.request.get('/api/v1/people?limit=1')).json()) as {
      items: { id: string; fullName: string }[];
    };
    const person = list.items[0];
    expect(person, 'someone in the officer’s scope').toBeDefined();
    if (!person) return;
    const detail = (await (await context.request.get(`/api/v1/people/${person.id}`)).json()) as {
      ratings: { year: number }[];
    };
    const rated = new Set(detail.ratings.map((r) => r.year));
    const year = [2019, 2018, 2017, 2016, 2015, 2014].find((y) => !rated.has(y));
    expect(year, 'a year without a rating').toBeDefined();
    if (year === undefined) return;

    await page.goto(`/people/${person.id}`);
    await page.getByRole('heading', { name: person.fullName, level: 2 }).waitFor();
    const addRating = async () => {
      await page.getByRole('button', { name: 'Thêm xếp loại' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await animationsDone(page);
      await dialog.getByLabel('Năm', { exact: true }).fill(String(year));
      await chooseOption(page, dialog.getByLabel('Mức xếp loại'), 'Hoàn thành tốt');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      return dialog;
    };

    await addRating();
    const row = page
      .getByRole('tabpanel')
      .locator('.ant-table-row')
      .filter({ has: page.getByRole('cell', { name: String(year), exact: true }) });
    await row.getByText('Hoàn thành tốt').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    const dialog = await addRating();
    const fieldError = dialog.locator('.ant-form-item-explain-error');
    await fieldError.first().waitFor();
    expect(await fieldError.first().innerText()).toContain(String(year));
    await screenshot(page, '07-rating-duplicate', { fullPage: false });
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: 'Xóa' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
    await row.waitFor({ state: 'detached' });
    const after = (await (await context.request.get(`/api/v1/people/${person.id}`)).json()) as {
      ratings: { year: number }[];
    };
    expect(after.ratings.some((r) => r.year === year)).toBe(false);

    // The refused duplicate answers 409 on purpose; nothing else may go wrong.
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    await context.close();
  });
});

/**
 * The working-day calendar through the real server and the system Chromium: an administrator reads the
 * years (2027 marked "Tạm tính"), counts working days with the tool, creates a provisional year and marks
 * it decided; an officer, without the menu entry, still counts on the page but cannot edit.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { animationsDone, logIn, openPage } from './support/pages';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Types a date into an antd date picker (dd/mm/yyyy) and confirms it. */
async function typeDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('the working-day calendar', () => {
  it('an administrator reads the years, counts, creates a provisional year and marks it decided', async () => {
    const { page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'admin', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Lịch làm việc' }).click();
    await page.waitForURL(/\/calendar$/);
    await page.getByRole('heading', { name: 'Lịch làm việc', level: 3 }).waitFor();
    await page.getByText('Ngày 24/11 (Ngày Văn hóa Việt Nam) chưa được tính là ngày nghỉ').waitFor();

    // 2026: decided, with its make-up Saturdays listed by date and weekday.
    await page.getByRole('tab', { name: /Năm 2026/ }).click();
    const y2026 = page.locator('.vd-calendar-year[data-year="2026"]');
    await y2026.getByRole('cell', { name: '27/04/2026' }).waitFor();
    await y2026.getByRole('cell', { name: '22/08/2026' }).waitFor();
    expect(await y2026.getByRole('cell', { name: 'Thứ Bảy' }).count()).toBeGreaterThanOrEqual(2);

    // The contract example through the tool (Enter in the date field counts at once).
    await page.getByRole('spinbutton', { name: 'Số ngày làm việc' }).fill('10');
    await typeDate(page, 'Từ ngày', '09/02/2026');
    await page.getByText('Ngày làm việc thứ 10 sau ngày 09/02/2026 là Thứ Hai, 02/03/2026.').waitFor();
    await animationsDone(page);
    await screenshot(page, '20-calendar');

    // 2027 is provisional: the tab says so, and a count reaching into it is marked.
    await page.getByRole('tab', { name: /Năm 2027/ }).click();
    const y2027 = page.locator('.vd-calendar-year[data-year="2027"]');
    await y2027.getByText(/Chưa có quyết định của Thủ tướng/).waitFor();
    await y2027.getByText('Giả định').first().waitFor();
    await typeDate(page, 'Từ ngày', '30/12/2026');
    await page.getByText(/sau ngày 30\/12\/2026 là Thứ Năm, 14\/01\/2027/).waitFor();
    await page.getByRole('spinbutton', { name: 'Số ngày làm việc' }).fill('2');
    await page.getByRole('button', { name: 'Tính', exact: true }).click();
    await page.getByText(/là Thứ Hai, 04\/01\/2027/).waitFor();
    await page.getByText(/Kết quả tạm tính/).waitFor();
    await page.mouse.move(0, 0); // no tooltip left open where the pointer last clicked
    await animationsDone(page);
    await screenshot(page, '21-calendar-provisional');

    // One click (and a year) gives a provisional year from the statute.
    await page.getByRole('button', { name: 'Tạo năm tạm tính' }).click();
    const create = page.getByRole('dialog', { name: 'Tạo năm tạm tính' });
    await create.getByRole('spinbutton').fill('2028');
    await create.getByRole('button', { name: 'Tạo', exact: true }).click();
    await page.getByText('Đã tạo lịch tạm tính năm 2028.').waitFor();
    const y2028 = page.locator('.vd-calendar-year[data-year="2028"]');
    await y2028.getByRole('cell', { name: '26/01/2028' }).waitFor(); // mùng 1 Tết Mậu Thân

    // Marked decided after an edit: the tag changes.
    await page.getByRole('button', { name: 'Sửa lịch năm' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa lịch làm việc năm 2028' });
    await edit.locator('.ant-radio-button-wrapper', { hasText: 'Đã quyết định' }).click();
    expect(await edit.getByRole('radio', { name: 'Đã quyết định' }).isChecked()).toBe(true);
    await animationsDone(page);
    await screenshot(page, '22-calendar-edit', { fullPage: false });
    await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu lịch làm việc năm 2028.').waitFor();
    await page.getByRole('tab', { name: /Năm 2028\s*Đã quyết định/ }).waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an officer has no menu entry but can count on the page, and cannot edit', async () => {
    const { page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'canbo', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Lịch làm việc' }).count()).toBe(0);
    await page.goto('/calendar');
    await page.getByRole('heading', { name: 'Lịch làm việc', level: 3 }).waitFor();
    await page.getByText('Đếm ngày làm việc').click();
    await typeDate(page, 'Từ ngày', '13/02/2026');
    await typeDate(page, 'Đến ngày', '23/02/2026');
    await page.getByText('Từ sau ngày 13/02/2026 đến hết ngày 23/02/2026 có 1 ngày làm việc.').waitFor();
    expect(await page.getByRole('button', { name: 'Sửa lịch năm' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tạo năm tạm tính' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

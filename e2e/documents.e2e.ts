/**
 * Numbered documents through the real server and the system Chromium: an officer prints a person's
 * commendation record (a numbered PDF, downloaded), issues the eligible list as a PDF beside its Excel
 * export, and finds both in the document register; a unit that issued nothing sees the empty register.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPdf } from '../server/test/pdf';
import { launchBrowser, screenshot } from './support/browser';
import { animationsDone, chooseYear, DEMO_LAST_YEAR, logIn, openPage } from './support/pages';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('numbered documents', () => {
  it('prints a commendation record and the eligible list, and keeps both in the register', async () => {
    const { page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'canbo', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Sổ văn bản' }).waitFor();

    await page.goto('/people?q=nguyen%20van%20duc');
    await page.getByRole('link', { name: 'Nguyễn Văn Đức', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Nguyễn Văn Đức', level: 2 }).waitFor();
    const [record] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'In lý lịch khen thưởng' }).click(),
    ]);
    expect(record.suggestedFilename()).toMatch(
      /^Lý lịch khen thưởng - Nguyễn Văn Đức - \d{2,}-LL-UBND\.pdf$/,
    );
    const notation = /(\d{2,})-LL-UBND/.exec(record.suggestedFilename())![1] + '/LL-UBND';
    const pdf = await readPdf(await readFile((await record.path())!));
    expect(pdf.text[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdf.text[0]).toContain(`Số: ${notation}`);
    expect(pdf.text[0]).toContain('Họ và tên: Nguyễn Văn Đức');
    await page.getByText(`Đã lập văn bản số ${notation} và vào sổ văn bản.`).waitFor();

    await page.getByRole('menuitem', { name: 'Đủ điều kiện đề nghị' }).click();
    await page.waitForURL(/\/eligible-now/);
    await chooseYear(page, page, DEMO_LAST_YEAR);
    await page.waitForURL((url) => url.searchParams.get('year') === String(DEMO_LAST_YEAR));
    await page.locator('.ant-table-row').first().waitFor();
    const [list] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải PDF' }).click(),
    ]);
    expect(list.suggestedFilename()).toMatch(
      /^Danh sách đủ điều kiện đề nghị khen thưởng năm \d{4} - .+-DS-UBND\.pdf$/,
    );
    const listPdf = await readPdf(await readFile((await list.path())!));
    expect(listPdf.sizes[0]).toEqual({ width: 842, height: 595 });
    expect(listPdf.text.join(' ')).toContain('Nguyễn Văn Đức');

    await page.getByRole('link', { name: 'Xem sổ văn bản' }).last().click();
    await page.waitForURL(/\/documents$/);
    const row = page.locator('.ant-table-row').filter({ hasText: notation });
    await row.waitFor();
    expect(await row.getByText('Lý lịch khen thưởng: Nguyễn Văn Đức').count()).toBe(1);
    const href = await row
      .getByRole('link', { name: new RegExp(`Tải PDF ${notation}`) })
      .getAttribute('href');
    const again = await page.request.get(href ?? '');
    expect(again.status()).toBe(200);
    expect(again.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.compare(await again.body(), await readFile((await record.path())!))).toBe(0);
    await page.mouse.move(0, 0);
    await animationsDone(page);
    await screenshot(page, '30-document-register');
    expect(problems).toEqual([]);
  });

  it('shows a unit that issued nothing an empty register that says how documents get there', async () => {
    const { page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'canbo_bv', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Sổ văn bản' }).click();
    await page.waitForURL(/\/documents$/);
    await page.getByText('Sổ văn bản chưa có văn bản nào').waitFor();
    await page.getByRole('button', { name: 'Chọn cán bộ để in lý lịch' }).waitFor();
    await screenshot(page, '31-document-register-empty');
    expect(problems).toEqual([]);
  });
});

/**
 * Background jobs through the real server and the system Chromium: the board exports the whole city's
 * "Đủ điều kiện đề nghị" list as a background job, watches its progress, downloads the workbook, finds it
 * again after a reload, and sees it on the "Công việc nền" page.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
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

describe('the board exporting the whole city in the background', () => {
  it('starts the export, follows its progress, downloads it, and finds it again after a reload', async () => {
    const { context, page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'bantdkt', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Đủ điều kiện đề nghị' }).click();
    await page.waitForURL(/\/eligible-now/);
    await page.locator('.ant-table-row').first().waitFor();

    await page.getByRole('button', { name: 'Xuất Excel toàn bộ' }).click();
    const card = page.locator('.vd-job-card');
    await card.waitFor();
    const jobId = await card.getAttribute('data-job-id');
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => card.locator('.ant-progress').count()).toBe(1);
    // the city's people, counted as they are judged, then the file
    await page.locator('.vd-job-card[data-status="succeeded"]').waitFor({ timeout: 90_000 });
    await card.getByText(/^Đã xét [\d.]+ người: [\d.]+ lượt đủ điều kiện\.$/).waitFor();
    await card.getByText('Hoàn thành', { exact: true }).waitFor();
    await page.mouse.move(0, 0);
    await animationsDone(page);
    await screenshot(page, '20-export-all-done');

    const download = card.getByRole('link', { name: /Tải tệp Excel/ });
    const href = await download.getAttribute('href');
    expect(href).toBe(`/api/v1/jobs/${jobId}/output`);
    const res = await context.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Đủ điều kiện đề nghị')!;
    expect(String(ws.getCell('A2').value)).toContain('Ủy ban nhân dân thành phố Hà Nội');
    expect(ws.rowCount).toBeGreaterThan(5);

    // the job is on the server: a reload shows it again
    await page.reload();
    await page.locator(`.vd-job-card[data-job-id="${jobId}"][data-status="succeeded"]`).waitFor();

    await page.getByRole('menuitem', { name: 'Công việc nền' }).click();
    await page.waitForURL(/\/jobs$/);
    const row = page.locator('.vd-job-row').first();
    await row.getByText('Hoàn thành', { exact: true }).waitFor();
    await row.getByText(/Xuất Excel danh sách đủ điều kiện đề nghị — năm \d{4}/).waitFor();
    expect(await row.getByRole('link', { name: /Tải về/ }).getAttribute('href')).toBe(href);
    await animationsDone(page);
    await screenshot(page, '21-jobs');

    // closing the card on the page that started it keeps it closed for the session
    await page.goBack();
    await page.waitForURL(/\/eligible-now/);
    await page.locator('.vd-job-card').getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => page.locator('.vd-job-card').count()).toBe(0);
    await page.reload();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.vd-job-card').count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });
});

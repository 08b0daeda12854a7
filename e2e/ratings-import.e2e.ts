/**
 * An officer imports the year-end ratings of their ward from Excel: downloads the ward's template, fills a
 * few people's ratings with one word the law does not have, sees that row refused with its reason and
 * nothing written, fixes it and imports again: every rating written. Also the people list's Excel export.
 */
import ExcelJS from 'exceljs';
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

interface Person {
  code: string | null;
  name: string;
  birth: Date | null;
  unit: string;
}

/** The officer's own sheet: a title, the template's header, and the people with their ratings. */
async function filledSheet(people: Person[], ratings: string[], year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Xếp loại ${year}`);
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = `DANH SÁCH XẾP LOẠI NĂM ${year}`;
  ws.addRow([]);
  ws.getRow(3).values = ['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Xếp loại'];
  people.forEach((p, i) => {
    const row = ws.getRow(4 + i);
    row.values = [i + 1, p.code ?? undefined, p.name, p.birth ?? undefined, p.unit, ratings[i]];
    row.getCell(4).numFmt = 'dd/mm/yyyy';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function ratedThisYear(page: Page, people: Person[], year: number): Promise<boolean[]> {
  return Promise.all(
    people.map(async (p) => {
      const res = await page.context().request.get(`/api/v1/people?q=${encodeURIComponent(p.name)}&limit=50`);
      const body = (await res.json()) as {
        items: { code: string | null; fullName: string; latestRating: { year: number } | null }[];
      };
      const me = body.items.find((x) => x.fullName === p.name && (x.code ?? null) === p.code);
      return me?.latestRating?.year === year;
    }),
  );
}

describe('Excel import of year-end ratings', () => {
  it('refuses a file with one bad row and writes nothing, then writes every row of the fixed file', async () => {
    const { page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'canbo', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).click();
    await page.getByRole('heading', { name: 'Cán bộ, người lao động', level: 3 }).waitFor();

    await page.locator('.vd-import-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Tất cả hoặc không').waitFor();
    // the year chosen by default: this year
    const year = new Date().getFullYear();
    await dialog.locator('.vd-import-year').getByText(String(year)).waitFor();

    // the ward's template: its people, the rating column empty
    const href = await dialog.locator('a.vd-import-template').getAttribute('href');
    const template = await page.context().request.get(href!);
    expect(template.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(4).getCell(3).value).toBe('Họ và tên');
    const people: Person[] = [];
    for (let r = 5; r <= ws.rowCount && people.length < 5; r++) {
      const row = ws.getRow(r);
      if (row.getCell(6).value) continue;
      people.push({
        code: (row.getCell(2).value as string | null) ?? null,
        name: row.getCell(3).value as string,
        birth: (row.getCell(4).value as Date | null) ?? null,
        unit: row.getCell(5).value as string,
      });
    }
    expect(people).toHaveLength(5);
    expect(await ratedThisYear(page, people, year)).toEqual([false, false, false, false, false]);
    await screenshot(page, 'ratings-import-1-dialog', { fullPage: false });

    // one word the law does not have: the whole file is refused, the row named with its reason
    const bad = await filledSheet(
      people,
      ['HTXS', 'Hoàn thành tốt nhiệm vụ', 'Tốt', 'HT', 'hoàn thành tốt'],
      year,
    );
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'xep-loai-phuong.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await dialog.getByText('xep-loai-phuong.xlsx').waitFor();
    await dialog.locator('.vd-import-start').click();
    const refused = dialog.locator('.vd-import-refused');
    await refused.waitFor({ timeout: 60_000 });
    await refused.getByText('Không ghi dòng nào: 1/5 dòng bị từ chối.').waitFor();
    const problemRow = refused.locator('.vd-import-problems tbody tr').filter({ hasText: people[2]!.name });
    await expect.poll(() => problemRow.count()).toBe(1);
    expect(await problemRow.innerText()).toContain('6'); // the sheet's row 6: header on row 3, third person
    expect(await problemRow.innerText()).toContain('"Tốt" không có trong quy định');
    const report = await page
      .context()
      .request.get((await dialog.locator('a.vd-import-report').getAttribute('href'))!);
    expect(report.status()).toBe(200);
    expect(await ratedThisYear(page, people, year)).toEqual([false, false, false, false, false]);
    await screenshot(page, 'ratings-import-2-refused', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'ratings-import-2-refused-phone', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 900 });

    // fixed: every row written
    await dialog.locator('.vd-import-again').click();
    const good = await filledSheet(
      people,
      ['HTXS', 'Hoàn thành tốt nhiệm vụ', 'HTT', 'HT', 'hoàn thành tốt'],
      year,
    );
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'xep-loai-phuong-da-sua.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good,
    });
    await dialog.getByText('xep-loai-phuong-da-sua.xlsx').waitFor();
    await dialog.locator('.vd-import-start').click();
    const written = dialog.locator('.vd-import-written');
    await written.waitFor({ timeout: 60_000 });
    await written.getByText(`Đã ghi 5 kết quả xếp loại năm ${year}.`).waitFor();
    expect(await written.locator('.vd-import-added .ant-statistic-content').innerText()).toBe('5');
    expect(await ratedThisYear(page, people, year)).toEqual([true, true, true, true, true]);
    await screenshot(page, 'ratings-import-3-written', { fullPage: false });
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();

    // the people list exported with its filters, as a background job
    await page.locator('.vd-people-export').click();
    const card = page.locator('.vd-job-card');
    await card.locator('[data-status="succeeded"]').first().waitFor({ timeout: 60_000 });
    const file = await page
      .context()
      .request.get((await card.getByRole('link').first().getAttribute('href'))!);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load((await file.body()) as unknown as ArrayBuffer);
    const sheet = exported.worksheets[0]!;
    expect(sheet.getRow(4).getCell(3).value).toBe('Họ và tên');
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 4) names.push(row.getCell(3).value as string);
    });
    for (const p of people) expect(names).toContain(p.name);
    expect(problems).toEqual([]);
  });
});

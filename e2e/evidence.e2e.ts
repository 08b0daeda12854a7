/**
 * An officer attaches evidence to an initiative: uploads a scan, sees it listed with its size and a
 * download link that gives back the same bytes, is told in Vietnamese why a disguised file is refused,
 * and removes the evidence again. A head of unit sees the files but no upload control.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfBytes, pngBytes, sha256 } from '../server/test/file-fixtures';
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

describe('evidence files of an initiative', () => {
  it('uploads, lists, downloads, refuses a disguised file and removes', async () => {
    const { context, page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'canbo', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).waitFor();

    const found = (await (
      await context.request.get(`/api/v1/people?q=${encodeURIComponent('Nguyễn Văn Đức')}`)
    ).json()) as { items: { id: string; fullName: string }[] };
    const person = found.items.find((p) => p.fullName === 'Nguyễn Văn Đức');
    expect(person, 'the demo officer’s Nguyễn Văn Đức').toBeDefined();
    if (!person) return;
    const detail = (await (await context.request.get(`/api/v1/people/${person.id}`)).json()) as {
      initiatives: { id: string; title: string }[];
    };
    const initiative = detail.initiatives[0];
    expect(initiative, 'an initiative on record').toBeDefined();
    if (!initiative) return;

    await page.goto(`/people/${person.id}`);
    await page.getByRole('heading', { name: person.fullName, level: 2 }).waitFor();
    await page.getByRole('tab', { name: /Sáng kiến, đề tài/ }).click();
    const evidence = page.getByTestId(`evidence-${initiative.id}`);
    await evidence.getByText('Chưa có tệp minh chứng.').waitFor();

    const png = pngBytes(120, 80, [200, 16, 46]);
    await evidence
      .locator('input[type=file]')
      .setInputFiles({ name: 'Ảnh bằng khen.png', mimeType: 'image/png', buffer: png });
    const link = evidence.getByRole('link', { name: 'Ảnh bằng khen.png' });
    await link.waitFor();
    await evidence.getByText(/^\d+ B · /).waitFor();
    const href = await link.getAttribute('href');
    const download = await context.request.get(href!);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(sha256(await download.body())).toBe(sha256(png));

    // A slow connection: the upload shows its progress.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 64 * 1024,
    });
    const scan = Buffer.concat([pdfBytes('Quyet dinh cong nhan sang kien'), Buffer.alloc(400 * 1024, 0x20)]);
    await evidence
      .locator('input[type=file]')
      .setInputFiles({ name: 'Quyết định công nhận.pdf', mimeType: 'application/pdf', buffer: scan });
    await evidence.locator('.ant-upload-list .ant-progress').waitFor();
    await evidence.scrollIntoViewIfNeeded();
    await screenshot(page, '19-initiative-evidence-progress', { fullPage: false });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await evidence.getByRole('link', { name: 'Quyết định công nhận.pdf' }).waitFor({ timeout: 60_000 });

    // A head of unit reads the evidence but has no upload control.
    const head = await openPage(browser, baseUrl);
    await logIn(head.page, 'lanhdao', 'vinhdanh');
    await head.page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).waitFor();
    await head.page.goto(`/people/${person.id}`);
    await head.page.getByRole('tab', { name: /Sáng kiến, đề tài/ }).click();
    const seen = head.page.getByTestId(`evidence-${initiative.id}`);
    await seen.getByRole('link', { name: 'Ảnh bằng khen.png' }).waitFor();
    expect(await seen.getByRole('button', { name: 'Tải lên tệp minh chứng' }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: /Gỡ tệp/ }).count()).toBe(0);
    expect(head.problems).toEqual([]);
    await head.context.close();

    // PNG bytes under a .pdf name: the server's own message is shown beside the upload.
    await evidence
      .locator('input[type=file]')
      .setInputFiles({ name: 'Quyết định.pdf', mimeType: 'application/pdf', buffer: pngBytes(3, 3) });
    const refusal = evidence.locator('.ant-alert-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(
      'Tệp "Quyết định.pdf" có nội dung là PNG, không khớp với phần mở rộng ".pdf".',
    );
    await evidence.scrollIntoViewIfNeeded();
    await screenshot(page, '20-initiative-evidence', { fullPage: false });

    await evidence.getByRole('button', { name: 'Gỡ tệp: Ảnh bằng khen.png' }).click();
    await page.locator('.ant-popconfirm:visible').waitFor();
    await animationsDone(page);
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Gỡ' }).click();
    await link.waitFor({ state: 'detached' });
    await evidence.getByRole('button', { name: 'Gỡ tệp: Quyết định công nhận.pdf' }).click();
    await page.locator('.ant-popconfirm:visible').waitFor();
    await animationsDone(page);
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Gỡ' }).click();
    await evidence.getByText('Chưa có tệp minh chứng.').waitFor();

    // The refused upload answers 415 on purpose; nothing else may go wrong.
    expect(problems.filter((p) => !/status of 415/.test(p))).toEqual([]);
    await context.close();
  });
});

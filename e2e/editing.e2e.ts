/**
 * An officer's working day: the ward officer corrects a colleague's details (meeting a version conflict
 * on the way, and reloading), moves them to a unit of the ward with a new leadership post, and records an
 * award picked from the catalogue by typing its name without diacritics. The board then creates a unit
 * under the ward and merges it into a school of the ward, told beforehand what the merger will do.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { animationsDone, chooseOption, chooseTreeOption, logIn, openPage } from './support/pages';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  validTo: string | null;
}
interface Person {
  id: string;
  fullName: string;
  orgUnitId: string;
  version: number;
  ethnicity: string;
  memberships: { fromDate: string; toDate: string | null }[];
  positions: { title: string; fromDate: string; toDate: string | null }[];
  awards: { awardCode: string; year: number }[];
}

/** Today in Vietnam, as the server counts it (yyyy-mm-dd). */
const todayVn = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

async function openDialog(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await animationsDone(page);
  return dialog;
}

describe('an officer’s working day', () => {
  it('edits a person, moves them with a new post and records an award from the catalogue', async () => {
    const { context, page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'canbo', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).waitFor();

    const me = (await (await context.request.get('/api/v1/me')).json()) as { orgUnitId: string };
    const units = ((await (await context.request.get('/api/v1/org-units')).json()) as { items: Unit[] })
      .items;
    const target = units.find((u) => u.parentId === me.orgUnitId && u.validTo === null);
    expect(target, 'an active unit under the ward').toBeDefined();
    const list = (await (
      await context.request.get(`/api/v1/people?orgUnitId=${me.orgUnitId}&limit=100`)
    ).json()) as { items: { id: string; orgUnitId: string }[] };
    // someone of the ward itself whose membership and posts began before today
    let person: Person | undefined;
    // (not the colleagues other journeys look for by name)
    const named = ['Nguyễn Văn Đức', 'Đặng Thị Hồng'];
    for (const p of list.items.filter((x) => x.orgUnitId === me.orgUnitId)) {
      const d = (await (await context.request.get(`/api/v1/people/${p.id}`)).json()) as Person;
      if (named.includes(d.fullName)) continue;
      const today = todayVn();
      if (
        d.memberships.every((m) => m.toDate !== null || m.fromDate < today) &&
        d.positions.every((x) => x.toDate !== null || x.fromDate < today) &&
        d.positions.some((x) => x.toDate === null)
      ) {
        person = d;
        break;
      }
    }
    expect(person, 'a person of the ward with a post').toBeDefined();
    if (!person || !target) return;

    // 1. Edit the details; someone else saves first, the form says so and reloads on request.
    await page.goto(`/people/${person.id}`);
    await page.getByRole('heading', { name: person.fullName, level: 2 }).waitFor();
    let dialog = await openDialog(page, 'Sửa thông tin');
    await dialog.getByLabel('Dân tộc').fill('Mường');
    const other = await context.request.patch(`/api/v1/people/${person.id}`, {
      data: { version: person.version, ethnicity: 'Tày' },
    });
    expect(other.status()).toBe(200);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const conflict = dialog.locator('.vd-version-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('người khác thay đổi');
    await screenshot(page, '20-person-edit-conflict', { fullPage: false });
    await conflict.getByRole('button', { name: 'Tải lại' }).click();
    await dialog.getByLabel('Dân tộc').waitFor();
    await page.waitForFunction(
      () => (document.querySelector('input#ethnicity') as HTMLInputElement | null)?.value === 'Tày',
    );
    await dialog.getByLabel('Dân tộc').fill('Mường');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-descriptions').getByText('Mường', { exact: true }).waitFor();

    // 2. Move to a unit of the ward with a new leadership post, from today.
    dialog = await openDialog(page, 'Chuyển công tác');
    await chooseTreeOption(page, dialog.getByLabel('Chuyển đến đơn vị'), target.name);
    await dialog.getByLabel('Chức vụ mới').fill('Phó Thủ trưởng đơn vị');
    await dialog.getByText('Là chức vụ lãnh đạo, quản lý').click();
    const summary = dialog.locator('.vd-move-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(target.name);
    expect(await summary.innerText()).toContain('Phó Thủ trưởng đơn vị');
    await screenshot(page, '21-person-move', { fullPage: false });
    await dialog.getByRole('button', { name: 'Chuyển công tác' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-descriptions').getByRole('link', { name: target.name }).waitFor();

    await page.getByRole('tab', { name: /Quá trình công tác/ }).click();
    const row = page.locator('.vd-positions .ant-table-row').filter({ hasText: 'Phó Thủ trưởng đơn vị' });
    await row.getByText('Lãnh đạo, quản lý').waitFor();
    await screenshot(page, '22-person-career');
    const moved = (await (await context.request.get(`/api/v1/people/${person.id}`)).json()) as Person & {
      positions: { title: string; isLeadership: boolean; toDate: string | null }[];
    };
    expect(moved.orgUnitId).toBe(target.id);
    expect(moved.memberships.filter((m) => m.toDate === null)).toHaveLength(1);
    expect(moved.positions.filter((p) => p.toDate === null)).toEqual([
      expect.objectContaining({ title: 'Phó Thủ trưởng đơn vị', isLeadership: true }),
    ]);

    // 3. Record an award picked from the catalogue, typed without diacritics.
    const year = [2019, 2018, 2017, 2016, 2015].find(
      (y) => !moved.awards.some((a) => a.awardCode === 'CSTDCS' && a.year === y),
    )!;
    await page.getByRole('tab', { name: /Khen thưởng đã nhận/ }).click();
    dialog = await openDialog(page, 'Thêm khen thưởng');
    const picker = dialog.getByLabel('Danh hiệu, hình thức khen thưởng');
    await picker.click();
    await picker.fill('chien si thi dua co so');
    const option = page.locator(
      '.ant-select-dropdown:visible .ant-select-item-option[title="Chiến sĩ thi đua cơ sở"]',
    );
    await option.waitFor();
    expect(await option.innerText()).toContain('CSTDCS');
    await page.locator('.ant-select-dropdown:visible').getByText('Cơ sở · Danh hiệu thi đua').waitFor();
    await screenshot(page, '23-award-picker', { fullPage: false });
    await option.click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await dialog.getByLabel('Năm', { exact: true }).fill(String(year));
    await dialog.getByLabel('Số quyết định').fill(`E2E-${year}/QĐ-UBND`);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('tabpanel')
      .locator('.ant-table-row')
      .filter({ hasText: `E2E-${year}/QĐ-UBND` })
      .getByText('Chiến sĩ thi đua cơ sở')
      .waitFor();
    const after = (await (await context.request.get(`/api/v1/people/${person.id}`)).json()) as Person;
    expect(after.awards.some((a) => a.awardCode === 'CSTDCS' && a.year === year)).toBe(true);

    // the edit conflict answered 409 on purpose; nothing else may go wrong
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    await context.close();
  });
});

describe('the board reorganises a ward', () => {
  it('creates a unit under the ward and merges it into another, told first what will happen', async () => {
    const { context, page, problems } = await openPage(browser, baseUrl);
    await logIn(page, 'bantdkt', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Cơ cấu tổ chức' }).waitFor();
    const units = ((await (await context.request.get('/api/v1/org-units')).json()) as { items: Unit[] })
      .items;
    const ward = units.find((u) => u.name === 'Phường Hoàn Kiếm' && u.validTo === null);
    // the unit is merged into a school of the ward (the ward's own lineage stays as other journeys know it)
    const school = units.find((u) => u.parentId === ward?.id && u.kind === 'public_service' && !u.validTo);
    expect(ward, 'the demo ward').toBeDefined();
    expect(school, 'a school of the ward').toBeDefined();
    if (!ward || !school) return;

    await page.goto(`/org-units?unit=${ward.id}`);
    await page.getByRole('heading', { name: ward.name, level: 4 }).waitFor();
    const name = `Câu lạc bộ Thơ ${Date.now().toString(36)}`;
    let dialog = await openDialog(page, 'Thêm đơn vị trực thuộc');
    await dialog.getByLabel('Tên đơn vị').fill(name);
    await chooseOption(page, dialog.getByLabel('Loại hình'), 'Đoàn thể');
    await dialog.getByLabel('Mã đơn vị').fill(`HN.E2E-${Date.now().toString(36).toUpperCase()}`);
    const from = dialog.getByLabel('Hoạt động từ ngày');
    await from.click();
    await from.fill('01/01/2025');
    await from.press('Enter');
    await screenshot(page, '24-unit-create', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name, level: 4 }).waitFor();
    const created = (
      (await (await context.request.get('/api/v1/org-units')).json()) as {
        items: (Unit & { validFrom: string })[];
      }
    ).items.find((u) => u.name === name)!;
    expect(created).toMatchObject({ parentId: ward.id, kind: 'mass_org', validFrom: '2025-01-01' });

    // somebody works there, so the merger has someone to move
    const added = await context.request.post('/api/v1/people', {
      data: {
        fullName: 'Lê Thị Thơ',
        gender: 'female',
        category: 'worker',
        orgUnitId: created.id,
        startedOn: '2025-03-01',
      },
    });
    expect(added.status()).toBe(201);
    await page.reload();
    await page.getByRole('heading', { name, level: 4 }).waitFor();

    dialog = await openDialog(page, 'Sáp nhập vào…');
    await chooseTreeOption(page, dialog.getByLabel('Sáp nhập vào đơn vị'), school.name);
    const summary = dialog.locator('.vd-merge-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toContain(`1 cán bộ chuyển sang ${school.name}`);
    expect(text).toContain('Không có đơn vị trực thuộc đang hoạt động');
    await screenshot(page, '25-unit-merge', { fullPage: false });
    await dialog.getByRole('button', { name: 'Sáp nhập' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: school.name, level: 4 }).waitFor();
    await page.locator('.vd-lineage-link').filter({ hasText: name }).waitFor();
    await screenshot(page, '26-unit-merged');

    const person = (await added.json()) as { id: string };
    const moved = (await (await context.request.get(`/api/v1/people/${person.id}`)).json()) as Person;
    expect(moved.orgUnitId).toBe(school.id);
    const merged = (await (await context.request.get(`/api/v1/org-units/${created.id}`)).json()) as Unit & {
      mergedIntoId: string;
    };
    expect(merged).toMatchObject({ mergedIntoId: school.id, validTo: expect.any(String) });

    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * The administrator opens an account for a new ward officer bound to "Phường Hoàn Kiếm", hands over the
 * generated password, resets it once more; the officer logs in with the new one, is sent to "Tài khoản của
 * tôi" to choose their own password, and then works in their ward.
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

/** The password the dialog shows once, after waiting for it; the dialog is then closed. */
async function takeShownPassword(page: Page, shot: string): Promise<string> {
  const shown = page.getByTestId('temporary-password');
  await shown.waitFor();
  const password = (await shown.innerText()).trim();
  await animationsDone(page);
  await screenshot(page, shot, { fullPage: false });
  await page.getByRole('button', { name: 'Đã ghi lại, đóng' }).click();
  await shown.waitFor({ state: 'detached' });
  return password;
}

describe('an administrator and a new ward officer', () => {
  it('creates the officer in Phường Hoàn Kiếm, resets the password, and the officer logs in with it', async () => {
    const username = `canbo.hk.${Date.now().toString(36)}`;
    const admin = await openPage(browser, baseUrl);
    const page = admin.page;
    await logIn(page, 'admin', 'vinhdanh');
    await page.getByRole('menuitem', { name: 'Người dùng' }).click();
    await page.waitForURL(/\/users/);
    await page.getByRole('heading', { name: 'Người dùng', level: 3 }).waitFor();
    await page.getByText('Tài khoản bị khóa tạm thời').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'users-01-list');

    // a new account: no password typed, so the server generates one
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.waitFor();
    await animationsDone(page);
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    const unit = dialog.getByRole('combobox', { name: /Đơn vị$/ });
    await unit.click();
    await unit.fill('hoan kiem');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper')
      .filter({ hasText: /^Phường Hoàn Kiếm$/ })
      .click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    expect(await dialog.getByRole('checkbox', { name: 'Cán bộ TĐKT' }).isChecked()).toBe(true);
    await screenshot(page, 'users-02-create', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const first = await takeShownPassword(page, 'users-03-password-once');
    expect(first).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);

    // the new account in the list, found by its user name
    await page.getByPlaceholder('Tìm theo họ tên hoặc tên đăng nhập').fill(username);
    await page.waitForURL((url) => url.searchParams.get('q') === username);
    const row = page.locator('.ant-table-row').filter({ hasText: username });
    await row.getByText('Phường Hoàn Kiếm').waitFor();
    await row.getByText('Cán bộ TĐKT').waitFor();
    await row.getByText('Chờ đổi mật khẩu').waitFor();

    // reset: a second generated password replaces the first
    await row.getByRole('button', { name: `Thao tác khác: ${username}` }).click();
    await page.getByRole('menuitem', { name: 'Đặt lại mật khẩu' }).click();
    const reset = page.getByRole('dialog', { name: 'Đặt lại mật khẩu cho Nguyễn Thị Hoa' });
    await reset.waitFor();
    await animationsDone(page);
    await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const second = await takeShownPassword(page, 'users-04-password-reset');
    expect(second).not.toBe(first);
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    // the officer: the first password no longer works, the second does, and leads to "Tài khoản của tôi"
    const officer = await openPage(browser, baseUrl);
    const old = await officer.context.request.post('/api/v1/auth/login', {
      data: { username, password: first },
    });
    expect(old.status()).toBe(401);
    await logIn(officer.page, username, second);
    await officer.page.waitForURL(/\/account$/);
    await officer.page.getByText('Mật khẩu của bạn do quản trị viên cấp').waitFor();
    await officer.page.getByText('Phiên này', { exact: true }).waitFor();
    await screenshot(officer.page, 'users-05-must-change');
    await officer.page.getByLabel('Mật khẩu hiện tại').fill(second);
    await officer.page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-cua-hoa');
    await officer.page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-cua-hoa');
    await officer.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await officer.page.getByText('Đã đổi mật khẩu').waitFor();
    await officer.page.getByText('Mật khẩu của bạn do quản trị viên cấp').waitFor({ state: 'detached' });

    // now at work in the ward
    await officer.page.getByRole('menuitem', { name: 'Cán bộ, người lao động' }).click();
    await officer.page.waitForURL(/\/people/);
    await officer.page.locator('.ant-table-row').first().waitFor();
    const me = (await (await officer.context.request.get('/api/v1/me')).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      username,
      fullName: 'Nguyễn Thị Hoa',
      roles: ['officer'],
      orgUnitName: 'Phường Hoàn Kiếm',
      mustChangePassword: false,
    });
    expect(officer.problems).toEqual([]);
    await officer.context.close();
  });
});

/** Page helpers shared by the journeys. */
import { todayInVietnam } from '../../web/src/lib/dates';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { watchProblems } from './browser';

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and warnings seen so far (expected 401s left out). */
  problems: string[];
}

/** A fresh browser context (no cookies) on a desktop-sized window, in Vietnamese and Hanoi time. */
export async function openPage(browser: Browser, baseUrl: string): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page, problems: watchProblems(page) };
}

/** Signs in through the login form, as a user would. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/**
 * Picks an option of an antd Select by its label: opens the list, clicks the option and waits until the
 * field shows it and the list has closed (an open list would cover the dialog's buttons). Tries again if
 * the list closed by itself in between (a dialog taking the focus at the end of its animation does that).
 */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  const field = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await select.click();
      // a list that closed by itself does not come back: try again soon rather than wait the whole timeout
      await option.click({ timeout: 3000 });
      await field.locator(`[title="${label}"]`).waitFor({ timeout: 8000 });
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached', timeout: 8000 });
      return;
    } catch (error) {
      if (attempt >= 6) throw error;
    }
  }
}

/**
 * Waits until no CSS animation or transition is running. antd dialogs move the focus to themselves
 * when their opening animation ends, which would close a list opened during the animation.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[class*="-appear"], [class*="-enter"]') &&
      document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

/**
 * The demo city's last completed year, where its scripted people stand (Nguyễn Văn Đức just eligible for the
 * city's title). In December the screens start at the year under way instead (contract/calendar.ts), so
 * journeys about those people choose this year.
 */
export const DEMO_LAST_YEAR = Number(todayInVietnam().slice(0, 4)) - 1;

/** Choose the achievement year in a year selector (the eligibility screens' "Năm xét thành tích"). */
export async function chooseYear(page: Page, scope: Locator | Page, year: number): Promise<void> {
  await chooseOption(page, scope.getByLabel('Năm xét thành tích').first(), `Năm ${year}`);
}

/**
 * Picks a unit in an OrgUnitPicker (an antd TreeSelect) by its name: opens it, types the name (the
 * picker searches without diacritics) and clicks the matching node; waits until the list has closed.
 */
export async function chooseTreeOption(page: Page, select: Locator, label: string): Promise<void> {
  const field = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const node = page.locator(
    `.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${label}"]`,
  );
  for (let attempt = 1; ; attempt += 1) {
    try {
      await select.click();
      await select.fill(label);
      await node.first().click({ timeout: 3000 });
      await field.locator(`[title="${label}"]`).waitFor({ timeout: 8000 });
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached', timeout: 8000 });
      return;
    } catch (error) {
      if (attempt >= 6) throw error;
    }
  }
}

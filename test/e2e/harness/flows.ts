import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from './extension.ts';

/** Sets the API up the way a user does: the options page, Save, and a green connection test. */
export async function configureApi(browser: Browser, baseUrl: string, token: string): Promise<Page> {
  const page = await browser.options();
  await page.getByTestId('api-base-url').fill(baseUrl);
  await page.getByTestId('api-token').fill(token);
  await page.getByTestId('save-settings').click();
  await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
  return page;
}

/** Polls until `fn` returns a value that is not undefined/null/false, or fails with `what`. */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 30_000, everyMs = 200): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await fn();
    if (last !== undefined && last !== null && last !== false) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}

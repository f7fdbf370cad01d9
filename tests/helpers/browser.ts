import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import type User from '#models/user'
import { serverUrl } from '#tests/helpers/live'

/**
 * Debian's Chromium (installed by .ci/run); Playwright downloads nothing here.
 */
export function launchChromium(options: Pick<LaunchOptions, 'headless' | 'slowMo'>) {
  return chromium.launch({
    ...options,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * A member signed in through the real login form, in a browser context of
 * their own (cookies, storage and event stream of their own), at `viewport`
 * when given.
 */
export async function signedIn(
  browser: Browser,
  user: User,
  viewport?: { width: number; height: number }
) {
  const context = await browser.newContext({ baseURL: serverUrl(), viewport })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Email or username').fill(user.username)
  await page.getByLabel('Password').fill(FACTORY_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForSelector('.user-menu')
  return page
}

/**
 * Whether the page is wider than the window (a phone would scroll sideways).
 */
export function overflowsSideways(page: Page) {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')
}

/**
 * Opens `path` and waits until live.js has subscribed to the member's
 * notifications channel, so an event sent next reaches the page.
 */
export async function openLive(page: Page, path: string) {
  const subscribed = page.waitForResponse(
    (response) => response.url().endsWith('/__transmit/subscribe') && response.status() === 204
  )
  await page.goto(path)
  await subscribed
}

import { chromium, type Browser, type LaunchOptions, type Page, type Request } from 'playwright'
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
 * Opens `path` and waits until live.js on the new page has subscribed to
 * each of `channels` (to some channel when none are named), so an event
 * sent next reaches it.
 */
export function openLive(page: Page, path: string, channels: string[] = []) {
  return followingLive(page, channels, () => page.goto(path))
}

/**
 * Runs `navigate` (a link, a form that redirects…) and waits until the page
 * it leads to has subscribed to each of `channels` (to some channel when
 * none are named). Only the new page's own stream counts: the page before
 * it (the dashboard a sign-in lands on, say) may still have a subscribe
 * answered a moment later, on a stream about to close.
 */
export async function followingLive(
  page: Page,
  channels: string[],
  navigate: () => Promise<unknown>
) {
  const newStreams = new Set<string>()
  const onRequest = (request: Request) => {
    const url = new URL(request.url())
    if (url.pathname === '/__transmit/events') newStreams.add(url.searchParams.get('uid') ?? '')
  }
  const waiting = new Set(channels)
  page.on('request', onRequest)
  try {
    const subscribed = page.waitForResponse((response) => {
      if (!response.url().endsWith('/__transmit/subscribe') || response.status() !== 204) {
        return false
      }
      const { uid, channel } = response.request().postDataJSON() ?? {}
      if (!newStreams.has(uid)) return false
      waiting.delete(channel)
      return waiting.size === 0
    })
    await navigate()
    await subscribed
  } finally {
    page.off('request', onRequest)
  }
}

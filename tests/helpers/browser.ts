import { chromium, type LaunchOptions } from 'playwright'

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

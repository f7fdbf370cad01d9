import { test } from '@japa/runner'

test.group('Home page', () => {
  test('shows the board to a visitor', async ({ visit }) => {
    const page = await visit('/')
    await page.assertTextContains('h1', 'Bounty board')
  })
})

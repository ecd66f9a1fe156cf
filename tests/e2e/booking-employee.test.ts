// Path 1 of the booking issue, in real Chromium against a fresh stack: João books a virtual
// session with Ana from /user/sessions -> "Marcar sessão", and sees it on /user/sessions at
// once, scrolled into view and marked "Nova", with "Link em preparação" (the link is the
// prestador's to add). The day is found from the UI's own day picker (Ana is away on the
// first day of next month).
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatSessionDateTime } from '../../src/features/meeting-link/lib/format-session-time'
import { formatInstant } from '../../src/lib/format-date'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { chooseFirstFreeSlot, dayGrid, dayNameOf, nextWeeks, pick } from './support/booking-form'

const ZONE = 'Europe/Lisbon'

let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async () => {
  await context?.close()
  context = undefined
})
afterAll(async () => {
  await browser?.close()
})

describe('booking path 1: the employee books', () => {
  it('João books a virtual session with Ana and sees it at once with "Link em preparação"', async () => {
    context = await newContext(browser)
    const page = await context.newPage()
    await signIn(page, 'joao@encontro.test')
    await page.waitForURL('**/user/sessions')

    await page.getByRole('link', { name: 'Marcar sessão' }).click()
    await page.waitForURL('**/user/book')
    await page.getByRole('heading', { name: 'Marcar sessão', level: 1 }).waitFor()

    await pick(page.getByRole('radio', { name: 'Bem-estar físico' }))
    const ana = page.getByRole('radio', { name: /Dra\. Ana Ferreira/ })
    await pick(ana)
    await expect(page.getByText('Fisioterapia').isVisible()).resolves.toBe(true)
    // Only prestadores of the pillar: Pedro (Saúde mental) is not offered.
    await expect(page.getByRole('radio', { name: /Pedro/ }).count()).resolves.toBe(0)

    const slot = await chooseFirstFreeSlot(page, nextWeeks(2))
    // Times in the viewer's zone ("09:00"), the first slot of Ana's day.
    expect(slot.time).toMatch(/^\d{2}:\d{2}$/)
    expect(slot.time).toBe(formatSessionDateTime(slot.startsAt, ZONE).slice(-5))
    await pick(page.getByRole('radio', { name: /^Virtual/ }))
    await screenshot(page, 'booking-employee-wizard')

    await page.getByRole('button', { name: 'Confirmar marcação' }).click()
    await page.waitForURL('**/user/sessions#session-*')
    // "seg., 30 nov., 09:00–09:45": the weekday, the start and the end.
    await page.getByRole('status').filter({ hasText: `Sessão marcada com Dra. Ana Ferreira: ${formatInstant(slot.startsAt, ZONE)}–` }).waitFor()

    // The new session: the one the address names, scrolled into view, focused and marked "Nova".
    const card = page.locator('article[data-highlighted="true"]')
    await card.waitFor()
    expect(`#${await card.getAttribute('id')}`).toBe(new URL(page.url()).hash)
    await expect(card.filter({ hasText: 'Dra. Ana Ferreira' }).count()).resolves.toBe(1)
    await card.getByText('Nova', { exact: true }).waitFor()
    await expect(card.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    const box = (await card.boundingBox())!
    const viewport = page.viewportSize()!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeLessThan(viewport.height)
    await expect(page.locator('article[data-highlighted="true"]').count()).resolves.toBe(1)
    await card.getByText('Link em preparação').waitFor()
    await expect(card.getByText('Virtual').first().isVisible()).resolves.toBe(true)
    // No placeholder link anywhere on the card.
    await expect(card.getByRole('link', { name: /Entrar/ }).count()).resolves.toBe(0)
    await screenshot(page, 'booking-employee-sessions', { fullPage: false })
  })

  it.each([
    [375, 812],
    [1280, 800],
  ])('the day picker at %i px: free days marked, others not pickable, inside the viewport, arrow keys', async (width, height) => {
    context = await newContext(browser)
    const page = await context.newPage()
    await page.setViewportSize({ width, height })
    await signIn(page, 'joao@encontro.test')
    await page.goto('/user/book')
    await pick(page.getByRole('radio', { name: 'Bem-Estar Físico' }))
    await pick(page.getByRole('radio', { name: /Dra\. Ana Ferreira/ }))
    const grid = dayGrid(page)
    await grid.waitFor()
    const days = grid.getByRole('button')
    await expect(days.count()).resolves.toBe(28)
    // The first free day is chosen, with "Primeiro horário livre" offered and its times shown.
    const chosen = grid.locator('button[aria-pressed="true"]')
    await expect(chosen.count()).resolves.toBe(1)
    expect(await dayNameOf(chosen)).toMatch(/^(Hoje, |Amanhã, )?[a-zç-]+(-feira)?, \d+ de [a-zç]+, \d+ horários? livres?$/)
    await page.getByRole('button', { name: /^Primeiro horário livre: / }).waitFor()
    await page.getByRole('group', { name: 'Horário' }).getByRole('radio').first().waitFor()
    // Ana does not work on Sundays (seed: Monday to Saturday): that column is not pickable.
    for (const index of [6, 13, 20, 27]) {
      expect(await days.nth(index).getAttribute('aria-disabled')).toBe('true')
    }
    const today = grid.getByRole('button', { name: /^Hoje, / })
    await expect(today.count()).resolves.toBe(1)
    await expect(today.locator('[aria-hidden="true"]').filter({ hasText: /^Hoje$/ }).count()).resolves.toBe(1)
    // Nothing of the picker outside the viewport, and no horizontal scrolling.
    for (const button of await page.locator('main button').all()) {
      const box = (await button.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(width)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    // One tab stop; the arrows move between days.
    await chosen.focus()
    const before = await chosen.getAttribute('data-day')
    await page.keyboard.press('ArrowDown')
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-day'))
    const [y, m, d] = before!.split('-').map(Number) as [number, number, number]
    expect(focused).toBe(new Date(Date.UTC(y, m - 1, d + 7)).toISOString().slice(0, 10))
    await grid.scrollIntoViewIfNeeded()
    await screenshot(page, `booking-day-picker-${width}`, { fullPage: false })
  })

  it('a form sent incomplete says what is missing, next to each field, and books nothing', async () => {
    context = await newContext(browser)
    const page = await context.newPage()
    await signIn(page, 'joao@encontro.test')
    await page.goto('/user/book')
    await page.getByRole('button', { name: 'Confirmar marcação' }).click()
    await page.getByText('Escolha a área da sessão.').waitFor()
    await page.getByText('Escolha o tipo de sessão.').waitFor()
    // Focus went to the first field with a problem.
    await expect(page.getByRole('group', { name: 'Em que área precisa de apoio?' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    expect(page.url()).toMatch(/\/user\/book$/)
  })
})

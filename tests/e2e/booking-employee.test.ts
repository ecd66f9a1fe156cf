// Path 1 of the booking issue, in real Chromium against a fresh stack: João books a virtual
// session with Ana from /user/sessions -> "Marcar sessão", and sees it on /user/sessions at
// once with "Link em preparação" (the link is the prestador's to add). The day is found
// from the UI's own slot list (Ana is away on the first day of next month).
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatSessionDateTime } from '../../src/features/meeting-link/lib/format-session-time'
import { formatInstant } from '../../src/lib/format-date'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { chooseFirstFreeSlot, nextWeeks, pick } from './support/booking-form'

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
    await page.waitForURL('**/user/sessions')
    const when = formatSessionDateTime(slot.startsAt, ZONE)
    await page.getByRole('status').filter({ hasText: `Sessão marcada com Dra. Ana Ferreira: ${when}.` }).waitFor()

    // Cards show "seg., 30 nov., 15:00–15:50" (src/lib/format-date.ts).
    const card = page.locator('article').filter({ hasText: 'Dra. Ana Ferreira' }).filter({ hasText: formatInstant(slot.startsAt, ZONE) })
    await card.waitFor()
    await card.getByText('Link em preparação').waitFor()
    await expect(card.getByText('Virtual').first().isVisible()).resolves.toBe(true)
    // No placeholder link anywhere on the card.
    await expect(card.getByRole('link', { name: /Entrar/ }).count()).resolves.toBe(0)
    await screenshot(page, 'booking-employee-sessions')
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

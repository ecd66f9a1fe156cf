// The seed's own test steps, in real Chromium against a fresh stack (tests/setup/e2e-app.ts):
// Pedro opens the session that starts in 3 minutes, saves a Zoom link, signs out; João sees
// "Entrar na reunião" pointing at that link, and "Link em preparação" on the 2-hour session.
// Plus: the same modal refuses a reschedule onto another of Pedro's sessions, and Rita's case
// has the same editor. Screenshots go to test-results/e2e/.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { addDays, formatLocalDate, localDateTimeOf } from '../../src/lib/zoned-time'
import { launchBrowser, newContext, screenshot, signIn, signOut } from './support/browser'
import { dayGrid, dayNameOf, pickDay, showDay } from './support/booking-form'

// Fixed ids of supabase/seed.sql.
const IN_3_MINUTES = '30000000-0000-4000-8000-000000000001'
const IN_2_HOURS = '30000000-0000-4000-8000-000000000002'
const RITA_CASE = '30000000-0000-4000-8000-000000000007'
const NEW_LINK = 'https://us02web.zoom.us/j/85512345678?pwd=EncontroE2E'

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

async function freshPage(): Promise<Page> {
  context = await newContext(browser)
  return context.newPage()
}

const card = (page: Page, bookingId: string) => page.locator(`#session-${bookingId}`)

async function openSessionModal(page: Page, bookingId: string, employee = 'João Silva'): Promise<Locator> {
  await card(page, bookingId).getByRole('button', { name: 'Gerir sessão' }).click()
  const dialog = page.getByRole('dialog', { name: `Sessão com ${employee}` })
  await dialog.waitFor()
  return dialog
}

describe('meeting link, prestador -> employee', () => {
  it('Pedro saves a Zoom link; João joins with it and sees "Link em preparação" on the later session', async () => {
    const page = await freshPage()

    // Pedro
    await signIn(page, 'pedro@encontro.test')
    await page.waitForURL('**/prestador/sessions')
    const upcoming = page.getByRole('list', { name: 'Próximas sessões' })
    // The session starting in 3 minutes is the first upcoming card.
    await expect(upcoming.locator('article').first().getAttribute('id')).resolves.toBe(`session-${IN_3_MINUTES}`)

    const dialog = await openSessionModal(page, IN_3_MINUTES)
    const field = dialog.getByLabel('Link da reunião')
    // Focus starts in the modal, on its first field.
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await field.fill(NEW_LINK)
    await dialog.getByText('Plataforma detetada: Zoom').waitFor()
    await dialog.getByRole('button', { name: 'Guardar link' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Link guardado.' }).waitFor()
    await dialog.getByText(/Último a alterar: Dr\. Pedro Santos em/).waitFor()
    expect(await field.inputValue()).toBe(NEW_LINK)
    const prestadorShot = await screenshot(page, 'prestador-sessions-modal', { fullPage: false })

    await dialog.getByRole('button', { name: 'Fechar' }).click()
    await dialog.waitFor({ state: 'detached' })
    // Focus is back on the button that opened the modal.
    await expect(
      card(page, IN_3_MINUTES).getByRole('button', { name: 'Gerir sessão' }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true)
    await card(page, IN_3_MINUTES).getByText('Link definido').waitFor()
    const prestadorPageShot = await screenshot(page, 'prestador-sessions')
    await signOut(page)

    // João
    await signIn(page, 'joao@encontro.test')
    await page.waitForURL('**/user/sessions')
    const join = card(page, IN_3_MINUTES).getByRole('link', { name: 'Entrar na reunião' })
    await join.waitFor()
    expect(await join.getAttribute('href')).toBe(NEW_LINK)
    expect(await join.getAttribute('target')).toBe('_blank')
    expect(await join.getAttribute('rel')).toContain('noopener')
    await card(page, IN_2_HOURS).getByText('Link em preparação').waitFor()
    // The 2-hour session's link is not readable yet (RLS), and no join link is shown for it.
    expect(await card(page, IN_2_HOURS).getByRole('link', { name: 'Entrar na reunião' }).count()).toBe(0)
    const userShot = await screenshot(page, 'user-sessions')

    console.info(`screenshots: ${prestadorShot}, ${prestadorPageShot}, ${userShot}`)
  })
})

describe('session management modal', () => {
  it("the prestador's reschedule offers only Pedro's free slots: no free date or time fields", async () => {
    const page = await freshPage()
    await signIn(page, 'pedro@encontro.test')
    await page.waitForURL('**/prestador/sessions')

    const dialog = await openSessionModal(page, IN_2_HOURS)
    await dialog.getByRole('button', { name: 'Reagendar' }).click()
    await dayGrid(dialog).waitFor()
    expect(await dialog.getByLabel('Nova data').count()).toBe(0)
    expect(await dialog.getByLabel('Hora de início').count()).toBe(0)
    expect(await dialog.getByRole('button', { name: 'Fora do horário' }).count()).toBe(0)
    // Tomorrow 10:00 Lisbon is the seed's phone session with Pedro (10:00-10:50): never offered.
    const tomorrow = formatLocalDate(addDays(localDateTimeOf(Date.now(), 'Europe/Lisbon'), 1))
    const button = await showDay(dialog, tomorrow)
    expect(await dayNameOf(button)).toMatch(/^Amanhã, /)
    if ((await button.getAttribute('aria-disabled')) === 'true') {
      expect(await dayNameOf(button)).toMatch(/sem horários livres$/)
    } else {
      await pickDay(dialog, tomorrow)
      const times = await dialog.getByRole('group', { name: 'Horário' }).getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent?.trim()))
      expect(times).not.toContain('10:00')
    }
    await screenshot(page, 'prestador-reschedule-picker', { fullPage: false })

    // Saved without a time: said next to the times, nothing sent.
    await dialog.getByRole('button', { name: 'Guardar nova data' }).click()
    await dialog.getByText(/^(Escolha um horário livre\.|Indique a data\.)$/).first().waitFor()
    expect(await dialog.getByRole('status').filter({ hasText: /reagendada/ }).count()).toBe(0)
  })

  it("Rita's case opens the same modal with the link editor and reschedule/cancel", async () => {
    const page = await freshPage()
    await signIn(page, 'rita@encontro.test')
    await page.waitForURL('**/especialista/dashboard')
    const dialog = await openSessionModal(page, RITA_CASE)
    await dialog.getByLabel('Link da reunião').waitFor()
    await dialog.getByRole('button', { name: 'Reagendar' }).waitFor()
    await dialog.getByRole('button', { name: 'Cancelar sessão' }).waitFor()
    expect(await dialog.getByRole('button', { name: 'Marcar como realizada' }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })
})

// Path 2 of the booking issue, in real Chromium against a fresh stack: the admin opens
// "Nova sessão" on /admin/operations, books for Maria (empresa -> colaborador -> prestador ->
// horário livre -> tipo), and the session shows on Maria's /user/sessions. Also: the bookings
// table's filters live in the URL and survive a reload.
import type { Browser, BrowserContext, Page } from 'playwright-core'
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

async function personPage(email: string): Promise<Page> {
  context = await newContext(browser)
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

describe('booking path 2: the admin books for an employee', () => {
  it('the admin books a presencial session with Pedro for Maria; it shows on her page', async () => {
    const admin = await personPage('admin@encontro.test')
    await admin.waitForURL('**/admin/operations')
    await admin.getByRole('heading', { name: 'Sem link' }).waitFor()

    const opener = admin.getByRole('button', { name: 'Nova sessão' })
    await opener.click()
    const dialog = admin.getByRole('dialog', { name: 'Nova sessão' })
    await dialog.waitFor()
    // Focus is inside the dialog, on its first field.
    await expect(dialog.getByLabel('Empresa', { exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true)

    await dialog.getByLabel('Empresa', { exact: true }).selectOption({ label: 'Acme Portugal' })
    const employee = dialog.getByLabel('Colaborador', { exact: true })
    await employee.locator('option', { hasText: 'Maria Costa' }).waitFor({ state: 'attached' })
    await employee.selectOption({ label: 'Maria Costa (maria@encontro.test)' })
    await dialog.getByLabel('Prestador', { exact: true }).selectOption({ label: 'Dr. Pedro Santos — Psicologia clínica (Saúde mental)' })
    const slot = await chooseFirstFreeSlot(dialog, nextWeeks(3))
    await pick(dialog.getByRole('radio', { name: /^Presencial/ }))
    await screenshot(admin, 'booking-admin-new-session', { fullPage: false })

    await dialog.getByRole('button', { name: 'Marcar sessão' }).click()
    const when = formatSessionDateTime(slot.startsAt, ZONE)
    await admin.getByRole('status').filter({ hasText: `Sessão marcada para Maria Costa: ${when}.` }).waitFor()
    await dialog.waitFor({ state: 'detached' })
    // Focus back on "Nova sessão".
    await expect(opener.evaluate((el) => el === document.activeElement)).resolves.toBe(true)

    // The table, filtered to presencial sessions of that day, has it (filters in the URL).
    const filters = admin.getByRole('form', { name: 'Filtros' })
    await filters.getByLabel('Tipo', { exact: true }).selectOption('presencial')
    await filters.getByLabel('De', { exact: true }).fill(slot.day)
    await filters.getByLabel('Até', { exact: true }).fill(slot.day)
    await filters.getByRole('button', { name: 'Filtrar' }).click()
    await admin.waitForURL((url) => url.searchParams.get('type') === 'presencial' && url.searchParams.get('from') === slot.day)
    // Lists show "seg., 30 nov., 15:00–15:50" (src/lib/format-date.ts).
    const shown = formatInstant(slot.startsAt, ZONE)
    const row = admin.getByRole('row').filter({ hasText: 'Maria Costa' }).filter({ hasText: shown })
    await row.waitFor()
    await expect(row.getByText('Presencial').isVisible()).resolves.toBe(true)
    // A reload keeps the filters.
    await admin.reload()
    await row.waitFor()
    await expect(admin.getByRole('form', { name: 'Filtros' }).getByLabel('Tipo', { exact: true }).inputValue()).resolves.toBe('presencial')
    await screenshot(admin, 'booking-admin-operations')
    await context!.close()

    const maria = await personPage('maria@encontro.test')
    await maria.waitForURL('**/user/sessions')
    const card = maria.locator('article').filter({ hasText: 'Dr. Pedro Santos' }).filter({ hasText: shown })
    await card.waitFor()
    await expect(card.getByText('Presencial').first().isVisible()).resolves.toBe(true)
    await screenshot(maria, 'booking-admin-maria-sessions')
  })

  it('"Nova sessão" refuses an incomplete form next to each field, keeps the choices and closes with Escape', async () => {
    const admin = await personPage('admin@encontro.test')
    await admin.waitForURL('**/admin/operations')
    await admin.getByRole('button', { name: 'Nova sessão' }).click()
    const dialog = admin.getByRole('dialog', { name: 'Nova sessão' })
    await dialog.getByLabel('Empresa', { exact: true }).selectOption({ label: 'Acme Portugal' })
    await dialog.getByRole('button', { name: 'Marcar sessão' }).click()
    await dialog.getByText('Escolha o colaborador.').waitFor()
    await dialog.getByText('Escolha um prestador.').waitFor()
    await expect(dialog.getByLabel('Empresa', { exact: true }).inputValue()).resolves.not.toBe('')
    await admin.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })
})

// Path 2 of the booking issue, in real Chromium against a fresh stack: the admin opens
// "Nova sessão" on /admin/operations, books for Maria (empresa -> colaborador -> prestador ->
// horário livre -> tipo), and the session shows on Maria's /user/sessions. Also: the bookings
// table's filters live in the URL and survive a reload. And the admin's reschedule: the same
// day picker, plus "Fora do horário" only as a visible, confirmed step.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatDayShort, formatInstant } from '../../src/lib/format-date'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { chooseFirstFreeSlot, dayGrid, nextWeeks, pick } from './support/booking-form'

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
    await admin.getByRole('status').filter({ hasText: `Sessão marcada para Maria Costa: ${formatInstant(slot.startsAt, ZONE)}–` }).waitFor()
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

  it('"Nova sessão" refuses an incomplete form next to each field, keeps the choices; Escape asks before discarding them', async () => {
    const admin = await personPage('admin@encontro.test')
    await admin.waitForURL('**/admin/operations')
    await admin.getByRole('button', { name: 'Nova sessão' }).click()
    const dialog = admin.getByRole('dialog', { name: 'Nova sessão' })
    await dialog.getByLabel('Empresa', { exact: true }).selectOption({ label: 'Acme Portugal' })
    await dialog.getByRole('button', { name: 'Marcar sessão' }).click()
    await dialog.getByText('Escolha o colaborador.').waitFor()
    await dialog.getByText('Escolha um prestador.').waitFor()
    await expect(dialog.getByLabel('Empresa', { exact: true }).inputValue()).resolves.not.toBe('')
    // Escape with choices made asks first; "Descartar" closes.
    await admin.keyboard.press('Escape')
    await admin.getByRole('alertdialog', { name: 'Descartar alterações?' }).getByRole('button', { name: 'Descartar' }).click()
    await dialog.waitFor({ state: 'detached' })
  })

  it.each([
    [375, 812],
    [1280, 800],
  ])('the admin reschedules at %i px: free slots of the prestador, or "Fora do horário" after a confirmation', async (width, height) => {
    const admin = await personPage('admin@encontro.test')
    await admin.setViewportSize({ width, height })
    await admin.waitForURL('**/admin/operations')
    // A seed session of Pedro's (sessions of prestadores other files retired have no free slots).
    await admin.getByRole('button', { name: /^Reagendar: .* com Dr\. Pedro Santos$/ }).first().click()
    const dialog = admin.getByRole('dialog', { name: 'Reagendar sessão' })
    await dialog.waitFor()
    // The day picker: a page of four weeks, a first free day chosen, only its free times.
    await dayGrid(dialog).waitFor()
    await expect(dialog.locator('button[data-day][aria-pressed="true"]').count()).resolves.toBe(1)
    await dialog.getByRole('group', { name: 'Horário' }).getByRole('radio').first().waitFor()
    await expect(dialog.getByLabel('Hora de início').count()).resolves.toBe(0)
    for (const button of await dialog.getByRole('button').all()) {
      const box = (await button.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(width)
    }
    await screenshot(admin, `reschedule-admin-picker-${width}`, { fullPage: false })

    // Outside the hours: free fields, then a confirmation that says so before anything is sent.
    await dialog.getByRole('button', { name: 'Fora do horário' }).click()
    await dialog.getByText('Fora do horário do prestador', { exact: true }).waitFor()
    const sunday = nextWeeks(7)
    await dialog.getByLabel('Nova data', { exact: true }).fill(sunday)
    await dialog.getByLabel('Hora de início', { exact: true }).fill('03:00')
    await dialog.getByRole('button', { name: 'Rever e confirmar' }).click()
    const confirmation = dialog.getByRole('alert').filter({ hasText: 'fora do horário do prestador. Confirma?' })
    await confirmation.waitFor()
    const [y, m, d] = sunday.split('-').map(Number) as [number, number, number]
    expect(await confirmation.textContent()).toContain(`A sessão passa para ${formatDayShort(y, m, d)}, 03:00–`)
    await dialog.getByRole('button', { name: 'Confirmar fora do horário' }).waitFor()
    await screenshot(admin, `reschedule-admin-override-${width}`, { fullPage: false })
    // Changed their mind: back to the free slots, nothing was sent.
    await dialog.getByRole('button', { name: 'Alterar' }).click()
    await dialog.getByRole('button', { name: 'Voltar aos horários livres' }).click()
    await dayGrid(dialog).waitFor()
    await admin.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })
})

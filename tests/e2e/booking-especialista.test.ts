// Path 3 of the booking issue, in real Chromium against a fresh stack: Rita (especialista)
// assigns Maria's open call request (Saúde mental) to Pedro by phone; the session shows in
// Rita's cases and on Maria's /user/sessions, and the request leaves the queue.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
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

describe('booking path 3: the especialista assigns a call request', () => {
  it('Rita assigns Maria\'s request to Pedro by phone; it shows in her cases and on Maria\'s page', async () => {
    const rita = await personPage('rita@encontro.test')
    await rita.waitForURL('**/especialista/dashboard')
    const queue = rita.getByRole('list', { name: 'Pedidos em espera' })
    const request = queue.getByRole('listitem').filter({ hasText: 'Maria Costa' })
    await request.getByText(/à espera há \d+ horas?/).waitFor()
    await request.getByRole('button', { name: 'Atribuir o pedido de Maria Costa' }).click()

    const dialog = rita.getByRole('dialog', { name: 'Atribuir pedido' })
    await dialog.waitFor()
    await dialog.getByText('stress no trabalho', { exact: false }).waitFor()
    // Only prestadores of the request's pillar; phone is the default type.
    await pick(dialog.getByRole('radio', { name: /Dr\. Pedro Santos/ }))
    await expect(dialog.getByRole('radio', { name: /Ana Ferreira/ }).count()).resolves.toBe(0)
    await expect(dialog.getByRole('radio', { name: /^Telefone/ }).isChecked()).resolves.toBe(true)
    const slot = await chooseFirstFreeSlot(dialog, nextWeeks(4))
    await screenshot(rita, 'booking-especialista-assign', { fullPage: false })

    await dialog.getByRole('button', { name: 'Atribuir e marcar sessão' }).click()
    await rita.getByRole('status').filter({ hasText: `Pedido de Maria Costa atribuído: sessão (telefone) com Dr. Pedro Santos a ${formatInstant(slot.startsAt, ZONE)}–` }).waitFor()
    await dialog.waitFor({ state: 'detached' })

    // The request left the queue; the case is in "Os meus casos".
    await rita.getByText('Não há pedidos em espera.').waitFor()
    const cases = rita.getByRole('list', { name: 'Os meus casos' })
    // Cards show "seg., 30 nov., 15:00–15:50" (src/lib/format-date.ts).
    const shown = formatInstant(slot.startsAt, ZONE)
    const caseCard = cases.locator('article').filter({ hasText: 'Maria Costa' }).filter({ hasText: shown })
    await caseCard.waitFor()
    await expect(caseCard.getByText('Telefone').first().isVisible()).resolves.toBe(true)
    await screenshot(rita, 'booking-especialista-dashboard')
    await context!.close()

    const maria = await personPage('maria@encontro.test')
    await maria.waitForURL('**/user/sessions')
    const card = maria.locator('article').filter({ hasText: 'Dr. Pedro Santos' }).filter({ hasText: shown })
    await card.waitFor()
    await expect(card.getByText('Telefone').first().isVisible()).resolves.toBe(true)
    await screenshot(maria, 'booking-especialista-maria-sessions')
  })
})

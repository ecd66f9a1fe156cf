// Staff actions that cannot hurt, in real Chromium (issue 9): "Marcar como realizada" and
// "O colaborador faltou" are confirmed, possible only from the start, and move the card to
// "Sessões anteriores" at once; the employee sees "Faltou", cannot cancel a started session
// and cancels without a reason; a cancelled card sits under "Canceladas" without "Sem link";
// a generated Jitsi link is not lost by closing the modal without being asked.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot, signedInPageIn } from './support/browser'
import { openSessionModal, sessionCard } from './support/forms'
import { bookingInDb, createEmployee, createPrestador, createSession, retirePrestador, type Person } from './support/people'

const MIN = 60_000
const DAY = 86_400_000

let browser: Browser
let employee: Person
// One prestador per started session: two sessions of one prestador cannot overlap.
let completing: Person
let absent: Person
let running: Person
const contexts: BrowserContext[] = []

beforeAll(async () => {
  ;[browser, employee, completing, absent, running] = await Promise.all([
    launchBrowser(),
    createEmployee('Rui Ações'),
    createPrestador('Dra. Sofia Realizada'),
    createPrestador('Dr. Tiago Falta'),
    createPrestador('Dra. Vera Decorrer'),
  ])
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {})
  await browser?.close()
  for (const p of [completing, absent, running]) if (p) await retirePrestador(p.id)
})

const signedInPage = (person: Person, path: string) => signedInPageIn(browser, contexts, person, path)

const session = (prestador: Person, startsInMs: number) =>
  createSession({ userId: employee.id, prestadorId: prestador.id, startsInMs })

const listIds = (page: Page, name: string) =>
  page.getByRole('list', { name }).locator('article').evaluateAll((cards) => cards.map((c) => c.id))

describe('the prestador records the outcome', () => {
  it('"Marcar como realizada": off before the start (says why), confirmed, then under "Sessões anteriores" at once', async () => {
    const later = await session(completing, 2 * DAY)
    const started = await session(completing, -5 * MIN)
    const page = await signedInPage(completing, '/prestador/sessions')

    const laterDialog = await openSessionModal(page, later.id, employee.name)
    const off = laterDialog.getByRole('button', { name: 'Marcar como realizada' })
    expect(await off.isDisabled()).toBe(true)
    await laterDialog.getByText('Disponível a partir do início da sessão.').first().waitFor()
    await laterDialog.getByRole('button', { name: 'Fechar' }).click()
    await laterDialog.waitFor({ state: 'detached' })

    expect(await listIds(page, 'Próximas sessões')).toContain(`session-${started.id}`)
    const dialog = await openSessionModal(page, started.id, employee.name)
    await dialog.getByRole('button', { name: 'Marcar como realizada' }).click()
    await dialog.getByRole('group', { name: /^Marcar esta sessão como realizada\?/ }).waitFor()
    expect((await bookingInDb(started.id)).status).toBe('scheduled')
    await screenshot(page, 'staff-complete-confirm', { fullPage: false })
    await dialog.getByRole('button', { name: 'Sim, foi realizada' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Sessão marcada como realizada.' }).waitFor()
    expect((await bookingInDb(started.id)).status).toBe('completed')
    // Behind the modal, the card already moved.
    await expect.poll(() => listIds(page, 'Sessões anteriores')).toContain(`session-${started.id}`)
    expect(await listIds(page, 'Próximas sessões')).not.toContain(`session-${started.id}`)
    await dialog.getByRole('button', { name: 'Fechar' }).click()
    await sessionCard(page, started.id).getByText('Realizada').waitFor()
  })

  it('"O colaborador faltou": confirmed; the employee sees the session as "Faltou" under "Sessões anteriores"', async () => {
    const started = await session(absent, -10 * MIN)
    const page = await signedInPage(absent, '/prestador/sessions')
    const dialog = await openSessionModal(page, started.id, employee.name)
    await dialog.getByRole('button', { name: 'O colaborador faltou' }).click()
    await dialog.getByRole('button', { name: 'Sim, faltou' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Registado: o colaborador faltou.' }).waitFor()
    expect((await bookingInDb(started.id)).status).toBe('no_show')

    const employeePage = await signedInPage(employee, '/user/sessions')
    const card = sessionCard(employeePage, started.id)
    await card.getByText('Faltou', { exact: true }).waitFor()
    expect(await listIds(employeePage, 'Sessões anteriores')).toContain(`session-${started.id}`)
    expect(await card.getByRole('button', { name: 'Cancelar sessão' }).count()).toBe(0)
  })
})

describe('the employee cancels', () => {
  it('not a started session; a later one without a reason: it moves to "Canceladas", offers "Remover do calendário", and the prestador sees no "Sem link"', async () => {
    const started = await session(running, -2 * MIN)
    const later = await session(running, 3 * DAY)
    const page = await signedInPage(employee, '/user/sessions')
    await sessionCard(page, started.id).waitFor()
    expect(await sessionCard(page, started.id).getByRole('button', { name: 'Cancelar sessão' }).count()).toBe(0)

    const card = sessionCard(page, later.id)
    await card.getByRole('button', { name: 'Cancelar sessão' }).click()
    await card.getByText('Opcional. 0/500 caracteres.').waitFor()
    await card.getByRole('button', { name: 'Confirmar cancelamento' }).click()
    const moved = page.getByRole('list', { name: 'Canceladas' }).locator(`#session-${later.id}`)
    await moved.getByText('Sessão cancelada.').waitFor()
    await moved.getByRole('button', { name: /^Remover do calendário/ }).waitFor()
    expect(await moved.getByRole('button', { name: /^Adicionar ao calendário/ }).count()).toBe(0)
    expect(await bookingInDb(later.id)).toMatchObject({ status: 'cancelled', cancellation_reason: null })

    const staff = await signedInPage(running, '/prestador/sessions')
    const cancelledCard = staff.getByRole('list', { name: 'Canceladas' }).locator(`#session-${later.id}`)
    await cancelledCard.waitFor()
    expect(await cancelledCard.getByText('Sem link').count()).toBe(0)
    await screenshot(staff, 'staff-cancelled-section')
  })
})

describe('the meeting-link editor in the modal', () => {
  it('a generated Jitsi link: closing asks "Descartar alterações?"; "Continuar a editar" keeps it; "Descartar" saves nothing', async () => {
    const later = await session(running, 5 * DAY)
    const page = await signedInPage(running, '/prestador/sessions')
    const dialog = await openSessionModal(page, later.id, employee.name)
    await dialog.getByRole('button', { name: 'Gerar link Jitsi' }).click()
    const field = dialog.getByRole('textbox').first()
    const generated = await field.inputValue()
    expect(generated).toMatch(/^https:\/\/meet\.jit\.si\//)

    await dialog.getByRole('button', { name: 'Fechar' }).click()
    const question = page.getByRole('alertdialog', { name: 'Descartar alterações?' })
    await question.waitFor()
    await screenshot(page, 'staff-discard-question', { fullPage: false })
    await question.getByRole('button', { name: 'Continuar a editar' }).click()
    await question.waitFor({ state: 'detached' })
    expect(await field.inputValue()).toBe(generated)

    await page.keyboard.press('Escape')
    await question.getByRole('button', { name: 'Descartar' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect((await bookingInDb(later.id)).meeting_link).toBeNull()
  })
})

// The API failing under the app's feet, in real Chromium: the fault proxy between the app and
// its API (tests/setup/e2e-app.ts) answers 500 / 503, holds the request until the app gives
// up (its per-request deadline, 5 s in e2e), or resets the connection. For every save —
// meeting link, booking, reschedule, cancel, login — the person sees a pt-PT error that says
// what to do, never a success message, and keeps exactly what they typed; once the API is
// back, the same click succeeds. A failing read shows "Tentar novamente" (not a blank page)
// and recovers with it.
//
// The file works on its own people (an employee and a prestador created here), so breaking
// and changing their sessions never touches the seed rows other e2e files look at.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatInstant } from '../../src/lib/format-date'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { fault, faults, type FaultMode } from './support/faults'
import {
  chooseFirstFreeSlot,
  expectNoText,
  nextWeekday,
  openSessionModal,
  pick,
  sessionCard,
  ZONE,
} from './support/forms'
import {
  bookingInDb,
  bookingsOf,
  createEmployee,
  createPrestador,
  createSession,
  retirePrestador,
  type Person,
} from './support/people'

const DAY = 86_400_000

const TEXT = {
  linkFailed: 'Não foi possível guardar o link. Verifique a ligação e tente novamente.',
  linkSaved: 'Link guardado.',
  bookingFailed: 'Não foi possível contactar o servidor. Verifique a ligação e tente novamente.',
  bookingDone: /Sessão marcada com/,
  actionFailed: 'Não foi possível guardar. Verifique a ligação e tente novamente.',
  rescheduled: /Sessão reagendada para/,
  cancelled: 'Sessão cancelada.',
  loginFailed: 'Não foi possível contactar o servidor. Tente novamente.',
  sessionsFailed: 'Não foi possível carregar as suas sessões.',
} as const

let browser: Browser
let employee: Person
let prestador: Person
const contexts: BrowserContext[] = []

beforeAll(async () => {
  ;[browser, employee, prestador] = await Promise.all([
    launchBrowser(),
    createEmployee('Tiago Falhas'),
    createPrestador('Dra. Sofia Falhas'),
  ])
})

afterEach(async () => {
  await faults.clear()
})

afterAll(async () => {
  await faults.clear()
  for (const context of contexts) await context.close().catch(() => {})
  await browser?.close()
  if (prestador) await retirePrestador(prestador.id)
})

async function signedInPage(person: Person, path: string): Promise<Page> {
  const context = await newContext(browser)
  contexts.push(context)
  const page = await context.newPage()
  await signIn(page, person.email, person.password)
  if (new URL(page.url()).pathname !== path) await page.goto(path)
  return page
}

let sessionCount = 0
/** A fresh virtual session of our employee with our prestador, about `days` ahead (never overlapping another). */
const freshSession = (days: number) =>
  createSession({ userId: employee.id, prestadorId: prestador.id, startsInMs: days * DAY + sessionCount++ * 2 * 3_600_000 })

/** Waits for the failure the person sees; a timeout takes the app's whole deadline first. */
const failureTimeout = () => faults.apiTimeoutMs + 10_000

/** The fault modes each save is tried with: 500 and a timeout for all, 503 / reset for some. */
const SAVE_MODES: Record<'link' | 'booking' | 'reschedule' | 'cancel' | 'login', FaultMode[]> = {
  link: ['status 500', 'status 503', 'timeout'],
  booking: ['status 500', 'timeout', 'reset'],
  reschedule: ['status 500', 'timeout'],
  cancel: ['status 500', 'timeout'],
  login: ['status 500', 'status 503', 'timeout'],
}

describe('meeting link (prestador modal, "Guardar link")', () => {
  let page: Page
  beforeAll(async () => {
    page = await signedInPage(prestador, '/prestador/sessions')
  })

  it.each(SAVE_MODES.link)('%s: error next to the editor, link kept, nothing saved; saves once the API is back', async (mode) => {
    const session = await freshSession(20)
    const link = `https://us02web.zoom.us/j/8551234${Math.floor(Math.random() * 10_000)}?pwd=Falhas`
    await page.goto('/prestador/sessions')
    const dialog = await openSessionModal(page, session.id, employee.name)
    const field = dialog.getByLabel('Link da reunião')
    await field.fill(link)

    await faults.set(fault(mode, '/rest/v1/rpc/save_meeting_link', 'POST'))
    await dialog.getByRole('button', { name: 'Guardar link' }).click()
    await dialog.getByText(TEXT.linkFailed).waitFor({ timeout: failureTimeout() })
    await expectNoText(page, TEXT.linkSaved)
    expect(await field.inputValue()).toBe(link)
    expect((await bookingInDb(session.id)).meeting_link).toBeNull()
    if (mode === 'timeout') await screenshot(page, 'faults-link-timeout', { fullPage: false })

    await faults.clear()
    await dialog.getByRole('button', { name: 'Guardar link' }).click()
    await dialog.getByText(TEXT.linkSaved).waitFor()
    await expectNoText(page, TEXT.linkFailed)
    expect(await field.inputValue()).toBe(link)
    expect((await bookingInDb(session.id)).meeting_link).toBe(link)
    await page.keyboard.press('Escape')
  })
})

describe('booking (/user/book, "Confirmar marcação")', () => {
  let page: Page
  beforeAll(async () => {
    page = await signedInPage(employee, '/user/sessions')
  })

  it.each(SAVE_MODES.booking)('%s: error above the button, every choice kept, nothing booked; books once the API is back', async (mode) => {
    await page.goto('/user/book')
    await pick(page.getByRole('radio', { name: 'Assistência jurídica' }))
    const sofia = page.getByRole('radio', { name: new RegExp(prestador.name.replace('.', '\\.')) })
    await pick(sofia)
    const slot = await chooseFirstFreeSlot(page, nextWeekday(3, 14))
    const virtual = page.getByRole('radio', { name: /^Virtual/ })
    await pick(virtual)
    const before = await bookingsOf(employee.id)

    await faults.set(fault(mode, '/rest/v1/bookings', 'POST'))
    const confirm = page.getByRole('button', { name: 'Confirmar marcação' })
    await confirm.click()
    await page.getByRole('alert').filter({ hasText: TEXT.bookingFailed }).waitFor({ timeout: failureTimeout() })
    await expectNoText(page, TEXT.bookingDone)
    expect(new URL(page.url()).pathname).toBe('/user/book')
    // Every choice is still there.
    expect(await page.getByRole('radio', { name: 'Assistência jurídica' }).isChecked()).toBe(true)
    expect(await sofia.isChecked()).toBe(true)
    expect(await page.locator(`button[data-day="${slot.day}"]`).getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByRole('group', { name: 'Horário' }).locator(`input[value="${slot.startsAt}"]`).isChecked()).toBe(true)
    expect(await virtual.isChecked()).toBe(true)
    expect(await bookingsOf(employee.id)).toHaveLength(before.length)
    if (mode === 'timeout') await screenshot(page, 'faults-booking-timeout')

    await faults.clear()
    await confirm.click()
    await page.waitForURL((url) => url.pathname === '/user/sessions')
    await page.getByRole('status').filter({ hasText: `Sessão marcada com ${prestador.name}: ${formatInstant(slot.startsAt, ZONE)}–` }).waitFor()
    await expectNoText(page, TEXT.bookingFailed)
    const after = await bookingsOf(employee.id)
    expect(after).toHaveLength(before.length + 1)
    expect(after.some((b) => Date.parse(b.starts_at) === Date.parse(slot.startsAt))).toBe(true)
  })
})

describe('reschedule and cancel (prestador modal)', () => {
  let page: Page
  let rescheduleDay = 0
  beforeAll(async () => {
    page = await signedInPage(prestador, '/prestador/sessions')
  })

  it.each(SAVE_MODES.reschedule)('reschedule, %s: error, day and time kept, nothing moved; moves once the API is back', async (mode) => {
    const session = await freshSession(25)
    await page.goto('/prestador/sessions')
    const dialog = await openSessionModal(page, session.id, employee.name)
    await dialog.getByRole('button', { name: 'Reagendar' }).click()
    // A free slot of the prestador's (only those are offered), a different day each run.
    const slot = await chooseFirstFreeSlot(dialog, nextWeekday(2, 9 + 7 * rescheduleDay++))

    await faults.set(fault(mode, '/rest/v1/rpc/reschedule_booking', 'POST'))
    const save = dialog.getByRole('button', { name: 'Guardar nova data' })
    await save.click()
    await dialog.getByRole('alert').filter({ hasText: TEXT.actionFailed }).waitFor({ timeout: failureTimeout() })
    await expectNoText(page, TEXT.rescheduled)
    expect(await dialog.locator(`button[data-day="${slot.day}"]`).getAttribute('aria-pressed')).toBe('true')
    expect(await dialog.getByRole('group', { name: 'Horário' }).locator(`input[value="${slot.startsAt}"]`).isChecked()).toBe(true)
    expect(Date.parse((await bookingInDb(session.id)).starts_at)).toBe(Date.parse(session.starts_at))

    await faults.clear()
    await save.click()
    await dialog.getByRole('status').filter({ hasText: TEXT.rescheduled }).waitFor()
    await expectNoText(page, TEXT.actionFailed)
    const moved = await bookingInDb(session.id)
    expect(Date.parse(moved.starts_at)).toBe(Date.parse(slot.startsAt))
    // The prestador's session length (createPrestador: 50 minutes).
    expect(Date.parse(moved.ends_at) - Date.parse(moved.starts_at)).toBe(50 * 60_000)
    await page.keyboard.press('Escape')
  })

  it.each(SAVE_MODES.cancel)('cancel, %s: error, reason kept, still scheduled; cancels once the API is back', async (mode) => {
    const session = await freshSession(30)
    await page.goto('/prestador/sessions')
    const dialog = await openSessionModal(page, session.id, employee.name)
    await dialog.getByRole('button', { name: 'Cancelar sessão' }).click()
    const reason = `O tribunal marcou uma audiência para essa manhã (${mode}).\nPeço desculpa.`
    const field = dialog.getByLabel('Motivo do cancelamento')
    await field.fill(reason)

    await faults.set(fault(mode, '/rest/v1/rpc/cancel_booking', 'POST'))
    const confirm = dialog.getByRole('button', { name: 'Confirmar cancelamento' })
    await confirm.click()
    await dialog.getByRole('alert').filter({ hasText: TEXT.actionFailed }).waitFor({ timeout: failureTimeout() })
    await expectNoText(page, TEXT.cancelled)
    expect(await field.inputValue()).toBe(reason)
    expect((await bookingInDb(session.id)).status).toBe('scheduled')
    if (mode === 'timeout') await screenshot(page, 'faults-cancel-timeout', { fullPage: false })

    await faults.clear()
    await confirm.click()
    await dialog.getByRole('status').filter({ hasText: TEXT.cancelled }).waitFor()
    await expectNoText(page, TEXT.actionFailed)
    expect(await bookingInDb(session.id)).toMatchObject({ status: 'cancelled', cancellation_reason: reason })
    await page.keyboard.press('Escape')
  })
})

describe('login', () => {
  it.each(SAVE_MODES.login)('%s: "não foi possível contactar o servidor", email and password kept; signs in once the API is back', async (mode) => {
    const context = await newContext(browser)
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/login')
    await page.getByLabel('E-mail').fill(employee.email)
    await page.getByLabel('Palavra-passe').fill(employee.password)

    await faults.set(fault(mode, '/auth/v1/token', 'POST'))
    const submit = page.getByRole('button', { name: 'Entrar' })
    await submit.click()
    await page.getByRole('alert').filter({ hasText: TEXT.loginFailed }).waitFor({ timeout: failureTimeout() })
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(await page.getByLabel('E-mail').inputValue()).toBe(employee.email)
    expect(await page.getByLabel('Palavra-passe').inputValue()).toBe(employee.password)
    await expectNoText(page, 'Meu percurso')

    await faults.clear()
    await page.getByRole('button', { name: 'Entrar' }).click()
    await page.waitForURL((url) => url.pathname === '/user/sessions')
    await page.getByRole('heading', { name: 'Meu percurso' }).waitFor()
    await context.close()
  })
})

describe('the answer is lost after the API did the work (connection dropped on the way back)', () => {
  it('booking: reported booked (the app finds it), one booking, not "no answer" followed by a second booking', async () => {
    const page = await signedInPage(employee, '/user/book')
    await pick(page.getByRole('radio', { name: 'Assistência jurídica' }))
    await pick(page.getByRole('radio', { name: new RegExp(prestador.name.replace('.', '\\.')) }))
    const slot = await chooseFirstFreeSlot(page, nextWeekday(4, 14))
    await pick(page.getByRole('radio', { name: /^Telefone/ }))
    const before = await bookingsOf(employee.id)

    await faults.set(fault('lose-response', '/rest/v1/bookings', 'POST'))
    await page.getByRole('button', { name: 'Confirmar marcação' }).click()
    await page.waitForURL((url) => url.pathname === '/user/sessions')
    await page.getByRole('status').filter({ hasText: `Sessão marcada com ${prestador.name}` }).waitFor()
    await expectNoText(page, TEXT.bookingFailed)
    const after = await bookingsOf(employee.id)
    expect(after).toHaveLength(before.length + 1)
    expect(after.filter((b) => Date.parse(b.starts_at) === Date.parse(slot.startsAt))).toHaveLength(1)
  })

  it('meeting link: the error says to try again, and trying again says "Link guardado." (not "alterado por outra pessoa")', async () => {
    const session = await freshSession(21)
    const page = await signedInPage(prestador, '/prestador/sessions')
    const dialog = await openSessionModal(page, session.id, employee.name)
    const link = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_falhas'
    await dialog.getByLabel('Link da reunião').fill(link)
    await faults.set(fault('lose-response', '/rest/v1/rpc/save_meeting_link', 'POST'))
    await dialog.getByRole('button', { name: 'Guardar link' }).click()
    await dialog.getByText(TEXT.linkFailed).waitFor()
    expect((await bookingInDb(session.id)).meeting_link).toBe(link)

    await faults.clear()
    await dialog.getByRole('button', { name: 'Guardar link' }).click()
    await dialog.getByText(TEXT.linkSaved).waitFor()
    await expectNoText(page, 'O link foi alterado por outra pessoa.')
    expect(await dialog.getByLabel('Link da reunião').inputValue()).toBe(link)
  })

  it('cancel: the modal shows the session as cancelled (refetched), with no error left over', async () => {
    const session = await freshSession(31)
    const page = await signedInPage(prestador, '/prestador/sessions')
    const dialog = await openSessionModal(page, session.id, employee.name)
    await dialog.getByRole('button', { name: 'Cancelar sessão' }).click()
    await dialog.getByLabel('Motivo do cancelamento').fill('Indisponibilidade.')
    await faults.set(fault('lose-response', '/rest/v1/rpc/cancel_booking', 'POST'))
    await dialog.getByRole('button', { name: 'Confirmar cancelamento' }).click()
    await dialog.getByText('Esta sessão foi cancelada: já não pode ser alterada.').waitFor()
    await expectNoText(page, TEXT.actionFailed)
    expect((await bookingInDb(session.id)).status).toBe('cancelled')
  })
})

describe('reads', () => {
  it.each(['status 500', 'timeout'] as const)(
    '%s on GET bookings: /user/sessions shows "Tentar novamente" (not a blank page) and recovers with it',
    async (mode) => {
      const session = await freshSession(35)
      const page = await signedInPage(employee, '/user/sessions')
      await sessionCard(page, session.id).waitFor()

      await faults.set(fault(mode, '/rest/v1/bookings', 'GET'))
      await page.reload()
      // One retry by TanStack Query, each try up to the app's deadline.
      const failed = page.getByRole('alert').filter({ hasText: TEXT.sessionsFailed })
      await failed.waitFor({ timeout: 2 * faults.apiTimeoutMs + 15_000 })
      await page.getByRole('heading', { name: 'Meu percurso' }).waitFor()
      const retry = failed.getByRole('button', { name: 'Tentar novamente' })
      await retry.waitFor()
      if (mode === 'timeout') await screenshot(page, 'faults-sessions-read-timeout')

      await faults.clear()
      await retry.click()
      await sessionCard(page, session.id).waitFor()
      await expectNoText(page, TEXT.sessionsFailed)
    },
  )

  it('500 on the profile: "Não foi possível carregar o seu perfil." with "Tentar novamente", then the page', async () => {
    const page = await signedInPage(employee, '/user/sessions')
    await faults.set(fault('status 500', '/rest/v1/profiles', 'GET'))
    await page.reload()
    const failed = page.getByRole('alert').filter({ hasText: 'Não foi possível carregar o seu perfil.' })
    await failed.waitFor({ timeout: 15_000 })
    expect(new URL(page.url()).pathname).toBe('/user/sessions')
    await faults.clear()
    await failed.getByRole('button', { name: 'Tentar novamente' }).click()
    await page.getByRole('heading', { name: 'Meu percurso' }).waitFor()
  })
})

// Accessibility in real Chromium against a fresh stack (tests/setup/e2e-app.ts):
// - axe-core (WCAG 2.0/2.1 A and AA rules) on /login (also with its validation errors), the
//   four role pages with their modals open (the prestador's session modal, the especialista's
//   case modal and assign dialog, the admin's "Nova sessão"), the booking form a few steps
//   in, and the notification list under the bell: no violations.
// - keyboard only: sign in; open the prestador's session modal, focus inside, Tab/Shift+Tab
//   cycle inside it, Escape closes it and focus is back on "Gerir sessão"; the same after
//   "Guardar link" (the save must not drop focus to <body>); every focused element shows a
//   visible focus indicator.
// - live region: the link save is announced ("Link guardado.") in a role=status region.
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { addDays, formatLocalDate, isoWeekday, localDateTimeOf } from '../../src/lib/zoned-time'
import { createBooking } from '../integration/support/fixtures'
import { BOOKING, PEOPLE } from '../integration/support/seed'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { chooseFirstFreeSlot, dayGrid } from './support/booking-form'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
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

async function freshPage(): Promise<Page> {
  context = await newContext(browser)
  return context.newPage()
}

async function signedInPage(email: string, path: string): Promise<Page> {
  const page = await freshPage()
  await signIn(page, email)
  if (new URL(page.url()).pathname !== path) await page.goto(path)
  return page
}

/** One violation per line group: rule, impact, help, then each offending node and why. */
function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${n.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`)
        .join('\n')
      return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`
    })
    .join('\n\n')
}

/** Runs axe (WCAG 2.0/2.1 A + AA) on the whole document and expects no violation. */
async function expectNoAxeViolations(page: Page, name: string): Promise<AxeResults> {
  // Let pending renders and transitions settle (colour transitions would skew contrast).
  await page.waitForTimeout(300)
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  const results = await page.evaluate(
    (values) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
        runOnly: { type: 'tag', values },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  )
  if (results.violations.length > 0) await screenshot(page, `a11y-${name}`, { fullPage: false })
  // The rule ids in the diff; what and where in the message.
  expect(results.violations.map((v) => v.id), `axe violations on ${name}:\n${formatViolations(results.violations)}`).toEqual([])
  return results
}

/** The next `weekday` (1 = Monday) at least 7 days from today in Lisbon, "YYYY-MM-DD". */
function nextWeeks(weekday: number): string {
  let day = addDays(localDateTimeOf(Date.now(), ZONE), 7)
  while (isoWeekday(day) !== weekday) day = addDays(day, 1)
  return formatLocalDate(day)
}

/** Chooses a radio the way a pointer does: the radios are drawn by their labels. */
async function pick(radio: Locator): Promise<void> {
  await radio.locator('xpath=ancestor::label[1]').click()
  expect(await radio.isChecked()).toBe(true)
}

/** What document.activeElement is, for messages and comparisons. */
function describeActive(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.trim().slice(0, 40) ?? ''
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${name ? ` "${name}"` : ''}`
  })
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement)
const focusIsInside = (locator: Locator) => locator.evaluate((el) => el.contains(document.activeElement) && document.activeElement !== document.body)

/** The focused element draws a focus indicator: an outline or a box-shadow (computed style). */
async function focusIndicator(page: Page): Promise<{ element: string; visible: boolean; style: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { element: 'body', visible: false, style: '' }
    // A visually hidden radio is drawn by the label's box next to it (peer-focus-visible).
    const drawn = el.matches('input[type="radio"], input[type="checkbox"]') && el.nextElementSibling instanceof HTMLElement
      ? el.nextElementSibling
      : el
    const style = getComputedStyle(drawn)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== ''
    return {
      element: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 40)}"`,
      visible: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    }
  })
}

describe('axe-core: WCAG 2.1 A/AA, no violations', () => {
  it('/login, and /login with its validation errors shown', async () => {
    const page = await freshPage()
    await page.goto('/login')
    await page.getByRole('heading', { name: 'Entrar', level: 1 }).waitFor()
    await expectNoAxeViolations(page, 'login')

    await page.getByRole('button', { name: 'Entrar' }).click()
    await page.getByText('Indique o seu e-mail.').waitFor()
    await page.getByText('Indique a palavra-passe.').waitFor()
    await expectNoAxeViolations(page, 'login-errors')

    // A wrong password: the server's answer in an alert.
    await page.getByLabel('E-mail').fill('joao@encontro.test')
    await page.getByLabel('Palavra-passe').fill('not-the-password')
    await page.getByRole('button', { name: 'Entrar' }).click()
    await page.getByRole('alert').waitFor()
    await expectNoAxeViolations(page, 'login-wrong-password')
  })

  it('/user/sessions (João, seed data) and its notification list', async () => {
    const page = await signedInPage(PEOPLE.joao.email, '/user/sessions')
    await page.locator(`#session-${BOOKING.joaoVirtualIn3Min}`).getByRole('link', { name: 'Entrar na reunião' }).waitFor()
    await page.locator(`#session-${BOOKING.joaoVirtualIn2h}`).getByText('Link em preparação').waitFor()
    await expectNoAxeViolations(page, 'user-sessions')

    // The cancel form on a card (opened, not sent), with its field error (the employee's
    // reason is optional: too long is the error left).
    const later = page.locator(`#session-${BOOKING.joaoVirtualIn2h}`)
    await later.getByRole('button', { name: 'Cancelar sessão' }).click()
    await later.getByLabel('Motivo do cancelamento').fill('x'.repeat(501))
    await later.getByRole('button', { name: 'Confirmar cancelamento' }).click()
    await later.locator('[aria-invalid="true"]').waitFor()
    await expectNoAxeViolations(page, 'user-sessions-cancel-form')
    await later.getByRole('button', { name: 'Voltar' }).click()

    await page.getByRole('button', { name: /^Notificações/ }).click()
    await page.getByRole('region', { name: 'Notificações' }).getByRole('heading', { name: 'Notificações' }).waitFor()
    await page.getByRole('list', { name: 'Notificações' }).or(page.getByText('Não tem notificações.')).waitFor()
    await expectNoAxeViolations(page, 'user-sessions-bell')
  })

  it('/user/book a few steps in (área, prestador, dia, horário)', async () => {
    const page = await signedInPage(PEOPLE.joao.email, '/user/book')
    await page.getByRole('heading', { name: 'Marcar sessão', level: 1 }).waitFor()
    await expectNoAxeViolations(page, 'user-book')

    await pick(page.getByRole('radio', { name: 'Bem-estar físico' }))
    await pick(page.getByRole('radio', { name: /Dra\. Ana Ferreira/ }))
    // The day picker (a grid of day buttons) and the day's times.
    await chooseFirstFreeSlot(page, nextWeeks(2))
    await expectNoAxeViolations(page, 'user-book-steps')

    // Sent incomplete: the errors next to the fields.
    await page.getByRole('button', { name: 'Confirmar marcação' }).click()
    await page.getByText('Escolha o tipo de sessão.').waitFor()
    await expectNoAxeViolations(page, 'user-book-errors')
  })

  it('/prestador/sessions with the session modal ("Gerir sessão") open, and the bell list', async () => {
    const page = await signedInPage(PEOPLE.pedro.email, '/prestador/sessions')
    const card = page.locator(`#session-${BOOKING.joaoVirtualIn3Min}`)
    await card.waitFor()
    await expectNoAxeViolations(page, 'prestador-sessions')

    await card.getByRole('button', { name: 'Gerir sessão' }).click()
    const dialog = page.getByRole('dialog', { name: 'Sessão com João Silva' })
    await dialog.getByLabel('Link da reunião').waitFor()
    await dialog.getByText(/Último a alterar:/).waitFor()
    await expectNoAxeViolations(page, 'prestador-session-modal')

    // Its reschedule and cancel panels open too.
    await dialog.getByRole('button', { name: 'Reagendar' }).click()
    await dayGrid(dialog).waitFor()
    await dialog.getByRole('group', { name: 'Horário' }).waitFor()
    await expectNoAxeViolations(page, 'prestador-session-modal-reschedule')
    await dialog.getByRole('button', { name: 'Cancelar sessão' }).click()
    await dialog.getByRole('button', { name: 'Reagendar' }).waitFor()
    await expectNoAxeViolations(page, 'prestador-session-modal-cancel')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: /^Notificações/ }).click()
    await page.getByRole('region', { name: 'Notificações' }).getByRole('heading', { name: 'Notificações' }).waitFor()
    await expectNoAxeViolations(page, 'prestador-bell')
  })

  it('/especialista/dashboard with the case modal, and with the assign dialog', async () => {
    const page = await signedInPage(PEOPLE.rita.email, '/especialista/dashboard')
    const caseCard = page.locator(`#session-${BOOKING.joaoRitaCase}`)
    await caseCard.waitFor()
    await page.getByRole('list', { name: 'Pedidos em espera' }).or(page.getByText('Não há pedidos em espera.')).waitFor()
    await expectNoAxeViolations(page, 'especialista-dashboard')

    await caseCard.getByRole('button', { name: 'Gerir sessão' }).click()
    const caseDialog = page.getByRole('dialog', { name: /^Sessão com / })
    await caseDialog.getByLabel('Link da reunião').waitFor()
    await expectNoAxeViolations(page, 'especialista-case-modal')
    await page.keyboard.press('Escape')
    await caseDialog.waitFor({ state: 'detached' })

    const assign = page.getByRole('button', { name: /^Atribuir o pedido de / }).first()
    await assign.click()
    const assignDialog = page.getByRole('dialog', { name: 'Atribuir pedido' })
    await assignDialog.getByRole('radio').first().waitFor()
    await pick(assignDialog.getByRole('radio', { name: /Dr\. Pedro Santos/ }))
    await expectNoAxeViolations(page, 'especialista-assign-dialog')
    // A prestador was chosen: Escape asks before discarding it.
    await page.keyboard.press('Escape')
    const discard = page.getByRole('alertdialog', { name: 'Descartar alterações?' })
    await discard.waitFor()
    await expectNoAxeViolations(page, 'especialista-assign-discard')
    await discard.getByRole('button', { name: 'Descartar' }).click()
    await assignDialog.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: /^Notificações/ }).click()
    await page.getByRole('region', { name: 'Notificações' }).getByRole('heading', { name: 'Notificações' }).waitFor()
    await expectNoAxeViolations(page, 'especialista-bell')
  })

  it('/admin/operations with "Nova sessão" open', async () => {
    const page = await signedInPage(PEOPLE.admin.email, '/admin/operations')
    await page.getByRole('heading', { name: 'Sem link' }).waitFor()
    await page.getByRole('table').first().waitFor()
    await expectNoAxeViolations(page, 'admin-operations')

    await page.getByRole('button', { name: 'Nova sessão' }).click()
    const dialog = page.getByRole('dialog', { name: 'Nova sessão' })
    await dialog.getByLabel('Empresa', { exact: true }).waitFor()
    await dialog.getByLabel('Empresa', { exact: true }).selectOption({ label: 'Acme Portugal' })
    await expectNoAxeViolations(page, 'admin-new-booking')

    // Sent empty: the field errors.
    await dialog.getByRole('button', { name: 'Marcar sessão' }).click()
    await dialog.locator('[aria-invalid="true"]').first().waitFor()
    await expectNoAxeViolations(page, 'admin-new-booking-errors')
    await page.keyboard.press('Escape')
    await page.getByRole('alertdialog', { name: 'Descartar alterações?' }).getByRole('button', { name: 'Descartar' }).click()
    await dialog.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: /^Notificações/ }).click()
    await page.getByRole('region', { name: 'Notificações' }).getByRole('heading', { name: 'Notificações' }).waitFor()
    await expectNoAxeViolations(page, 'admin-bell')
  })

  it("accounts: /login's password recovery, a used link on /nova-palavra-passe, the admin's Pessoas", async () => {
    const page = await freshPage()
    await page.goto('/login')
    await page.getByRole('button', { name: 'Esqueci-me da palavra-passe' }).click()
    await page.getByRole('button', { name: 'Enviar link' }).click()
    await page.getByText('Indique o seu e-mail.').waitFor()
    await expectNoAxeViolations(page, 'login-forgot-password')

    await page.goto('/nova-palavra-passe#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=')
    await page.getByRole('heading', { name: 'Link sem efeito', level: 1 }).waitFor()
    await expectNoAxeViolations(page, 'new-password-used-link')

    const admin = await signedInPage('admin@encontro.test', '/admin/pessoas')
    await admin.getByRole('heading', { name: /^Colaboradores/ }).waitFor()
    await admin.getByRole('button', { name: 'Enviar convite' }).click()
    await admin.getByText('Indique o e-mail.').waitFor()
    await expectNoAxeViolations(admin, 'admin-pessoas-errors')
  })

  it('the page-not-found page', async () => {
    const page = await freshPage()
    await page.goto('/no-such-page')
    await page.getByRole('heading', { level: 1 }).waitFor()
    await expectNoAxeViolations(page, 'not-found')
  })
})

describe('keyboard', () => {
  it('signs in with the keyboard only: Tab through the form, Enter; every stop has visible focus', async () => {
    const page = await freshPage()
    await page.goto('/login')
    await page.getByLabel('E-mail').waitFor()

    // The skip link comes first, then the form in reading order.
    const stops: string[] = []
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab')
      const focus = await focusIndicator(page)
      expect(focus.visible, `no visible focus on ${focus.element} (${focus.style})`).toBe(true)
      stops.push(await describeActive(page))
    }
    expect(stops[0]).toContain('Saltar para o conteúdo')
    expect(stops[1]).toMatch(/^input/)
    expect(stops[2]).toMatch(/^input/)
    expect(stops[3]).toContain('Entrar')
    await expect(isFocused(page.getByRole('button', { name: 'Entrar' }))).resolves.toBe(true)

    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await expect(isFocused(page.getByLabel('E-mail'))).resolves.toBe(true)
    await page.keyboard.type(PEOPLE.joao.email)
    await page.keyboard.press('Tab')
    await expect(isFocused(page.getByLabel('Palavra-passe'))).resolves.toBe(true)
    await page.keyboard.type('encontro-demo')
    await page.keyboard.press('Enter')
    await page.waitForURL('**/user/sessions')
    await page.getByRole('heading', { name: 'Meu percurso', level: 1 }).waitFor()
  })

  it('the prestador modal: opened with the keyboard, focus trapped, Escape returns focus; also after "Guardar link"', async () => {
    // A session of Pedro's of its own (far ahead), so saving a link here changes no seed row.
    const own = await createBooking()
    const page = await signedInPage(PEOPLE.pedro.email, '/prestador/sessions')
    const card = page.locator(`#session-${own.id}`)
    const trigger = card.getByRole('button', { name: 'Gerir sessão' })
    await trigger.waitFor()

    // Tab from the top of the page to the card's "Gerir sessão": every stop has visible focus.
    await page.locator('body').click({ position: { x: 1, y: 1 } })
    let reached = false
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press('Tab')
      const focus = await focusIndicator(page)
      expect(focus.visible, `no visible focus on ${focus.element} (${focus.style})`).toBe(true)
      reached = await isFocused(trigger)
    }
    expect(reached, 'Tab never reached the card\'s "Gerir sessão"').toBe(true)
    await page.keyboard.press('Enter')

    const dialog = page.getByRole('dialog', { name: 'Sessão com João Silva' })
    await dialog.waitFor()
    const field = dialog.getByLabel('Link da reunião')
    await expect(isFocused(field)).resolves.toBe(true)

    /** Tab and Shift+Tab go around inside the dialog, never out of it; each stop shows focus. */
    const expectTrapped = async (label: string) => {
      const forward: string[] = []
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab')
        expect(await focusIsInside(dialog), `${label}: Tab #${i + 1} left the dialog (${await describeActive(page)})`).toBe(true)
        const focus = await focusIndicator(page)
        expect(focus.visible, `${label}: no visible focus on ${focus.element} (${focus.style})`).toBe(true)
        forward.push(await describeActive(page))
      }
      // It went round: some stop came back.
      expect(new Set(forward).size).toBeLessThan(forward.length)
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Shift+Tab')
        expect(await focusIsInside(dialog), `${label}: Shift+Tab #${i + 1} left the dialog (${await describeActive(page)})`).toBe(true)
      }
    }
    await expectTrapped('on open')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect(isFocused(trigger), `focus is on ${await describeActive(page)}`).resolves.toBe(true)

    // Again, and save a link with the keyboard.
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await expect(isFocused(field)).resolves.toBe(true)
    const link = `https://meet.google.com/a11y-${Date.now().toString(36).slice(-3)}-test`
    await page.keyboard.type(link)
    await dialog.getByText('Plataforma detetada: Google Meet').waitFor()
    const save = dialog.getByRole('button', { name: 'Guardar link' })
    for (let i = 0; i < 10 && !(await isFocused(save)); i++) await page.keyboard.press('Tab')
    await expect(isFocused(save)).resolves.toBe(true)
    await page.keyboard.press('Enter')

    // Live region: the save is announced in a role=status region.
    const status = dialog.getByRole('status').filter({ hasText: 'Link guardado.' })
    await status.waitFor()
    expect(await status.evaluate((el) => el.getAttribute('role') === 'status' || el.getAttribute('aria-live') === 'polite')).toBe(true)
    await dialog.getByText(/Último a alterar: Dr\. Pedro Santos em/).waitFor()
    // Focus stayed in the dialog (on the save button), not on <body>.
    expect(await focusIsInside(dialog), `after the save focus is on ${await describeActive(page)}`).toBe(true)
    await expect(isFocused(save), `after the save focus is on ${await describeActive(page)}`).resolves.toBe(true)
    await expectTrapped('after the save')
    expect(await field.inputValue()).toBe(link)

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect(isFocused(trigger), `focus is on ${await describeActive(page)}`).resolves.toBe(true)
    await card.getByText('Link definido').waitFor()
  })
})

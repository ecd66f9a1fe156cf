// Hostile and mistaken input in every form, in real Chromium: the meeting link (other schemes,
// http, spaces, too long, credentials, hidden characters...), the booking form sent with steps
// missing, a reschedule that ends before it starts or lies in the past, a cancellation with no
// reason or a 501-character one, and the login with an empty or malformed email.
//
// Each case: a pt-PT message next to the field that a screen reader announces with it
// (aria-describedby, aria-invalid), what was typed is still there, and nothing reached the
// API (the fault proxy's request log shows no write) or the database.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { faults } from './support/faults'
import {
  describedBy,
  expectFieldError,
  expectNoText,
  nextWeekday,
  openSessionModal,
  pick,
  pickDay,
  sessionCard,
  showDay,
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

let browser: Browser
let employee: Person
let prestador: Person
const contexts: BrowserContext[] = []

beforeAll(async () => {
  ;[browser, employee, prestador] = await Promise.all([
    launchBrowser(),
    createEmployee('Inês Hostil'),
    createPrestador('Dr. Nuno Hostil', { pillar: 'assistencia_financeira', specialty: 'Finanças pessoais' }),
  ])
})

afterAll(async () => {
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
const freshSession = (days: number) =>
  createSession({
    userId: employee.id,
    prestadorId: prestador.id,
    pillar: 'assistencia_financeira',
    startsInMs: days * DAY + sessionCount++ * 2 * 3_600_000,
  })

/** Writes (anything but GET/HEAD/OPTIONS) the app sent to `pathPrefix` since `mark`. */
async function writesSince(mark: number, pathPrefix: string) {
  return (await faults.log(mark)).filter((e) => !['GET', 'HEAD', 'OPTIONS'].includes(e.method) && e.url.startsWith(pathPrefix))
}

/** The message of a radio group or placeholder group is tied to it (read out when it gets focus). */
async function expectGroupError(group: Locator, message: string): Promise<void> {
  await expect.poll(async () => (await describedBy(group)).text, { timeout: 10_000 }).toContain(message)
  await group.getByText(message).waitFor()
}

describe('meeting link field', () => {
  const LONG = `https://zoom.us/j/${'9'.repeat(2049 - 'https://zoom.us/j/'.length)}`
  const CASES: Array<[name: string, typed: string, message: string]> = [
    ['javascript: scheme', 'javascript:alert(document.cookie)', 'O link tem de começar por https://.'],
    ['data: scheme', 'data:text/html,<script>alert(1)</script>', 'O link tem de começar por https://.'],
    ['plain http', 'http://zoom.us/j/85512345678', 'O link tem de começar por https://.'],
    ['a space inside', 'https://zoom.us/j/855 12345678', 'O link não pode conter espaços.'],
    ['2049 characters', LONG, 'O link é demasiado longo (máximo 2048 caracteres).'],
    ['credentials', 'https://pedro:segredo@zoom.us/j/85512345678', 'O link não pode incluir nome de utilizador ou palavra-passe.'],
    ['a right-to-left override', 'https://zoom.us/j/855\u202E12345678', 'O link contém caracteres invisíveis ou de controlo. Copie-o novamente a partir da sua plataforma.'],
    ['an IP address', 'https://127.0.0.1/j/85512345678', 'Use o endereço com o nome da plataforma (ex.: zoom.us), não um endereço IP.'],
    ['a backslash trick', 'https://zoom.us\\@evil.example.com/j/1', 'O link não pode conter barras invertidas (\\). Copie o link completo da sua plataforma.'],
  ]

  it('refuses each next to the field, keeps the text and saves nothing', async () => {
    expect(LONG).toHaveLength(2049)
    const session = await freshSession(20)
    const page = await signedInPage(prestador, '/prestador/sessions')
    const dialog = await openSessionModal(page, session.id, employee.name)
    const field = dialog.getByLabel('Link da reunião')
    const save = dialog.getByRole('button', { name: 'Guardar link' })
    const mark = await faults.mark()

    for (const [name, typed, message] of CASES) {
      await field.fill(typed)
      await save.click()
      await expectFieldError(field, message)
      expect(await field.inputValue(), name).toBe(typed)
      await expectNoText(page, 'Link guardado.')
      if (name === 'javascript: scheme') await screenshot(page, 'hostile-link-javascript', { fullPage: false })
    }

    expect(await writesSince(mark, '/rest/v1/rpc/save_meeting_link')).toEqual([])
    expect((await bookingInDb(session.id)).meeting_link).toBeNull()
    // Emptying the field is refused too (removing a link is its own button).
    await field.fill('')
    await save.click()
    await expectFieldError(field, 'Indique o link da reunião.')
    // And a real link still goes through from the same modal.
    await field.fill('  https://meet.google.com/abc-defg-hij  ')
    await save.click()
    await dialog.getByText('Link guardado.').waitFor()
    expect(await describedBy(field)).toMatchObject({ invalid: null })
    expect((await bookingInDb(session.id)).meeting_link).toBe('https://meet.google.com/abc-defg-hij')
  })
})

describe('booking form (/user/book)', () => {
  it('says what each missing step needs, next to it, keeps what was chosen and books nothing', async () => {
    const page = await signedInPage(employee, '/user/book')
    const before = await bookingsOf(employee.id)
    const mark = await faults.mark()
    const confirm = page.getByRole('button', { name: 'Confirmar marcação' })
    const pillarRadio = page.getByRole('radio', { name: 'Assistência financeira' })

    // Nothing chosen.
    await confirm.click()
    await expectFieldError(pillarRadio, 'Escolha a área da sessão.')
    await expectGroupError(page.getByRole('group', { name: 'Prestador' }), 'Escolha um prestador.')
    await expectGroupError(page.getByRole('group', { name: 'Dia' }), 'Escolha o dia.')
    await expectGroupError(page.getByRole('group', { name: 'Horário' }), 'Escolha um horário livre.')
    await expectFieldError(page.getByRole('radio', { name: /^Virtual/ }), 'Escolha o tipo de sessão.')
    await screenshot(page, 'hostile-booking-empty')

    // Área and prestador chosen: a day without free slots (a Saturday) cannot be chosen; the
    // first free day stays chosen.
    await pick(pillarRadio)
    const nuno = page.getByRole('radio', { name: /Dr\. Nuno Hostil/ })
    await pick(nuno)
    // The day grid loads and the first free day is chosen (the form grows): then the type.
    await page.locator('button[data-day][aria-pressed="true"]').waitFor()
    await pick(page.getByRole('radio', { name: /^Telefone/ }))
    const saturday = await showDay(page, nextWeekday(6, 0))
    expect(await saturday.getAttribute('aria-disabled')).toBe('true')
    // force: Playwright would wait for an aria-disabled button to become enabled; a person just clicks.
    await saturday.click({ force: true })
    expect(await saturday.getAttribute('aria-pressed')).toBe('false')
    await expect(page.locator('button[data-day][aria-pressed="true"]').count()).resolves.toBe(1)
    expect(await pillarRadio.isChecked()).toBe(true)
    expect(await nuno.isChecked()).toBe(true)

    // A good day, but no time picked.
    const good = nextWeekday(2, 14)
    await pickDay(page, good)
    await confirm.click()
    await expectFieldError(page.getByRole('group', { name: 'Horário' }).getByRole('radio').first(), 'Escolha um horário livre.')
    expect(await page.locator(`button[data-day="${good}"]`).getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByRole('radio', { name: /^Telefone/ }).isChecked()).toBe(true)

    expect(await writesSince(mark, '/rest/v1/bookings')).toEqual([])
    expect(await bookingsOf(employee.id)).toHaveLength(before.length)
    expect(new URL(page.url()).pathname).toBe('/user/book')
  })
})

describe('reschedule (prestador modal)', () => {
  it('offers only bookable slots: no free date or time fields, days without free slots cannot be chosen, a missing time is said next to the times; moves nothing', async () => {
    const session = await freshSession(22)
    const page = await signedInPage(prestador, '/prestador/sessions')
    const dialog = await openSessionModal(page, session.id, employee.name)
    await dialog.getByRole('button', { name: 'Reagendar' }).click()
    const mark = await faults.mark()
    await dialog.getByRole('group', { name: /^Dias de / }).waitFor()
    expect(await dialog.getByLabel('Hora de início').count()).toBe(0)
    expect(await dialog.getByLabel('Nova data').count()).toBe(0)
    expect(await dialog.getByRole('button', { name: 'Fora do horário' }).count()).toBe(0)

    const sunday = await showDay(dialog, nextWeekday(7, 0))
    expect(await sunday.getAttribute('aria-disabled')).toBe('true')
    // force: Playwright would wait for an aria-disabled button to become enabled; a person just clicks.
    await sunday.click({ force: true })
    expect(await sunday.getAttribute('aria-pressed')).toBe('false')

    await dialog.getByRole('group', { name: 'Horário' }).getByRole('radio').first().waitFor()
    await dialog.getByRole('button', { name: 'Guardar nova data' }).click()
    await expectFieldError(dialog.getByRole('group', { name: 'Horário' }).getByRole('radio').first(), 'Escolha um horário livre.')

    await expectNoText(page, /Sessão reagendada/)
    expect(await writesSince(mark, '/rest/v1/rpc/reschedule_booking')).toEqual([])
    expect(Date.parse((await bookingInDb(session.id)).starts_at)).toBe(Date.parse(session.starts_at))
  })
})

describe('cancel reason', () => {
  const LONG_REASON = `${'Motivo muito longo. '.repeat(25)}x`.slice(0, 501)

  it('prestador modal: refuses an empty (blank) reason and a 501-character one next to the field; keeps the text; cancels nothing', async () => {
    expect(LONG_REASON).toHaveLength(501)
    const session = await freshSession(24)
    const page = await signedInPage(prestador, '/prestador/sessions')
    const dialog = await openSessionModal(page, session.id, employee.name)
    await dialog.getByRole('button', { name: 'Cancelar sessão' }).click()
    const field = dialog.getByLabel('Motivo do cancelamento')
    const confirm = dialog.getByRole('button', { name: 'Confirmar cancelamento' })
    const mark = await faults.mark()

    await confirm.click()
    await expectFieldError(field, 'Indique o motivo do cancelamento.')

    await field.fill('   \n  ')
    await confirm.click()
    await expectFieldError(field, 'Indique o motivo do cancelamento.')
    expect(await field.inputValue()).toBe('   \n  ')

    await field.fill(LONG_REASON)
    await confirm.click()
    await expectFieldError(field, 'O motivo pode ter no máximo 500 caracteres.')
    expect(await field.inputValue()).toBe(LONG_REASON)
    await dialog.getByText('Obrigatório. 501/500 caracteres.').waitFor()
    await screenshot(page, 'hostile-cancel-501', { fullPage: false })

    await expectNoText(page, 'Sessão cancelada.')
    expect(await writesSince(mark, '/rest/v1/rpc/cancel_booking')).toEqual([])
    expect((await bookingInDb(session.id)).status).toBe('scheduled')
  })

  it("employee's card on /user/sessions: the reason is optional, but a 501-character one is refused", async () => {
    const session = await freshSession(26)
    const page = await signedInPage(employee, '/user/sessions')
    const card = sessionCard(page, session.id)
    await card.getByRole('button', { name: 'Cancelar sessão' }).click()
    const field = card.getByLabel('Motivo do cancelamento')
    const confirm = card.getByRole('button', { name: 'Confirmar cancelamento' })
    const mark = await faults.mark()

    await card.getByText('Opcional. 0/500 caracteres.').waitFor()
    await field.fill(LONG_REASON)
    await confirm.click()
    await expectFieldError(field, 'O motivo pode ter no máximo 500 caracteres.')
    expect(await field.inputValue()).toBe(LONG_REASON)

    expect(await writesSince(mark, '/rest/v1/rpc/cancel_booking')).toEqual([])
    expect((await bookingInDb(session.id)).status).toBe('scheduled')
  })
})

describe('login', () => {
  it('refuses an empty and a malformed email next to the field, keeps what was typed, and asks the server nothing', async () => {
    const context = await newContext(browser)
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/login')
    const email = page.getByLabel('E-mail')
    const password = page.getByLabel('Palavra-passe')
    const submit = page.getByRole('button', { name: 'Entrar' })
    const mark = await faults.mark()

    await submit.click()
    await expectFieldError(email, 'Indique o seu e-mail.')
    await expectFieldError(password, 'Indique a palavra-passe.')

    for (const typed of ['joao@', 'joao encontro.test', '"><img src=x onerror=alert(1)>', 'joao@@encontro.test']) {
      await email.fill(typed)
      await password.fill('encontro-demo')
      await submit.click()
      await expectFieldError(email, 'E-mail inválido.')
      expect(await email.inputValue()).toBe(typed)
      expect(await password.inputValue()).toBe('encontro-demo')
    }
    // Only spaces is empty.
    await email.fill('    ')
    await submit.click()
    await expectFieldError(email, 'Indique o seu e-mail.')

    expect(await writesSince(mark, '/auth/v1/token')).toEqual([])
    expect(new URL(page.url()).pathname).toBe('/login')

    // A well-formed email with the wrong password reaches the server and is refused there.
    await email.fill(employee.email)
    await password.fill('palavra-errada')
    await submit.click()
    await page.getByRole('alert').filter({ hasText: 'E-mail ou palavra-passe incorretos.' }).waitFor()
    expect(await email.inputValue()).toBe(employee.email)
    expect(await password.inputValue()).toBe('palavra-errada')
  })
})

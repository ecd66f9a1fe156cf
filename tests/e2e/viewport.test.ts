// Phone first, in real Chromium against a fresh stack: every role page at 375 x 812, 414 x 896
// and 1280 x 800, signed in as the seed's people, as the page opens, with the notification panel
// open and with each dialog the page offers open. In each state every visible interactive
// element (a, button, input, select, textarea, [role=button], [tabindex]) of what is in front
// (the page, the panel or the dialog) lies inside the viewport horizontally and is not covered
// (elementFromPoint at its centre, once scrolled into view, is itself or inside it), and the
// page never scrolls sideways. Screenshots: test-results/e2e/viewport/<page>-<width>-<state>.png.
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BOOKING, PEOPLE } from '../integration/support/seed'
import { SCREENSHOT_DIR, launchBrowser, newContext, signIn } from './support/browser'

const SIZES = [
  { name: '375', width: 375, height: 812 },
  { name: '414', width: 414, height: 896 },
  { name: '1280', width: 1280, height: 800 },
] as const
type Size = (typeof SIZES)[number]

let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  browser = await launchBrowser()
  await fs.mkdir(path.join(SCREENSHOT_DIR, 'viewport'), { recursive: true })
})
afterEach(async () => {
  await context?.close()
  context = undefined
})
afterAll(async () => {
  await browser?.close()
})

async function signedInPage(email: string, pathname: string, size: Size): Promise<Page> {
  context = await newContext(browser, { viewport: { width: size.width, height: size.height } })
  const page = await context.newPage()
  await signIn(page, email)
  if (new URL(page.url()).pathname !== pathname) await page.goto(pathname)
  return page
}

/** Problems of the interactive elements inside `root` (the whole document when null). Runs in the page. */
function findProblems(root: Element | null): string[] {
  const problems: string[] = []
  const width = document.documentElement.clientWidth
  const scrolling = document.scrollingElement ?? document.documentElement
  if (scrolling.scrollWidth > width) problems.push(`the page scrolls sideways: scrollWidth ${scrolling.scrollWidth} > ${width}`)
  const describe = (el: Element) => {
    const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.trim().replace(/\s+/g, ' ').slice(0, 50) ?? ''
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${name}"`
  }
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [tabindex]'
  for (const el of Array.from((root ?? document).querySelectorAll(selector))) {
    const style = getComputedStyle(el)
    if (style.visibility === 'hidden' || style.display === 'none') continue
    const first = el.getBoundingClientRect()
    // Not rendered, or visually hidden on purpose (sr-only radios drawn by their label, the skip link).
    if (first.width <= 1 || first.height <= 1) continue
    if (style.clipPath.startsWith('inset(50%') || style.clip === 'rect(0px, 0px, 0px, 0px)') continue
    el.scrollIntoView({ block: 'center', inline: 'nearest' })
    const r = el.getBoundingClientRect()
    if (r.left < -0.5 || r.right > width + 0.5) {
      problems.push(`${describe(el)} is outside the viewport horizontally (${Math.round(r.left)}..${Math.round(r.right)} of ${width})`)
      continue
    }
    // An inline element over several lines: the centre of its first line (its box's centre may fall between lines).
    const line = el.getClientRects().length > 1 ? el.getClientRects()[0]! : r
    const x = Math.min(Math.max(line.left + line.width / 2, 0), width - 1)
    const y = Math.min(Math.max(line.top + line.height / 2, 0), window.innerHeight - 1)
    const hit = document.elementFromPoint(x, y)
    if (hit && hit !== el && !el.contains(hit)) problems.push(`${describe(el)} is covered by ${describe(hit)}`)
  }
  window.scrollTo(0, 0)
  return problems
}

/** Checks the state (the page, or what is in front: `scope`), after saving its screenshot. */
async function expectUsable(page: Page, size: Size, name: string, scope?: Locator): Promise<void> {
  // Let layout and transitions settle.
  await page.waitForTimeout(250)
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'viewport', `${name}-${size.name}.png`), fullPage: !scope })
  const root = scope ? await scope.elementHandle() : null
  const problems = await page.evaluate(findProblems, root)
  expect(problems, `${name} at ${size.width} px:\n${problems.join('\n')}`).toEqual([])
}

async function withBellOpen(page: Page, size: Size, name: string): Promise<void> {
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: /^Notificações/ }).click()
  const panel = page.getByRole('region', { name: 'Notificações' })
  await panel.getByRole('heading', { name: 'Notificações' }).waitFor()
  await panel.getByRole('list', { name: 'Notificações' }).or(panel.getByText('Não tem notificações.')).waitFor()
  const frame = await panel.boundingBox()
  expect(frame, 'the panel has a box').not.toBeNull()
  // The whole panel is on screen (its left edge used to be at -233 px on phones).
  expect(frame!.x).toBeGreaterThanOrEqual(0)
  expect(frame!.x + frame!.width).toBeLessThanOrEqual(size.width + 0.5)
  await expectUsable(page, size, `${name}-bell`, panel)
  await page.keyboard.press('Escape')
  await panel.waitFor({ state: 'detached' })
}

/**
 * Opens a dialog with `opener`, checks it, closes it with Escape. When `ready` changed a field
 * (`changed`), Escape first asks "Descartar alterações?": that question is checked too, then "Descartar".
 */
async function withDialog(
  page: Page,
  size: Size,
  name: string,
  opener: Locator,
  title: string | RegExp,
  ready?: (dialog: Locator) => Promise<void>,
  changed = false,
): Promise<void> {
  await opener.click()
  const dialog = page.getByRole('dialog', { name: title })
  await dialog.waitFor()
  await ready?.(dialog)
  await expectUsable(page, size, name, dialog)
  await page.keyboard.press('Escape')
  if (changed) {
    const question = page.getByRole('alertdialog', { name: 'Descartar alterações?' })
    await question.waitFor()
    await expectUsable(page, size, `${name}-discard`, question)
    await question.getByRole('button', { name: 'Descartar' }).click()
  }
  await dialog.waitFor({ state: 'detached' })
}

describe.each(SIZES)('every role page is usable at $width x $height', (size) => {
  it('/user/sessions (João): the page, its cancel form, the bell', async () => {
    const page = await signedInPage(PEOPLE.joao.email, '/user/sessions', size)
    const later = page.locator(`#session-${BOOKING.joaoVirtualIn2h}`)
    await later.waitFor()
    await expectUsable(page, size, 'user-sessions')
    await later.getByRole('button', { name: 'Cancelar sessão' }).click()
    await later.getByRole('button', { name: 'Confirmar cancelamento' }).waitFor()
    await expectUsable(page, size, 'user-sessions-cancel')
    await later.getByRole('button', { name: 'Voltar' }).click()
    await withBellOpen(page, size, 'user-sessions')
  })

  it('/user/book (João): the form a few steps in, the bell', async () => {
    const page = await signedInPage(PEOPLE.joao.email, '/user/book', size)
    await page.getByRole('heading', { name: 'Marcar sessão', level: 1 }).waitFor()
    await expectUsable(page, size, 'user-book')
    const area = page.getByRole('radio').first()
    await area.locator('xpath=ancestor::label[1]').click()
    const prestador = page.getByRole('radio', { name: /Dr\.|Dra\./ }).first()
    await prestador.waitFor({ state: 'attached' })
    await prestador.locator('xpath=ancestor::label[1]').click()
    await expectUsable(page, size, 'user-book-steps')
    await withBellOpen(page, size, 'user-book')
  })

  it('/prestador/sessions (Pedro): the page, the session modal and its reschedule and cancel panels, the bell', async () => {
    const page = await signedInPage(PEOPLE.pedro.email, '/prestador/sessions', size)
    const card = page.locator(`#session-${BOOKING.joaoVirtualIn3Min}`)
    await card.waitFor()
    await expectUsable(page, size, 'prestador-sessions')
    const manage = card.getByRole('button', { name: 'Gerir sessão' })
    await withDialog(page, size, 'prestador-manage', manage, 'Sessão com João Silva', (d) => d.getByLabel('Link da reunião').waitFor())
    await withDialog(page, size, 'prestador-reschedule', manage, 'Sessão com João Silva', async (d) => {
      await d.getByRole('button', { name: 'Reagendar' }).click()
      await d.getByRole('button', { name: 'Guardar nova data' }).waitFor()
    })
    await withDialog(page, size, 'prestador-cancel', manage, 'Sessão com João Silva', async (d) => {
      await d.getByRole('button', { name: 'Cancelar sessão' }).click()
      await d.getByRole('button', { name: 'Confirmar cancelamento' }).waitFor()
    })
    await withBellOpen(page, size, 'prestador-sessions')
  })

  it('/prestador/availability (Pedro): reached from the bottom of "Sessões" it starts at the top; the page, the bell', async () => {
    const page = await signedInPage(PEOPLE.pedro.email, '/prestador/sessions', size)
    await page.locator(`#session-${BOOKING.joaoVirtualIn3Min}`).waitFor()
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
    // A click from script: Playwright's own click would first scroll the header link into view.
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Disponibilidade' }).evaluate((a) => (a as HTMLElement).click())
    await page.getByRole('group', { name: 'Segunda-feira' }).waitFor()
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    await expectUsable(page, size, 'prestador-availability')
    await withBellOpen(page, size, 'prestador-availability')
  })

  it('/especialista/dashboard (Rita): the page, the case modal, the assign dialog, the bell', async () => {
    const page = await signedInPage(PEOPLE.rita.email, '/especialista/dashboard', size)
    const caseCard = page.locator(`#session-${BOOKING.joaoRitaCase}`)
    await caseCard.waitFor()
    await page.getByRole('list', { name: 'Pedidos em espera' }).or(page.getByText('Não há pedidos em espera.')).waitFor()
    await expectUsable(page, size, 'especialista-dashboard')
    await withDialog(page, size, 'especialista-case', caseCard.getByRole('button', { name: 'Gerir sessão' }), /^Sessão com /, (d) =>
      d.getByLabel('Link da reunião').waitFor(),
    )
    await withDialog(page, size, 'especialista-assign', page.getByRole('button', { name: /^Atribuir o pedido de / }).first(), 'Atribuir pedido', (d) =>
      d.getByRole('radio').first().waitFor({ state: 'attached' }),
    )
    await withBellOpen(page, size, 'especialista-dashboard')
  })

  it('/admin/operations (admin): the page (cards on phones), "Nova sessão", each row action, the bell', async () => {
    const page = await signedInPage(PEOPLE.admin.email, '/admin/operations', size)
    await page.getByRole('heading', { name: 'Sem link' }).waitFor()
    await page.getByRole('table').waitFor()
    await expectUsable(page, size, 'admin-operations')
    await withDialog(page, size, 'admin-new-booking', page.getByRole('button', { name: 'Nova sessão' }), 'Nova sessão', async (d) => {
      await d.getByLabel('Empresa', { exact: true }).selectOption({ label: 'Acme Portugal' })
    }, true)
    const actions: Array<[string, string]> = [
      ['Editar', 'Editar sessão'],
      ['Reagendar', 'Reagendar sessão'],
      ['Cancelar', 'Cancelar sessão'],
      ['Link', 'Link da reunião'],
    ]
    for (const [action, title] of actions) {
      const opener = page.getByRole('button', { name: new RegExp(`^${action}: `) }).first()
      await withDialog(page, size, `admin-${action.toLowerCase()}`, opener, title)
    }
    // "Virtual sem link" over any range: the filter applied, the table still usable.
    const filters = page.getByRole('form', { name: 'Filtros' })
    await filters.getByRole('checkbox', { name: /Virtual sem link/ }).check()
    await filters.getByRole('button', { name: 'Filtrar' }).click()
    await page.waitForURL((url) => url.searchParams.get('missing_link') === '1')
    await page.getByText(/Página 1 de \d+ · \d+ sess/).or(page.getByText('Nenhuma sessão corresponde aos filtros.')).waitFor()
    await expectUsable(page, size, 'admin-operations-missing-links')
    await withBellOpen(page, size, 'admin-operations')
  })
})

// The prestador's availability editor in real Chromium against a fresh stack: Pedro opens
// "Disponibilidade", adds a Saturday block 10:00–12:00 (the save is announced only once the
// server has it), and João's /user/book then offers Pedro's Saturday slots; once Pedro removes
// the block they are gone again. Plus: the overlap refusal next to the fields, and axe (WCAG
// 2.1 A/AA) on the page with and without errors shown.
//
// Pedro has no Saturday hours in the seed; whatever this file adds for him is removed again
// (in the test, and in afterAll should it fail half-way), so other files see the seed.
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import type { Result } from 'axe-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { addDays, formatLocalDate, isoWeekday, localDateTimeOf } from '../../src/lib/zoned-time'
import { serviceClient } from '../integration/support/clients'
import { PEOPLE } from '../integration/support/seed'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { pickDay, showDay } from './support/booking-form'

const ZONE = 'Europe/Lisbon'
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()))
})
afterAll(async () => {
  await browser?.close()
  // Pedro's seed has no weekend hours: drop any left by a failed run of this file.
  await serviceClient().from('prestador_availability').delete().eq('prestador_id', PEOPLE.pedro.id).in('weekday', [6, 7])
})

async function signedIn(email: string): Promise<Page> {
  const context = await newContext(browser)
  contexts.push(context)
  const page = await context.newPage()
  await signIn(page, email)
  return page
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

async function openAvailability(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Disponibilidade' }).click()
  await page.waitForURL('**/prestador/availability')
  await page.getByRole('heading', { name: 'Disponibilidade', level: 1 }).waitFor()
  await page.getByRole('group', { name: 'Segunda-feira' }).getByText('09:00–13:00').waitFor()
}

/** The times João is offered with Pedro on `day`: none when the day picker does not let it be chosen. */
async function pedroSlotsOn(page: Page, day: string): Promise<string[]> {
  await page.goto('/user/book')
  await pick(page.getByRole('radio', { name: 'Saúde mental' }))
  await pick(page.getByRole('radio', { name: /Dr\. Pedro Santos/ }))
  const button = await showDay(page, day)
  if ((await button.getAttribute('aria-disabled')) === 'true') return []
  await pickDay(page, day)
  const slots = page.getByRole('group', { name: 'Horário' }).getByRole('radio')
  return slots.evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent?.trim() ?? ''))
}

function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n\n')
}

async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300)
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  const results = await page.evaluate(
    (values) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
  )
  if (results.violations.length > 0) await screenshot(page, `a11y-${name}`, { fullPage: false })
  expect(results.violations.map((v) => v.id), `axe violations on ${name}:\n${formatViolations(results.violations)}`).toEqual([])
}

describe('prestador availability', () => {
  it('Pedro adds a Saturday block 10:00–12:00; João is then offered Pedro\'s Saturday slots; removed, they are gone', async () => {
    const saturday = nextWeeks(6)
    const joao = await signedIn('joao@encontro.test')
    // Before: Pedro does not work on Saturdays.
    expect(await pedroSlotsOn(joao, saturday)).toEqual([])

    const pedro = await signedIn('pedro@encontro.test')
    await openAvailability(pedro)
    await pedro.getByText('Horas em Lisboa').waitFor()
    const group = pedro.getByRole('group', { name: 'Sábado' })
    await group.getByText('Sem horário neste dia.').waitFor()
    await group.getByLabel('Início').fill('10:00')
    await group.getByLabel('Fim').fill('12:00')
    await group.getByRole('button', { name: 'Adicionar bloco a sábado' }).click()
    await pedro.getByRole('status').filter({ hasText: 'Bloco 10:00–12:00 adicionado a sábado.' }).waitFor()
    // The block itself (the day's status line also names it).
    await group.getByText('10:00–12:00', { exact: true }).waitFor()
    await expect(group.getByLabel('Início').inputValue()).resolves.toBe('')
    await screenshot(pedro, 'availability-saturday-added')

    // The server has it, in Pedro's zone.
    const { data: rows } = await serviceClient().from('prestador_availability').select('start_time, end_time').eq('prestador_id', PEOPLE.pedro.id).eq('weekday', 6)
    expect(rows).toEqual([{ start_time: '10:00:00', end_time: '12:00:00' }])

    // João: 50-minute sessions with 10 minutes between them, in 10:00–12:00.
    expect(await pedroSlotsOn(joao, saturday)).toEqual(['10:00', '11:00'])
    await screenshot(joao, 'availability-joao-saturday-slots')

    // Pedro removes it (focus stays on the day); João's Saturday is empty again.
    await group.getByRole('button', { name: 'Remover 10:00–12:00 de sábado' }).click()
    await pedro.getByRole('status').filter({ hasText: 'Bloco 10:00–12:00 removido de sábado.' }).waitFor()
    await group.getByText('Sem horário neste dia.').waitFor()
    await expect(group.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    expect(await pedroSlotsOn(joao, saturday)).toEqual([])
  })

  it('an overlapping block is refused next to the fields, the typed times stay, nothing is saved', async () => {
    const pedro = await signedIn('pedro@encontro.test')
    await openAvailability(pedro)
    const monday = pedro.getByRole('group', { name: 'Segunda-feira' })
    await monday.getByLabel('Início').fill('12:00')
    await monday.getByLabel('Fim').fill('15:00')
    await monday.getByRole('button', { name: 'Adicionar bloco a segunda-feira' }).click()
    await monday.getByText('Este horário sobrepõe-se a outro bloco nesse dia.').waitFor()
    await expect(monday.getByLabel('Início').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(monday.getByLabel('Início').inputValue()).resolves.toBe('12:00')
    await expect(monday.getByLabel('Início').evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await expect(pedro.getByRole('status').filter({ hasText: 'adicionado' }).count()).resolves.toBe(0)
    const { data: rows } = await serviceClient().from('prestador_availability').select('id').eq('prestador_id', PEOPLE.pedro.id).eq('weekday', 1)
    expect(rows).toHaveLength(2)
    await screenshot(pedro, 'availability-overlap')
  })

  it('axe: no WCAG 2.1 A/AA violations, with and without errors shown; keyboard reaches the fields', async () => {
    const pedro = await signedIn('pedro@encontro.test')
    await openAvailability(pedro)
    await pedro.getByLabel('Duração de cada sessão (minutos)').waitFor()
    await expectNoAxeViolations(pedro, 'prestador-availability')

    // Keyboard only: from "Início" of Monday, Tab goes to "Fim", then the add button.
    const monday = pedro.getByRole('group', { name: 'Segunda-feira' })
    await monday.getByLabel('Início').focus()
    await pedro.keyboard.press('Tab')
    // A time input has inner fields (hour, minute); Tab moves through them to "Fim".
    for (let i = 0; i < 3 && !(await monday.getByLabel('Fim').evaluate((el) => el === document.activeElement)); i++) await pedro.keyboard.press('Tab')
    await expect(monday.getByLabel('Fim').evaluate((el) => el === document.activeElement)).resolves.toBe(true)

    // Errors everywhere: an end before the start, a past day, a session too long.
    await monday.getByLabel('Início').fill('20:00')
    await monday.getByLabel('Fim').fill('19:00')
    await monday.getByRole('button', { name: 'Adicionar bloco a segunda-feira' }).click()
    await monday.getByText('A hora de fim tem de ser depois da hora de início.').waitFor()
    const yesterday = formatLocalDate(addDays(localDateTimeOf(Date.now(), ZONE), -1))
    await pedro.getByLabel('Dia', { exact: true }).fill(yesterday)
    await pedro.getByRole('button', { name: 'Bloquear dia' }).click()
    await pedro.getByText('Não é possível bloquear um dia que já passou.').waitFor()
    await pedro.getByLabel('Duração de cada sessão (minutos)').fill('500')
    await pedro.getByRole('button', { name: 'Guardar' }).click()
    await pedro.getByText('A duração tem de ser um número inteiro de minutos entre 15 e 240.').waitFor()
    await expectNoAxeViolations(pedro, 'prestador-availability-errors')
    await screenshot(pedro, 'availability-errors')
  })
})

// "Adicionar ao calendário" in real Chromium: Pedro's and João's session cards each download
// the session's .ics (a real browser download, parsed back with ical.js); the generator
// (ical-generator) is fetched only on the click; on Pedro's card the button is clickable above
// the "Gerir sessão" overlay that makes the rest of the card open the modal.
import fs from 'node:fs/promises'
import ICAL from 'ical.js'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, signIn } from './support/browser'

// Fixed ids of supabase/seed.sql.
const IN_2_HOURS = '30000000-0000-4000-8000-000000000002'

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

async function freshPage(): Promise<{ page: Page; generatorRequests: string[] }> {
  context = await newContext(browser)
  const page = await context.newPage()
  const generatorRequests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('ical-generator')) generatorRequests.push(request.url())
  })
  return { page, generatorRequests }
}

const card = (page: Page, bookingId: string) => page.locator(`#session-${bookingId}`)

async function downloadIcs(page: Page, bookingId: string) {
  const button = card(page, bookingId).getByRole('button', { name: /^Adicionar ao calendário a sessão de / })
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
  const text = await fs.readFile(await download.path(), 'utf8')
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('no VEVENT in the downloaded file')
  return { filename: download.suggestedFilename(), text, vevent }
}

describe('Adicionar ao calendário', () => {
  it('Pedro downloads the .ics of a session from its card, without opening the modal', async () => {
    const { page, generatorRequests } = await freshPage()
    await signIn(page, 'pedro@encontro.test')
    await page.waitForURL('**/prestador/sessions')
    await card(page, IN_2_HOURS).waitFor()
    // One button per card.
    const cards = await page.locator('article').count()
    expect(await page.getByRole('button', { name: /^Adicionar ao calendário/ }).count()).toBe(cards)
    expect(generatorRequests).toEqual([])

    const { filename, vevent, text } = await downloadIcs(page, IN_2_HOURS)
    expect(filename).toMatch(/^encontro-sessao-\d{4}-\d{2}-\d{2}\.ics$/)
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${IN_2_HOURS}@encontro.app`)
    expect(vevent.getFirstPropertyValue('summary')).toMatch(/^Sessão de .+ com João Silva$/)
    expect(vevent.getFirstPropertyValue('url')).toMatch(new RegExp(`/prestador/sessions#session-${IN_2_HOURS}$`))
    expect(text).not.toMatch(/zoom\.us|meet\.jit\.si/)
    expect(generatorRequests.length).toBeGreaterThan(0)
    expect(await page.getByRole('dialog').count()).toBe(0)
  })

  it('João downloads the .ics of his session from its card', async () => {
    const { page, generatorRequests } = await freshPage()
    await signIn(page, 'joao@encontro.test')
    await page.waitForURL('**/user/sessions')
    await card(page, IN_2_HOURS).waitFor()
    const cards = await page.locator('article').count()
    expect(await page.getByRole('button', { name: /^Adicionar ao calendário/ }).count()).toBe(cards)
    expect(generatorRequests).toEqual([])

    const { vevent } = await downloadIcs(page, IN_2_HOURS)
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${IN_2_HOURS}@encontro.app`)
    expect(vevent.getFirstPropertyValue('summary')).toMatch(/^Sessão de .+ com Dr\. Pedro Santos$/)
    expect(vevent.getFirstPropertyValue('url')).toMatch(new RegExp(`/user/sessions#session-${IN_2_HOURS}$`))
    expect(generatorRequests.length).toBeGreaterThan(0)
  })
})

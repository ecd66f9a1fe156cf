// In-app notifications end to end, in real Chromium against the app and a fresh local stack.
//
// João has /user/sessions open in one browser context; Pedro works in another (his own
// /prestador/sessions, the "Gerir sessão" modal). Nothing reloads João's page: the bell's
// count (polled every 15 s while visible, src/lib/poll-policy.ts) and the session list
// (refetched when the count goes up) bring Pedro's changes in.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { serviceClient } from '../integration/support/clients'
import { createBookingAt } from '../integration/support/fixtures'
import { BOOKING, PEOPLE } from '../integration/support/seed'

let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {})
  await browser?.close()
})

async function signedInPage(email: string, path: string): Promise<Page> {
  const context = await newContext(browser)
  contexts.push(context)
  const page = await context.newPage()
  await signIn(page, email)
  if (new URL(page.url()).pathname !== path) await page.goto(path)
  return page
}

/** João's unread notifications as the database holds them. */
async function unreadInDb(recipientId: string = PEOPLE.joao.id): Promise<number> {
  const { count, error } = await serviceClient()
    .from('notifications')
    .select('id', { count: 'exact', head: true })
    .eq('recipient_id', recipientId)
    .is('read_at', null)
  expect(error).toBeNull()
  return count ?? 0
}

async function sessionStartingRows(bookingId: string): Promise<number> {
  const { count, error } = await serviceClient()
    .from('notifications')
    .select('id', { count: 'exact', head: true })
    .eq('booking_id', bookingId)
    .eq('kind', 'session_starting')
  expect(error).toBeNull()
  return count ?? 0
}

const bell = (page: Page) => page.getByRole('button', { name: /^Notificações(, \d+ por ler)?$/ })
const bellNamed = (page: Page, unread: number) => page.getByRole('button', { name: `Notificações, ${unread} por ler`, exact: true })

/** Sets a marker on `window` and counts main-frame navigations: both show a page was never reloaded. */
async function watchForReloads(page: Page) {
  let navigations = 0
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1
  })
  await page.evaluate(() => {
    ;(window as unknown as { __marker?: string }).__marker = 'same page'
  })
  return {
    async assertNotReloaded() {
      expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe('same page')
      expect(navigations).toBe(0)
    },
  }
}

/** Pedro opens a session's modal on his page, saves a link and waits for "Link guardado.". */
async function pedroSavesLink(pedro: Page, bookingId: string, link: string) {
  await pedro.locator(`#session-${bookingId}`).getByRole('button', { name: 'Gerir sessão' }).click()
  const dialog = pedro.getByRole('dialog')
  await dialog.getByLabel('Link da reunião').fill(link)
  await dialog.getByRole('button', { name: 'Guardar link' }).click()
  await expect.poll(() => dialog.getByText('Link guardado.').isVisible(), { timeout: 10_000 }).toBe(true)
  await dialog.getByRole('button', { name: 'Fechar' }).click()
  await expect.poll(() => dialog.isVisible()).toBe(false)
}

describe('notifications: Pedro saves a link, João sees it without reloading', () => {
  it('bell count goes up, the list says "link", and the open session gets the new link', async () => {
    const joao = await signedInPage(PEOPLE.joao.email, '/user/sessions')
    await joao.locator(`#session-${BOOKING.joaoVirtualIn2h}`).waitFor()
    const reloads = await watchForReloads(joao)

    // The seed's session "in 3 minutes": if its start is still ahead, João's open page asked
    // for the 5-minute notice and the database wrote exactly one.
    const { data: soon } = await serviceClient().from('bookings').select('starts_at').eq('id', BOOKING.joaoVirtualIn3Min).single()
    if (Date.now() < Date.parse(soon!.starts_at) - 2_000) {
      await expect.poll(() => sessionStartingRows(BOOKING.joaoVirtualIn3Min), { timeout: 10_000 }).toBe(1)
    }

    // Settle: the bell shows what the database holds.
    const before = await unreadInDb()
    await expect.poll(() => bellNamed(joao, before).isVisible(), { timeout: 15_000 }).toBe(true)

    const pedro = await signedInPage(PEOPLE.pedro.email, '/prestador/sessions')
    await pedroSavesLink(pedro, BOOKING.joaoVirtualIn2h, 'https://zoom.us/j/555000111')

    // João: the count goes up on its own (poll every 15 s), then the list names the link.
    await expect.poll(() => bellNamed(joao, before + 1).isVisible(), { timeout: 15_000, interval: 250 }).toBe(true)
    await bell(joao).click()
    const list = joao.getByRole('list', { name: 'Notificações' })
    await list.waitFor()
    const newest = list.getByRole('listitem').first()
    // The open list refetches on open: wait for it rather than read a cached copy.
    await expect.poll(() => newest.getAttribute('data-notification-kind'), { timeout: 10_000 }).toBe('link_saved')
    expect(await newest.getByRole('link').textContent()).toContain('O link da sessão já está definido')
    expect(await newest.getByRole('link').getAttribute('href')).toBe(`/user/sessions#session-${BOOKING.joaoVirtualIn2h}`)
    await joao.keyboard.press('Escape')
    expect(await bell(joao).getAttribute('aria-expanded')).toBe('false')
    // Outside its window the link itself stays hidden: still "em preparação".
    expect(await joao.locator(`#session-${BOOKING.joaoVirtualIn2h} [data-link-state]`).getAttribute('data-link-state')).toBe('waiting')

    // The session starting in 3 minutes: Pedro replaces its link; João's card follows.
    const soonCard = joao.locator(`#session-${BOOKING.joaoVirtualIn3Min}`)
    const join = soonCard.getByRole('link', { name: 'Entrar na reunião' })
    expect(await join.getAttribute('href')).toBe('https://zoom.us/j/123456789')
    const newLink = 'https://meet.google.com/abc-defg-xyz'
    await pedroSavesLink(pedro, BOOKING.joaoVirtualIn3Min, newLink)
    const changedAt = Date.now()
    await expect.poll(() => join.getAttribute('href'), { timeout: 15_000, interval: 250 }).toBe(newLink)
    const followedInMs = Date.now() - changedAt
    expect(followedInMs).toBeLessThan(15_000)
    await expect.poll(() => bellNamed(joao, before + 2).isVisible(), { timeout: 15_000, interval: 250 }).toBe(true)
    await bell(joao).click()
    const changed = joao.getByRole('list', { name: 'Notificações' }).getByRole('listitem').first()
    await expect.poll(() => changed.getAttribute('data-notification-kind'), { timeout: 10_000 }).toBe('link_changed')
    expect(await changed.textContent()).toContain('O link anterior deixou de ser válido.')

    // "Marcar como lida" on it: one fewer, and the database agrees.
    await changed.getByRole('button', { name: 'Marcar como lida' }).click()
    await expect.poll(() => bellNamed(joao, before + 1).isVisible()).toBe(true)
    await expect.poll(() => unreadInDb(), { timeout: 5_000 }).toBe(before + 1)

    await reloads.assertNotReloaded()
    await screenshot(joao, 'notifications-joao-bell')
    console.info(`[notifications e2e] João's card showed the new link ${followedInMs} ms after Pedro saved it`)
  })
})

describe('notifications: the 5-minute notice', () => {
  it('is written once for two open tabs and a reload, and both bells list it', async () => {
    // A virtual session of João's whose window is open and that starts in 4 minutes
    // (its own prestador, so it overlaps nothing of Pedro's).
    const booking = await createBookingAt(4 * 60_000, 50 * 60_000)
    const first = await signedInPage(PEOPLE.joao.email, '/user/sessions')
    const second = await first.context().newPage()
    await second.goto('/user/sessions')
    await Promise.all([first, second].map((p) => p.locator(`#session-${booking.id}`).waitFor()))

    await expect.poll(() => sessionStartingRows(booking.id), { timeout: 10_000 }).toBe(1)
    await first.reload()
    await first.locator(`#session-${booking.id}`).waitFor()
    // Give every tab time to have asked; the database kept one.
    await new Promise((r) => setTimeout(r, 2_000))
    expect(await sessionStartingRows(booking.id)).toBe(1)

    // João may also have the seed session's notice: look for this booking's.
    const ours = (page: Page) =>
      page
        .getByRole('list', { name: 'Notificações' })
        .locator('[data-notification-kind="session_starting"]')
        .filter({ has: page.locator(`a[href="/user/sessions#session-${booking.id}"]`) })
    for (const page of [first, second]) {
      await expect.poll(async () => {
        const expanded = await bell(page).getAttribute('aria-expanded')
        if (expanded === 'true') await page.keyboard.press('Escape')
        await bell(page).click()
        return ours(page).count()
      }, { timeout: 15_000, interval: 1_000 }).toBe(1)
      const item = ours(page)
      expect(await item.textContent()).toContain('A sua sessão começa em 5 minutos')
      expect(await item.getByRole('link').getAttribute('href')).toBe(`/user/sessions#session-${booking.id}`)
    }
  })
})

// Small steps of the app's forms shared by the fault / hostile-input / auth e2e files.
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { addDays, formatLocalDate, isoWeekday, localDateTimeOf } from '../../../src/lib/zoned-time'

export const ZONE = 'Europe/Lisbon'

/** The next `weekday` (1 = Monday) at least `minDays` days from today in Lisbon, "YYYY-MM-DD". */
export function nextWeekday(weekday: number, minDays = 7): string {
  let day = addDays(localDateTimeOf(Date.now(), ZONE), minDays)
  while (isoWeekday(day) !== weekday) day = addDays(day, 1)
  return formatLocalDate(day)
}

/** "YYYY-MM-DD" in Lisbon, `days` from today. */
export function dayFromToday(days: number): string {
  return formatLocalDate(addDays(localDateTimeOf(Date.now(), ZONE), days))
}

/** Chooses a radio the way a pointer does: the radios are drawn by their labels. */
export async function pick(radio: Locator): Promise<void> {
  await radio.locator('xpath=ancestor::label[1]').click()
  expect(await radio.isChecked()).toBe(true)
}

// The day picker's steps live with the booking forms' (one copy).
export { chooseFirstFreeSlot, pickDay, showDay } from './booking-form'

/** The card of a session on a sessions page. */
export const sessionCard = (page: Page, bookingId: string) => page.locator(`#session-${bookingId}`)

/** Opens "Gerir sessão" of a session on /prestador/sessions (or a case) and returns the dialog. */
export async function openSessionModal(page: Page, bookingId: string, employeeName: string): Promise<Locator> {
  await sessionCard(page, bookingId).getByRole('button', { name: 'Gerir sessão' }).click()
  const dialog = page.getByRole('dialog', { name: `Sessão com ${employeeName}` })
  await dialog.waitFor()
  return dialog
}

/**
 * The ids in a field's aria-describedby, resolved to their texts, plus aria-invalid: what a
 * screen reader announces with the field.
 */
export async function describedBy(field: Locator): Promise<{ invalid: string | null; text: string }> {
  return field.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
    const text = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' | ')
    return { invalid: el.getAttribute('aria-invalid'), text }
  })
}

/** Asserts the field is flagged invalid and announces `message` (its error is tied to it). */
export async function expectFieldError(field: Locator, message: string): Promise<void> {
  await expect.poll(() => describedBy(field), { timeout: 10_000 }).toMatchObject({ invalid: 'true', text: expect.stringContaining(message) })
  // And the message is on screen, next to the field.
  const visible = await field.evaluate((el, msg) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
    return ids.some((id) => {
      const node = document.getElementById(id)
      if (!node || !node.textContent?.includes(msg)) return false
      const box = node.getBoundingClientRect()
      return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden'
    })
  }, message)
  expect(visible, `"${message}" is visible next to the field`).toBe(true)
}

/** Nothing on the page says `text` (e.g. a success message that must not appear). */
export async function expectNoText(page: Page, text: string | RegExp): Promise<void> {
  expect(await page.getByText(text).count(), `no "${String(text)}" on the page`).toBe(0)
}

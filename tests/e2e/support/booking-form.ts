// Booking-form steps shared by the e2e files: the day picker (a page of four weeks of day
// buttons, free days pickable, "Semanas seguintes" to turn the page) and the slot radios.
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { addDays, formatLocalDate, isoWeekday, localDateTimeOf, parseLocalDate } from '../../../src/lib/zoned-time'

const ZONE = 'Europe/Lisbon'

/** The next `weekday` (1 = Monday) at least 7 days from today in Lisbon, "YYYY-MM-DD". */
export function nextWeeks(weekday: number): string {
  let day = addDays(localDateTimeOf(Date.now(), ZONE), 7)
  while (isoWeekday(day) !== weekday) day = addDays(day, 1)
  return formatLocalDate(day)
}

/** Chooses a radio the way a pointer does: the radios are drawn by their labels. */
export async function pick(radio: Locator): Promise<void> {
  await radio.locator('xpath=ancestor::label[1]').click()
  expect(await radio.isChecked()).toBe(true)
}

/** The day picker's grid of days (once its page is loaded). */
export const dayGrid = (scope: Page | Locator) => scope.getByRole('group', { name: /^Dias de / })

/** The accessible name of a day button: "Hoje, segunda-feira, 30 de novembro, 4 horários livres". */
export const dayNameOf = async (button: Locator) => (await button.locator('[data-day-name]').textContent())?.trim() ?? ''

/** The button of `day` in the day picker, turning pages forward until it is shown. */
export async function showDay(scope: Page | Locator, day: string): Promise<Locator> {
  for (let turn = 0; turn < 8; turn++) {
    await dayGrid(scope).waitFor()
    const button = scope.locator(`button[data-day="${day}"]`)
    if ((await button.count()) > 0) return button
    const before = (await dayGrid(scope).getAttribute('aria-label')) ?? ''
    await scope.getByRole('button', { name: 'Semanas seguintes' }).click()
    await scope.locator(`[role="group"][aria-label^="Dias de "]:not([aria-label="${before}"])`).waitFor()
  }
  throw new Error(`${day} is not in the day picker's next pages`)
}

/** Chooses `day` (it must have free slots) and waits for its times. */
export async function pickDay(scope: Page | Locator, day: string): Promise<void> {
  const button = await showDay(scope, day)
  await button.click()
  expect(await button.getAttribute('aria-pressed')).toBe('true')
  await scope.getByRole('group', { name: 'Horário' }).getByRole('radio').first().waitFor()
}

/** From `firstDay` on, chooses the first day the picker offers and its first free slot. */
export async function chooseFirstFreeSlot(scope: Page | Locator, firstDay: string): Promise<{ day: string; startsAt: string; time: string }> {
  let day = firstDay
  for (let i = 0; i < 21; i++) {
    const button = await showDay(scope, day)
    if ((await button.getAttribute('aria-disabled')) !== 'true') {
      await pickDay(scope, day)
      const first = scope.getByRole('group', { name: 'Horário' }).getByRole('radio').first()
      const startsAt = (await first.getAttribute('value'))!
      const time = (await first.evaluate((el) => el.closest('label')?.textContent ?? ''))!
      await pick(first)
      return { day, startsAt, time }
    }
    day = formatLocalDate(addDays(parseLocalDate(day), 1))
  }
  throw new Error(`No free day in the 21 days from ${firstDay}`)
}

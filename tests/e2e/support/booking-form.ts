// Booking-form steps shared by the three booking paths' e2e files.
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { addDays, formatLocalDate, isoWeekday, localDateTimeOf } from '../../../src/lib/zoned-time'

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

/** Fills "Dia" from `firstDay` on until a day has free slots, and picks the first one. */
export async function chooseFirstFreeSlot(scope: Page | Locator, firstDay: string): Promise<{ day: string; startsAt: string; time: string }> {
  let day = firstDay
  for (let i = 0; i < 14; i++) {
    await scope.getByLabel('Dia', { exact: true }).fill(day)
    const first = scope.getByRole('group', { name: 'Horário' }).getByRole('radio').first()
    const none = scope.getByText('Não há horários livres neste dia.')
    await first.or(none).waitFor()
    if (!(await none.isVisible())) {
      const startsAt = (await first.getAttribute('value'))!
      const time = (await first.evaluate((el) => el.closest('label')?.textContent ?? ''))!
      await pick(first)
      return { day, startsAt, time }
    }
    const [y, m, d] = day.split('-').map(Number) as [number, number, number]
    day = formatLocalDate(addDays({ year: y, month: m, day: d }, 1))
  }
  throw new Error(`No free slot in the 14 days from ${firstDay}`)
}

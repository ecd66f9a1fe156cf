// The rules of the booking day picker: which calendar days a page shows, which of them can be
// picked (a day with free slots, from today on), what each day is called ("Hoje", "Amanhã",
// "segunda-feira, 30 de novembro, 4 horários livres"), the first free slot, and the arrow
// keys. Days are "YYYY-MM-DD" in the viewer's zone; the free slots come from freeSlots().

import { formatDayLong } from '@/lib/format-date'
import { addDays, formatLocalDate, isoWeekday, parseLocalDate } from '@/lib/zoned-time'
import { freeSlots, type FreeSlotsInput, type Slot } from './free-slots'

/** A page of the picker: four weeks, Monday to Sunday. */
export const PAGE_WEEKS = 4
export const PAGE_DAYS = PAGE_WEEKS * 7
/** How many pages after today's one can be shown (about a year ahead). */
export const LAST_PAGE = 12

/** `day` moved by `days` calendar days. */
function shift(day: string, days: number): string {
  return formatLocalDate(addDays(parseLocalDate(day), days))
}

/** The Monday of the week holding `day`. */
export function weekStart(day: string): string {
  return shift(day, 1 - isoWeekday(parseLocalDate(day)))
}

/** The days of page `page` (0 holds `today`): PAGE_DAYS days from a Monday. */
export function pageDays(today: string, page: number): string[] {
  const first = shift(weekStart(today), page * PAGE_DAYS)
  return Array.from({ length: PAGE_DAYS }, (_, i) => shift(first, i))
}

/** The page holding `day`, clamped to 0..LAST_PAGE. */
export function pageOf(day: string, today: string): number {
  const days = Math.round((Date.parse(`${weekStart(day)}T00:00:00Z`) - Date.parse(`${weekStart(today)}T00:00:00Z`)) / 86_400_000)
  return Math.min(Math.max(Math.floor(days / PAGE_DAYS), 0), LAST_PAGE)
}

export type RelativeDay = 'Hoje' | 'Amanhã'

/** "Hoje" / "Amanhã" for today and tomorrow in the viewer's calendar, else null. */
export function relativeDay(day: string, today: string): RelativeDay | null {
  if (day === today) return 'Hoje'
  if (day === shift(today, 1)) return 'Amanhã'
  return null
}

/** "4 horários livres", "1 horário livre", "sem horários livres". */
export function freeCountText(count: number): string {
  if (count === 0) return 'sem horários livres'
  return count === 1 ? '1 horário livre' : `${count} horários livres`
}

/** The accessible name of a day: "Amanhã, terça-feira, 1 de dezembro, 3 horários livres". */
export function dayName(day: string, today: string, freeCount: number): string {
  const d = parseLocalDate(day)
  const relative = relativeDay(day, today)
  const date = formatDayLong(d.year, d.month, d.day)
  const state = day < today ? 'já passou' : freeCountText(freeCount)
  return `${relative ? `${relative}, ` : ''}${date}, ${state}`
}

export type DayCell = {
  day: string
  /** 1..31, what the cell shows. */
  dayOfMonth: number
  /** The first day of a month (the cell names the month too). */
  monthStart: boolean
  freeCount: number
  /** Has free slots and is not before today. */
  pickable: boolean
  past: boolean
  relative: RelativeDay | null
  name: string
}

/** The cells of a page: each day with its free slot count and whether it can be picked. */
export function markDays(days: readonly string[], slotsByDay: ReadonlyMap<string, readonly Slot[]>, today: string): DayCell[] {
  return days.map((day) => {
    const past = day < today
    const freeCount = past ? 0 : (slotsByDay.get(day)?.length ?? 0)
    const { day: dayOfMonth } = parseLocalDate(day)
    return {
      day,
      dayOfMonth,
      monthStart: dayOfMonth === 1,
      freeCount,
      pickable: freeCount > 0,
      past,
      relative: relativeDay(day, today),
      name: dayName(day, today, freeCount),
    }
  })
}

/** The first free slot of the first pickable day, or null when the page has none. */
export function firstFreeSlot(cells: readonly DayCell[], slotsByDay: ReadonlyMap<string, readonly Slot[]>): { day: string; slot: Slot } | null {
  for (const cell of cells) {
    const slot = cell.pickable ? slotsByDay.get(cell.day)?.[0] : undefined
    if (slot) return { day: cell.day, slot }
  }
  return null
}

/**
 * The free slots of each of `days` in the viewer's zone, from one range of availability
 * (weekly hours, blocked dates and busy times covering every day): freeSlots() per day.
 */
export function freeSlotsByDay(days: readonly string[], input: Omit<FreeSlotsInput, 'day'>): Map<string, Slot[]> {
  return new Map(days.map((day) => [day, freeSlots({ ...input, day })]))
}

/**
 * The cell to move focus to for a key in a 7-column grid of `count` cells (arrows, Home/End
 * of the week), or null for any other key or a move off the page.
 */
export function nextCellIndex(index: number, key: string, count: number): number | null {
  const weekFirst = index - (index % 7)
  const target = (() => {
    switch (key) {
      case 'ArrowLeft':
        return index - 1
      case 'ArrowRight':
        return index + 1
      case 'ArrowUp':
        return index - 7
      case 'ArrowDown':
        return index + 7
      case 'Home':
        return weekFirst
      case 'End':
        return Math.min(weekFirst + 6, count - 1)
      default:
        return null
    }
  })()
  return target === null || target < 0 || target >= count ? null : target
}

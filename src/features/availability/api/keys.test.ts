// The booking prefixes this feature invalidates must stay bookingKeys' own (see keys.ts).
import { bookingKeys } from '@/features/booking'
import { availabilityKeys, bookingQueryPrefixes } from './keys'

vi.mock('@/lib/supabase', () => ({ supabase: {} }))

const ID = '20000000-0000-4000-8000-000000000003'

describe('bookingQueryPrefixes', () => {
  it('equal the booking feature keys they stand for', () => {
    expect(bookingQueryPrefixes.schedule(ID)).toEqual(bookingKeys.schedule(ID))
    expect(bookingQueryPrefixes.slotsOf(ID)).toEqual(bookingKeys.slotsOf(ID))
    expect(bookingQueryPrefixes.prestadores()).toEqual(bookingKeys.prestadores())
  })

  it('are prefixes of the slot queries useFreeSlots and the prestador lists use', () => {
    const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((part, i) => key[i] === part)
    expect(startsWith(bookingKeys.slotsOn(ID, '2026-12-05', 'Europe/Lisbon'), bookingQueryPrefixes.slotsOf(ID))).toBe(true)
    expect(startsWith(bookingKeys.prestadorList('saude_mental'), bookingQueryPrefixes.prestadores())).toBe(true)
    expect(startsWith(bookingKeys.prestadorList(null), bookingQueryPrefixes.prestadores())).toBe(true)
  })
})

describe('availabilityKeys', () => {
  it('nests every list of one prestador under availabilityKeys.of(id)', () => {
    const of = availabilityKeys.of(ID)
    for (const key of [availabilityKeys.weeklyHours(ID), availabilityKeys.blockedDates(ID), availabilityKeys.blockedDatesFrom(ID, '2026-11-25'), availabilityKeys.settings(ID)]) {
      expect(key.slice(0, of.length)).toEqual([...of])
    }
    expect(availabilityKeys.blockedDatesFrom(ID, '2026-11-25').slice(0, 3)).toEqual([...availabilityKeys.blockedDates(ID)])
  })
})

// For tests that open the reschedule form: its day and slot picker reads the booking tables
// (prestadores, hours, blocked dates, busy times), which the booking feature's fake client
// answers (fakeSupabase + bookingWorld); everything else goes to the sessions fake server.
// Use inside vi.mock('@/lib/supabase') with a getter for the sessions server.
import { fakeSupabase } from '@/features/booking/components/fake-supabase'

const BOOKING_TABLES = new Set(['prestadores', 'prestador_availability', 'prestador_blocked_dates'])

type Client = { rpc: (...args: never[]) => unknown; from: (...args: never[]) => unknown }

export function splitSupabase(sessions: () => Client) {
  return {
    rpc: (name: string, args: unknown) =>
      name === 'prestador_busy_times' ? fakeSupabase.rpc(name, args) : (sessions().rpc as (n: string, a: unknown) => unknown)(name, args),
    from: (table: string) => (BOOKING_TABLES.has(table) ? fakeSupabase.from(table) : (sessions().from as (t: string) => unknown)(table)),
  }
}

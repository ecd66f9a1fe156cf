// The seed's cast, signed in: one supabase-js client per person.
import type { SupabaseClient } from '@supabase/supabase-js'
import { signedInClient } from './clients'
import { EVERYONE, PEOPLE, type Person } from './seed'

export async function signInEveryone(): Promise<Record<Person, SupabaseClient>> {
  const clients = await Promise.all(EVERYONE.map((person) => signedInClient(PEOPLE[person].email)))
  return Object.fromEntries(EVERYONE.map((person, i) => [person, clients[i]!])) as Record<Person, SupabaseClient>
}

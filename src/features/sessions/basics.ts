// Light public entry of the sessions feature: the query keys without the session queries
// (supabase) and cards the index also exports. For code that must stay small, e.g. the header
// bell on every page.
export { sessionKeys, type SessionScope, type AdminPage } from './api/keys'

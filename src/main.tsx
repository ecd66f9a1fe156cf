import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { authKeys, fetchProfile } from './features/auth/api/profile'
import { queryClient } from './lib/query-client'
import { authStorageKey, supabaseEnv } from './lib/supabase'
import './index.css'

/** The user id of the session supabase-js stored, if any (null when none or unreadable). */
function storedUserId(): string | null {
  try {
    const raw = localStorage.getItem(authStorageKey)
    const id: unknown = raw ? (JSON.parse(raw) as { user?: { id?: unknown } }).user?.id : undefined
    return typeof id === 'string' ? id : null
  } catch {
    return null
  }
}

// A signed-in person's first screen needs their profile (the role guard) and their page's
// list: ask for both now, side by side, instead of one after the other once React has
// rendered. Same keys and fetchers as the hooks, so these answers are the ones they show.
const userId = supabaseEnv.ok ? storedUserId() : null
if (userId) {
  void queryClient.prefetchQuery({ queryKey: authKeys.profile(userId), queryFn: () => fetchProfile(userId), staleTime: 5 * 60_000 })
  const path = location.pathname
  if (path === '/user/sessions' || path === '/prestador/sessions' || path === '/especialista/dashboard') {
    void Promise.all([import('./features/sessions/api/sessions'), import('./features/sessions/api/keys')]).then(([api, { sessionKeys }]) => {
      if (path === '/user/sessions') {
        void queryClient.prefetchQuery({ queryKey: sessionKeys.list({ role: 'user', userId }), queryFn: () => api.fetchUserSessions(userId) })
      } else if (path === '/prestador/sessions') {
        void queryClient.prefetchQuery({ queryKey: sessionKeys.list({ role: 'prestador', userId }), queryFn: () => api.fetchPrestadorSessions(userId) })
      } else {
        void queryClient.prefetchQuery({ queryKey: sessionKeys.list({ role: 'especialista', userId }), queryFn: () => api.fetchEspecialistaCases(userId) })
        void queryClient.prefetchQuery({ queryKey: sessionKeys.queue(userId), queryFn: () => api.fetchCallRequestQueue() })
      }
    })
  }
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

import { Suspense } from 'react'
import { NavLink, Outlet } from 'react-router'
import { Spinner, cn } from '@/components/ui'
import { SignOutButton, homePathFor, roleLabel, useAuth, type AppRole } from '@/features/auth'
import { NotificationBell } from '@/features/notifications/bell'
import { useScrollToTop } from './use-scroll-to-top'

const NAV: Record<AppRole, { to: string; label: string }[]> = {
  user: [{ to: homePathFor('user'), label: 'Meu percurso' }],
  prestador: [
    { to: homePathFor('prestador'), label: 'Sessões' },
    { to: '/prestador/availability', label: 'Disponibilidade' },
  ],
  especialista: [{ to: homePathFor('especialista'), label: 'Painel' }],
  admin: [
    { to: homePathFor('admin'), label: 'Operações' },
    { to: '/admin/pessoas', label: 'Pessoas' },
  ],
}

// Phones: brand, bell and "Sair" on the first line, the page links on the second. From `sm`
// one line: brand, links, then bell, name and "Sair" at the right. The header is the
// positioning box of the notification panel on phones (full width under it).
export function AppLayout() {
  const { status, profile } = useAuth()
  const signedIn = status === 'signed-in'
  useScrollToTop()

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main-content"
        className="sr-only rounded bg-white px-3 py-2 font-medium text-brand-800 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
      >
        Saltar para o conteúdo
      </a>
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:gap-x-6">
          <span className="text-xl font-semibold text-brand-800">Encontro</span>
          {signedIn && profile ? (
            <>
              <nav aria-label="Principal" className="order-last flex w-full gap-1 sm:order-none sm:w-auto">
                {NAV[profile.role].map((item) => (
                  <NavLink
                    key={item.to}
                    to={item.to}
                    className={({ isActive }) =>
                      cn(
                        'rounded-md px-3 py-1.5 text-sm font-medium',
                        isActive ? 'bg-brand-50 text-brand-900' : 'text-slate-700 hover:bg-slate-100',
                      )
                    }
                  >
                    {item.label}
                  </NavLink>
                ))}
              </nav>
              <div className="ml-auto flex items-center gap-2 sm:gap-3">
                <NotificationBell key={profile.id} profile={profile} />
                {/* Who is signed in, then "Sair" apart from everything else. */}
                <div className="flex items-center gap-3 border-l border-slate-200 pl-2 sm:pl-3">
                  <p className="hidden text-right text-sm leading-tight sm:block">
                    <span className="block font-medium text-slate-900">{profile.name}</span>
                    <span className="block text-slate-600">{roleLabel(profile.role)}</span>
                  </p>
                  <SignOutButton />
                </div>
              </div>
            </>
          ) : signedIn ? (
            <div className="ml-auto">
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="mx-auto w-full min-w-0 max-w-5xl flex-1 px-4 py-6 focus:outline-none sm:py-8">
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}

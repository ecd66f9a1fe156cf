import { createBrowserRouter, type RouteObject } from 'react-router'
import { Spinner } from '@/components/ui'
import { RequireRole, type AppRole } from '@/features/auth'
import { AppLayout } from './AppLayout'
import { HomeRedirect } from './HomeRedirect'
import { RouteErrorPage } from './RouteErrorPage'

/** A page only `roles` may see; its module is a separate chunk loaded on first visit. */
function rolePage(path: string, roles: AppRole[], lazy: NonNullable<RouteObject['lazy']>): RouteObject {
  return { path, element: <RequireRole roles={roles} />, children: [{ index: true, lazy }] }
}

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteErrorPage,
    // Shown while the first page's lazy chunk loads (instead of a blank page).
    HydrateFallback: InitialLoad,
    children: [
      { index: true, Component: HomeRedirect },
      {
        path: 'login',
        lazy: () => import('@/pages/LoginPage').then((m) => ({ Component: m.LoginPage })),
      },
      {
        path: 'nova-palavra-passe',
        lazy: () => import('@/pages/NewPasswordPage').then((m) => ({ Component: m.NewPasswordPage })),
      },
      rolePage('user/sessions', ['user'], () =>
        import('@/pages/UserSessionsPage').then((m) => ({ Component: m.UserSessionsPage })),
      ),
      rolePage('user/book', ['user'], () =>
        import('@/pages/UserBookPage').then((m) => ({ Component: m.UserBookPage })),
      ),
      rolePage('prestador/sessions', ['prestador'], () =>
        import('@/pages/PrestadorSessionsPage').then((m) => ({ Component: m.PrestadorSessionsPage })),
      ),
      rolePage('prestador/availability', ['prestador'], () =>
        import('@/pages/PrestadorAvailabilityPage').then((m) => ({ Component: m.PrestadorAvailabilityPage })),
      ),
      rolePage('especialista/dashboard', ['especialista'], () =>
        import('@/pages/EspecialistaDashboardPage').then((m) => ({ Component: m.EspecialistaDashboardPage })),
      ),
      rolePage('admin/pessoas', ['admin'], () =>
        import('@/pages/AdminPeoplePage').then((m) => ({ Component: m.AdminPeoplePage })),
      ),
      rolePage('admin/operations', ['admin'], () =>
        import('@/pages/AdminOperationsPage').then((m) => ({ Component: m.AdminOperationsPage })),
      ),
      {
        path: '*',
        lazy: () => import('@/pages/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })),
      },
    ],
  },
]

function InitialLoad() {
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <Spinner />
    </main>
  )
}

export const router = createBrowserRouter(routes)

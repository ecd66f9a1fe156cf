import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
import { ToastProvider } from '@/components/ui'
import { AuthProvider } from '@/features/auth'
import { queryClient } from '@/lib/query-client'
import { supabaseEnv } from '@/lib/supabase'
import { ConfigErrorPage } from '@/pages/ConfigErrorPage'
import { router } from './router'

export function App() {
  if (!supabaseEnv.ok) return <ConfigErrorPage env={supabaseEnv} />
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </ToastProvider>
    </QueryClientProvider>
  )
}

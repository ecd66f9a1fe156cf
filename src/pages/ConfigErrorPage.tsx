import type { SupabaseEnv } from '@/lib/env'

/** Shown instead of the app when the build has no Supabase settings (never a crash). */
export function ConfigErrorPage({ env }: { env: Extract<SupabaseEnv, { ok: false }> }) {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-semibold text-slate-900">Encontro: configuração em falta</h1>
      <p className="mt-3 text-slate-700">
        A aplicação não sabe a que servidor Supabase se ligar.
        {env.missing.length > 0 ? (
          <>
            {' '}
            Em falta: <code className="rounded bg-slate-100 px-1">{env.missing.join(', ')}</code>.
          </>
        ) : null}
        {env.invalidUrl ? (
          <>
            {' '}
            <code className="rounded bg-slate-100 px-1">VITE_SUPABASE_URL</code> não é um endereço http(s) válido.
          </>
        ) : null}
      </p>
      <h2 className="mt-6 text-lg font-semibold">Como resolver</h2>
      <ul className="mt-2 list-disc space-y-2 pl-6 text-slate-700">
        <li>
          Para desenvolvimento local, arranque com <code className="rounded bg-slate-100 px-1">npm start</code>: inicia
          a stack local e injeta as duas variáveis.
        </li>
        <li>
          Para um projeto Supabase alojado, defina <code className="rounded bg-slate-100 px-1">VITE_SUPABASE_URL</code> e{' '}
          <code className="rounded bg-slate-100 px-1">VITE_SUPABASE_ANON_KEY</code> (por exemplo em{' '}
          <code className="rounded bg-slate-100 px-1">.env.local</code>) e volte a arrancar ou a compilar a aplicação.
        </li>
      </ul>
    </main>
  )
}

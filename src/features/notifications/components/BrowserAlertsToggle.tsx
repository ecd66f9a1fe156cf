import { useState } from 'react'
import { Button } from '@/components/ui'
import {
  browserAlertsState,
  disableBrowserAlerts,
  enableBrowserAlerts,
  type BrowserAlertsState,
} from '../api/browser-alerts'

export const BROWSER_ALERTS_TEXTS = {
  enable: 'Ativar alertas do navegador',
  enableHint: 'Receba um alerta do navegador quando uma sessão estiver a 5 minutos de começar.',
  on: 'Os alertas do navegador estão ativos.',
  disable: 'Desativar alertas do navegador',
  denied: 'Os alertas do navegador estão bloqueados. Pode permiti-los nas definições do navegador.',
  notGranted: 'O navegador não deu permissão para mostrar alertas.',
} as const

const T = BROWSER_ALERTS_TEXTS

/** Opt-in to the browser's Notification API; the permission prompt only ever follows this click. */
export function BrowserAlertsToggle() {
  const [state, setState] = useState<BrowserAlertsState>(browserAlertsState)
  const [asked, setAsked] = useState(false)
  if (state === 'unsupported') return null
  return (
    <div className="flex flex-col items-start gap-2 border-t border-slate-200 px-4 py-3 text-sm">
      <p aria-live="polite" className="text-slate-700">
        {state === 'on' ? T.on : state === 'denied' ? T.denied : asked ? T.notGranted : T.enableHint}
      </p>
      {state === 'off' ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            setAsked(true)
            setState(await enableBrowserAlerts())
          }}
        >
          {T.enable}
        </Button>
      ) : state === 'on' ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            disableBrowserAlerts()
            setAsked(false)
            setState('off')
          }}
        >
          {T.disable}
        </Button>
      ) : null}
    </div>
  )
}

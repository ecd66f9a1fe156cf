// The meeting-link editor, shared by the prestador's session modal and the especialista's
// case (one component, no copies). The draft the person types is local state; the saved link
// comes from useMeetingLink (the booking prop / the last save's result). While the person has
// not edited, the field follows the server value.
//
// Focus is never dropped while saving: the buttons are aria-disabled (not disabled) during a
// save, since Chromium moves the focus of a button that becomes disabled to <body> (and a
// dialog around the editor would then miss Escape and Tab). When the button that was used
// goes away with the save ("Remover link", the stale notice), focus moves to the message
// that says what happened.

import { useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react'
import { Button, cn, Input } from '@/components/ui'
import { useDialogDirty } from '@/components/ui/Dialog'
import { generateJitsiLink } from '../lib/generate-jitsi-link'
import { formatInstant } from '@/lib/format-date'
import { parseMeetingLink } from '../lib/parse-meeting-link'
import { useMeetingLink, type MeetingLinkBooking } from '../hooks/use-meeting-link'
import { useProfileName } from '../hooks/use-profile-name'

export type MeetingLinkEditorProps = {
  /** The session row from the page's session query (kept live: pass the cached row, not a copy). */
  booking: MeetingLinkBooking
  /** IANA zone for "Último a alterar ... em <date>": the signed-in person's profile.time_zone. */
  timeZone: string
}

export const EDITOR_TEXTS = {
  label: 'Link da reunião',
  save: 'Guardar link',
  generate: 'Gerar link Jitsi',
  remove: 'Remover link',
  saving: 'A guardar o link…',
  saved: 'Link guardado.',
  removed: 'Link removido.',
  hint: 'Cole o link completo da sua plataforma (Zoom, Google Meet, Microsoft Teams…) ou gere um link Jitsi.',
  useCurrent: 'Usar o link atual',
  overwrite: 'Substituir pelo meu',
  noCurrentLink: 'Neste momento a sessão não tem link.',
  notVirtual: 'Esta sessão não é virtual (telefone ou presencial): não precisa de link de reunião.',
  cancelled: 'Esta sessão foi cancelada: o link já não pode ser alterado.',
  completed: 'Esta sessão já foi realizada: o link já não pode ser alterado.',
} as const

/** The employee did not come ("Faltou"): like a realizada session, the link is final. */
export const NO_SHOW_EDITOR_TEXT = 'O colaborador faltou a esta sessão: o link já não pode ser alterado.'

function disabledReason(booking: MeetingLinkBooking): string | null {
  if (booking.meeting_type !== 'virtual') return EDITOR_TEXTS.notVirtual
  if (booking.status === 'cancelled') return EDITOR_TEXTS.cancelled
  if (booking.status === 'completed') return EDITOR_TEXTS.completed
  if (booking.status === 'no_show') return NO_SHOW_EDITOR_TEXT
  return null
}

/** Focus went nowhere (its element was removed or disabled): document.activeElement is <body>. */
function focusWasDropped(): boolean {
  const active = document.activeElement
  return active === null || active === document.body || !active.isConnected
}

export function MeetingLinkEditor({ booking, timeZone }: MeetingLinkEditorProps) {
  const meeting = useMeetingLink(booking)
  const editor = useProfileName(meeting.updatedBy)
  // null = not edited: the field shows (and follows) the saved link.
  const [draft, setDraft] = useState<string | null>(null)
  // After a save attempt, the field is validated as the person types.
  const [attempted, setAttempted] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const statusRef = useRef<HTMLParagraphElement>(null)
  const staleId = useId()

  const value = draft ?? meeting.link ?? ''
  const parsed = parseMeetingLink(value)
  const reason = disabledReason(booking)
  const disabled = reason !== null
  const saving = meeting.status === 'saving'
  // A typed or generated link that is not saved: closing the dialog around the editor asks first.
  useDialogDirty(!disabled && draft !== null && draft.trim() !== (meeting.link ?? ''))

  // Validated live once a save was attempted; a refusal by the server's CHECK shows here too.
  const fieldError = !attempted
    ? undefined
    : !parsed.ok
      ? parsed.error
      : meeting.status === 'error' && meeting.errorKind === 'invalid'
        ? meeting.error
        : undefined

  const hint = disabled ? reason : parsed.ok ? `Plataforma detetada: ${parsed.platform.label}` : EDITOR_TEXTS.hint

  const edit = (text: string) => {
    setDraft(text)
    // A "Link guardado." about an older value would be misleading once the text changes, and
    // a validation error is recomputed live from the text. A stale notice stays: the person
    // still has to choose between the current link and theirs.
    if (meeting.status === 'saved' || (meeting.status === 'error' && meeting.errorKind !== 'stale')) meeting.reset()
  }

  // Once the server confirmed, the field follows the saved value again. Done when the hook
  // reports 'saved' (the same render in which it knows the saved row), so the old value never
  // flashes in between. The field is read-only while saving, so no newer typing is lost.
  const confirmed = meeting.status === 'saved'
  useEffect(() => {
    if (confirmed) {
      setDraft(null)
      setAttempted(false)
    }
  }, [confirmed])

  // Focus was in the editor and a render took its element away ("Remover link" once there is
  // no link, the stale notice's buttons after "Substituir pelo meu"): focus the message that
  // says what happened, instead of leaving it on <body>.
  const formRef = useRef<HTMLFormElement>(null)
  const focusInside = useRef(false)
  useLayoutEffect(() => {
    if (focusInside.current && focusWasDropped()) statusRef.current?.focus()
  })

  const save = (text: string) => {
    setAttempted(true)
    return meeting.save(text)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (disabled || saving) return
    void save(value)
  }

  const remove = () => {
    if (!saving) void meeting.clear()
  }

  const useCurrent = () => {
    setDraft(null)
    setAttempted(false)
    meeting.reset()
    inputRef.current?.focus()
  }

  const overwrite = () => {
    if (saving) return
    if (meeting.lastAction === 'cleared') remove()
    else void save(value)
  }

  let announcement = ''
  if (meeting.status === 'saving') announcement = EDITOR_TEXTS.saving
  else if (meeting.status === 'saved') announcement = meeting.lastAction === 'cleared' ? EDITOR_TEXTS.removed : EDITOR_TEXTS.saved
  else if (meeting.status === 'error' && meeting.error) announcement = meeting.error

  const editorName = meeting.updatedBy === null ? null : editor.data
  const who = editorName ?? (meeting.updatedBy !== null && editor.isPending ? '…' : 'utilizador desconhecido')
  // formatInstant never throws ("—" for an unreadable instant).
  const when = meeting.updatedAt ? formatInstant(meeting.updatedAt, timeZone) : null

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      onFocus={() => {
        focusInside.current = true
      }}
      onBlur={(event: FocusEvent<HTMLFormElement>) => {
        // Focus moved to something else (not nowhere: removal leaves relatedTarget null).
        const next = event.relatedTarget
        if (next instanceof Node && !formRef.current?.contains(next)) focusInside.current = false
      }}
      className="flex flex-col gap-3"
      aria-busy={saving || undefined}
    >
      <Input
        ref={inputRef}
        label={EDITOR_TEXTS.label}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={value}
        onChange={(event) => edit(event.target.value)}
        disabled={disabled}
        readOnly={saving}
        error={fieldError}
        hint={hint}
      />

      {when ? (
        <p className="text-sm text-slate-600">
          Último a alterar: {who} em <time dateTime={meeting.updatedAt ?? undefined}>{when}</time>
        </p>
      ) : null}

      {meeting.stale ? (
        <div
          role="group"
          className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          aria-labelledby={staleId}
        >
          <p id={staleId} className="font-medium">
            O link foi alterado por outra pessoa.
          </p>
          {meeting.stale.current?.meeting_link ? (
            <p>
              Link atual: <span className="break-all font-mono">{meeting.stale.current.meeting_link}</span>
            </p>
          ) : (
            <p>{EDITOR_TEXTS.noCurrentLink}</p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                if (!saving) useCurrent()
              }}
              aria-disabled={saving || undefined}
            >
              {EDITOR_TEXTS.useCurrent}
            </Button>
            <Button size="sm" onClick={overwrite} aria-disabled={saving || undefined}>
              {EDITOR_TEXTS.overwrite}
            </Button>
          </div>
        </div>
      ) : null}

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={disabled} aria-disabled={saving || undefined}>
          {EDITOR_TEXTS.save}
        </Button>
        <Button
          variant="secondary"
          disabled={disabled}
          aria-disabled={saving || undefined}
          onClick={() => {
            if (saving) return
            edit(generateJitsiLink())
            inputRef.current?.focus()
          }}
        >
          {EDITOR_TEXTS.generate}
        </Button>
        {meeting.link !== null ? (
          <Button
            variant="ghost"
            disabled={disabled}
            aria-disabled={saving || undefined}
            onClick={remove}
          >
            {EDITOR_TEXTS.remove}
          </Button>
        ) : null}
      </div>

      {/* Always in the DOM so screen readers pick up changes. Validation and stale messages
          are already shown next to the field / in the box above, so here they are only read out.
          Focused (tabIndex -1) when the button used for a save went away with it. */}
      <p
        ref={statusRef}
        role="status"
        tabIndex={-1}
        className={cn(
          'text-sm',
          meeting.status === 'error' ? 'text-red-700' : 'text-slate-800',
          meeting.status === 'error' && (meeting.errorKind === 'invalid' || meeting.errorKind === 'stale') && 'sr-only',
        )}
      >
        {announcement}
      </p>
    </form>
  )
}

// One small accessible modal dialog, no dependencies.
//
// - role="dialog", aria-modal="true", labelled by its title (and described by `description`)
// - focus moves into the dialog when it opens (initialFocusRef, else the first field or
//   button), Tab and Shift+Tab cycle inside it, focus that wanders out is brought back
// - Escape closes it (only the innermost dialog, when dialogs are nested)
// - focus dropped to <body> (its element was removed or disabled by a re-render) does not
//   break any of that: Escape still closes, and Tab / Shift+Tab go back into the dialog
// - on close, focus returns to the element that had it when the dialog opened (the trigger),
//   or to `returnFocusRef` / the page's main content when that element is gone
// - a click on the backdrop does not close it: nothing typed is lost by a stray click
// - unsaved changes (the `dirty` prop, or any form inside that calls useDialogDirty(true)):
//   Escape and "Fechar" first ask "Descartar alterações?" ("Continuar a editar" / "Descartar"),
//   so nothing typed or generated is thrown away without the person saying so
//
// Render it conditionally or with `open`; the content is unmounted while closed.

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { createPortal, flushSync } from 'react-dom'
import { cn } from './cn'

export const DISCARD_TEXTS = {
  title: 'Descartar alterações?',
  description: 'O que escreveu ou gerou ainda não foi guardado.',
  keepEditing: 'Continuar a editar',
  discard: 'Descartar',
} as const

/** How a form inside a dialog reports unsaved changes to the innermost dialog around it. */
type DirtyRegistry = { setDirty: (formId: string, dirty: boolean) => void }
const DirtyContext = createContext<DirtyRegistry | null>(null)

/**
 * Tells the dialog around this component (if any) that it holds unsaved changes: closing the
 * dialog then asks before discarding them. Outside a dialog it does nothing.
 */
export function useDialogDirty(dirty: boolean): void {
  const registry = useContext(DirtyContext)
  const formId = useId()
  useEffect(() => {
    if (!registry) return
    registry.setDirty(formId, dirty)
    return () => registry.setDirty(formId, false)
  }, [registry, formId, dirty])
}

export type DialogProps = {
  open: boolean
  /** Called for Escape and the close button (after "Descartar" when there are unsaved changes). */
  onClose: () => void
  /** Unsaved changes the dialog's owner knows of (forms inside may also use useDialogDirty). */
  dirty?: boolean
  title: ReactNode
  description?: ReactNode
  /** The element focused on open; defaults to the first field or button inside. */
  initialFocusRef?: RefObject<HTMLElement | null>
  /** Focused on close when the element focused before opening is no longer in the page. */
  returnFocusRef?: RefObject<HTMLElement | null>
  /** Hide the "Fechar" button (e.g. while saving). Escape still calls onClose. */
  hideCloseButton?: boolean
  size?: 'md' | 'lg'
  children: ReactNode
}

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

/** The elements Tab can land on inside `root`, in order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  // Not inside an inert or hidden part (a panel kept mounted but not shown cannot take focus).
  const all = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[inert],[hidden]'))
  // A radio group is one Tab stop: its checked radio, or its first one when none is checked.
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true
    const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name)
    const checked = group.find((r) => r.checked)
    return checked ? checked === el : group[0] === el
  })
}

/** The open dialogs, innermost last: only the innermost one traps focus and handles Escape. */
const stack: HTMLElement[] = []

type DialogKey = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'preventDefault' | 'stopPropagation'>

/**
 * Escape closes; Tab / Shift+Tab wrap around the panel's stops. Focus outside the panel
 * (e.g. dropped to <body>) goes to the first stop on Tab, to the last on Shift+Tab.
 */
function handleKey(panel: HTMLElement, event: DialogKey, close: () => void) {
  if (stack[stack.length - 1] !== panel) return
  if (event.key === 'Escape') {
    event.stopPropagation()
    event.preventDefault()
    close()
    return
  }
  if (event.key !== 'Tab') return
  const items = tabStops(panel)
  if (items.length === 0) {
    event.preventDefault()
    panel.focus()
    return
  }
  const first = items[0]!
  const last = items[items.length - 1]!
  const active = document.activeElement
  if (event.shiftKey && (active === first || active === panel || !panel.contains(active))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
    event.preventDefault()
    first.focus()
  }
}

export function Dialog({
  open,
  onClose,
  dirty = false,
  title,
  description,
  initialFocusRef,
  returnFocusRef,
  hideCloseButton = false,
  size = 'md',
  children,
}: DialogProps) {
  if (!open) return null
  return (
    <DialogPanel
      onClose={onClose}
      dirty={dirty}
      title={title}
      description={description}
      initialFocusRef={initialFocusRef}
      returnFocusRef={returnFocusRef}
      hideCloseButton={hideCloseButton}
      size={size}
    >
      {children}
    </DialogPanel>
  )
}

type PanelProps = Omit<DialogProps, 'open'> & { role?: 'dialog' | 'alertdialog' }

function DialogPanel({
  onClose,
  dirty = false,
  title,
  description,
  initialFocusRef,
  returnFocusRef,
  hideCloseButton,
  size,
  role = 'dialog',
  children,
}: PanelProps) {
  const panelRef = useRef<HTMLDivElement>(null)
  const contentRef = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  // Read while rendering the opening, before React changes the page: a trigger that the
  // opening itself removes is still the focused element here.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  // Forms inside that reported unsaved changes (useDialogDirty), and the discard question.
  const dirtyForms = useRef(new Set<string>())
  const [confirming, setConfirming] = useState(false)
  const registry = useMemo<DirtyRegistry>(
    () => ({
      setDirty: (formId, isDirty) => {
        if (isDirty) dirtyForms.current.add(formId)
        else dirtyForms.current.delete(formId)
      },
    }),
    [],
  )
  // Escape and "Fechar": close, or ask first when something would be lost.
  const requestClose = useCallback(() => {
    if (dirty || dirtyForms.current.size > 0) setConfirming(true)
    else onClose()
  }, [dirty, onClose])
  const onCloseRef = useRef(requestClose)
  useEffect(() => {
    onCloseRef.current = requestClose
  })

  // Focus in on open, back to the trigger on close.
  useEffect(() => {
    const panel = panelRef.current
    if (!panel) return
    stack.push(panel)
    const content = contentRef.current
    const first = initialFocusRef?.current ?? (content ? tabStops(content)[0] : undefined) ?? panel
    first.focus()

    // Focus that leaves the innermost dialog (a click on the page behind it, a script) comes back.
    const onFocusIn = (event: FocusEvent) => {
      if (stack[stack.length - 1] !== panel) return
      if (event.target instanceof Node && !panel.contains(event.target)) {
        ;(tabStops(panel)[0] ?? panel).focus()
      }
    }
    document.addEventListener('focusin', onFocusIn)
    // Keys pressed while focus is outside the panel (on <body> after the focused element went
    // away) never reach the panel's onKeyDown: handle them from the document.
    const onDocumentKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || stack[stack.length - 1] !== panel) return
      if (event.target instanceof Node && panel.contains(event.target)) return
      handleKey(panel, event, () => onCloseRef.current())
    }
    document.addEventListener('keydown', onDocumentKeyDown)
    const { overflow } = document.body.style
    document.body.style.overflow = 'hidden'

    return () => {
      document.removeEventListener('focusin', onFocusIn)
      document.removeEventListener('keydown', onDocumentKeyDown)
      const index = stack.lastIndexOf(panel)
      if (index >= 0) stack.splice(index, 1)
      if (stack.length === 0) document.body.style.overflow = overflow
      const target =
        opener && opener.isConnected && opener !== document.body
          ? opener
          : (returnFocusRef?.current ?? document.getElementById('main-content'))
      target?.focus()
    }
    // Runs once per opening: the refs are read at that moment on purpose.
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const panel = panelRef.current
    if (panel) handleKey(panel, event, () => onCloseRef.current())
  }

  return createPortal(
    // Centred by auto margins, not align-items: a dialog taller than the screen must keep its
    // top (title, "Fechar") reachable by scrolling; flex centring pushes it above the scroll origin.
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/50 p-4">
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className={cn(
          'my-4 flex w-full flex-col gap-4 rounded-lg bg-white p-5 shadow-xl focus:outline-none sm:my-auto',
          size === 'lg' ? 'max-w-2xl' : 'max-w-lg',
        )}
      >
        <div className="flex items-start justify-between gap-4">
          <div>
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="mt-1 text-sm text-slate-600">
                {description}
              </p>
            ) : null}
          </div>
          {hideCloseButton ? null : (
            <button
              type="button"
              onClick={() => onCloseRef.current()}
              className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              Fechar
            </button>
          )}
        </div>
        <div ref={contentRef} className="flex flex-col gap-4">
          <DirtyContext.Provider value={registry}>{children}</DirtyContext.Provider>
        </div>
      </div>
      {confirming ? (
        <DiscardQuestion
          onKeepEditing={() => setConfirming(false)}
          onDiscard={() => {
            // The question closes first (its focus goes back into this dialog), then this one.
            flushSync(() => setConfirming(false))
            onClose()
          }}
        />
      ) : null}
    </div>,
    document.body,
  )
}

/** "Descartar alterações?": an alertdialog on top; Escape means "Continuar a editar". */
function DiscardQuestion({ onKeepEditing, onDiscard }: { onKeepEditing: () => void; onDiscard: () => void }) {
  const keepRef = useRef<HTMLButtonElement>(null)
  return (
    <DialogPanel
      role="alertdialog"
      onClose={onKeepEditing}
      title={DISCARD_TEXTS.title}
      description={DISCARD_TEXTS.description}
      initialFocusRef={keepRef}
      hideCloseButton
    >
      <div className="flex flex-wrap gap-2">
        <button
          ref={keepRef}
          type="button"
          onClick={onKeepEditing}
          className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {DISCARD_TEXTS.keepEditing}
        </button>
        <button
          type="button"
          onClick={onDiscard}
          className="inline-flex items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          {DISCARD_TEXTS.discard}
        </button>
      </div>
    </DialogPanel>
  )
}

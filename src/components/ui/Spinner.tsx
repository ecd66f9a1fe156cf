/** A loading indicator with an accessible name (rendered as role="status"). */
export function Spinner({ label = 'A carregar...' }: { label?: string }) {
  return (
    <div role="status" className="flex items-center gap-3 py-6 text-slate-600">
      <span
        aria-hidden="true"
        className="size-5 animate-spin rounded-full border-2 border-brand-200 border-t-brand-700"
      />
      <span>{label}</span>
    </div>
  )
}

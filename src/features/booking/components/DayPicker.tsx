// The days of a page (four weeks, Monday first) as a grid of buttons: days with free slots
// are marked and pickable, the others are aria-disabled; arrow keys move between days
// (one tab stop). The rules are lib/day-picker.ts.

import { useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { Button, cn, Spinner } from '@/components/ui'
import { formatDayShort, monthShort, WEEKDAY_HEADERS } from '@/lib/format-date'
import { parseLocalDate } from '@/lib/zoned-time'
import { LAST_PAGE, nextCellIndex, type DayCell } from '../lib/day-picker'

export type DayGridProps = {
  cells: DayCell[]
  /** The chosen day ("YYYY-MM-DD"), '' for none. */
  value: string
  onChange: (day: string) => void
  page: number
  onPageChange: (page: number) => void
  /** The page's free slots are loading: the page buttons stay (and keep focus), the days wait. */
  loading?: boolean
}

const shortOf = (day: string) => {
  const d = parseLocalDate(day)
  return formatDayShort(d.year, d.month, d.day)
}

export function DayGrid({ cells, value, onChange, page, onPageChange, loading = false }: DayGridProps) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([])
  const selectedIndex = cells.findIndex((c) => c.day === value)
  const fallback = Math.max(cells.findIndex((c) => c.pickable), cells.findIndex((c) => !c.past), 0)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  // One tab stop: the day last moved to, else the chosen day, else the first free one.
  const tabIndexAt = focusIndex ?? (selectedIndex >= 0 ? selectedIndex : fallback)
  const range = cells.length > 0 ? `${shortOf(cells[0]!.day)} – ${shortOf(cells.at(-1)!.day)}` : ''

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = nextCellIndex(index, event.key, cells.length)
    if (next === null) return
    event.preventDefault()
    setFocusIndex(next)
    buttons.current[next]?.focus()
  }

  const turn = (next: number) => {
    setFocusIndex(null)
    onPageChange(next)
  }

  return (
    <div className="flex w-full max-w-md flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <Button variant="ghost" size="sm" onClick={() => turn(page - 1)} disabled={page <= 0} aria-label="Semanas anteriores">
          <span aria-hidden="true">‹</span>
        </Button>
        <p className="text-center text-sm font-medium text-slate-800" aria-live="polite">
          {range}
        </p>
        <Button variant="ghost" size="sm" onClick={() => turn(page + 1)} disabled={page >= LAST_PAGE} aria-label="Semanas seguintes">
          <span aria-hidden="true">›</span>
        </Button>
      </div>
      {loading ? <Spinner label="A procurar horários livres..." /> : <Days cells={cells} value={value} onChange={onChange} range={range} buttons={buttons} tabIndexAt={tabIndexAt} onKeyDown={onKeyDown} onFocusCell={setFocusIndex} />}
    </div>
  )
}

function Days({
  cells,
  value,
  onChange,
  range,
  buttons,
  tabIndexAt,
  onKeyDown,
  onFocusCell,
}: Pick<DayGridProps, 'cells' | 'value' | 'onChange'> & {
  range: string
  buttons: RefObject<Array<HTMLButtonElement | null>>
  tabIndexAt: number
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, index: number) => void
  onFocusCell: (index: number) => void
}) {
  return (
    <>
      <div className="grid grid-cols-7 gap-1" aria-hidden="true">
        {WEEKDAY_HEADERS.map((w) => (
          <span key={w} className="text-center text-xs font-medium text-slate-600">
            {w}
          </span>
        ))}
      </div>
      <div role="group" aria-label={`Dias de ${range}`} className="grid grid-cols-7 gap-1">
        {cells.map((cell, index) => {
          const selected = cell.day === value
          const note = cell.relative ?? (cell.monthStart || index === 0 ? monthShort(parseLocalDate(cell.day).month) : '')
          return (
            <button
              key={cell.day}
              ref={(el) => {
                buttons.current[index] = el
              }}
              type="button"
              data-day={cell.day}
              aria-pressed={selected}
              aria-disabled={!cell.pickable || undefined}
              tabIndex={index === tabIndexAt ? 0 : -1}
              onKeyDown={(event) => onKeyDown(event, index)}
              onFocus={() => onFocusCell(index)}
              onClick={() => {
                if (cell.pickable) onChange(cell.day)
              }}
              className={cn(
                'flex min-h-12 min-w-0 flex-col items-center justify-center rounded-md border text-sm tabular-nums',
                'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700',
                selected
                  ? 'border-brand-700 bg-brand-700 text-white'
                  : cell.pickable
                    ? 'border-brand-300 bg-brand-50 font-semibold text-brand-900 hover:border-brand-700'
                    : 'cursor-not-allowed border-transparent text-slate-400',
                cell.relative === 'Hoje' && !selected ? 'ring-1 ring-slate-400' : '',
              )}
            >
              {/* The name is the full day ("Hoje, segunda-feira, 30 de novembro, 4 horários livres");
                  the short visible text is hidden from it, so the name holds no partial copy. */}
              <span className="sr-only" data-day-name>
                {cell.name}
              </span>
              <span aria-hidden="true">{cell.dayOfMonth}</span>
              <span aria-hidden="true" className="text-[0.625rem] leading-tight font-normal">
                {note}
              </span>
              <span
                aria-hidden="true"
                className={cn('mt-0.5 size-1.5 rounded-full', cell.pickable ? (selected ? 'bg-white' : 'bg-brand-700') : 'bg-transparent')}
              />
            </button>
          )
        })}
      </div>
      <p className="flex items-center gap-2 text-xs text-slate-600">
        <span aria-hidden="true" className="inline-block size-2 rounded-full bg-brand-700" />
        Dias com horários livres
      </p>
    </>
  )
}

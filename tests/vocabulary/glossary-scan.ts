// Finds the retired synonyms of docs/glossary.md in source text. Pure: the test that walks
// src/ and supabase/ feeds it files; the glossary's table is the single list of terms.

export type RetiredTerm = {
  term: string
  /** Retired only in text people read ("in text", "in UI text"): code values stay allowed. */
  proseOnly: boolean
}

const QUALIFIER = /\s+in\s+(?:UI\s+)?text$/i

/** The retired terms of the glossary's table (its "retired" column). */
export function parseRetiredTerms(markdown: string): RetiredTerm[] {
  const rows = markdown.split('\n').filter((line) => line.trim().startsWith('|'))
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim())
  const header = rows.find((r) => cells(r).some((c) => c.toLowerCase() === 'retired'))
  if (!header) throw new Error('glossary: no table with a "retired" column')
  const column = cells(header).findIndex((c) => c.toLowerCase() === 'retired')
  const terms: RetiredTerm[] = []
  for (const row of rows.slice(rows.indexOf(header) + 1)) {
    const cell = cells(row)[column]
    if (!cell || /^[-—:\s]*$/.test(cell)) continue
    const proseOnly = QUALIFIER.test(cell)
    for (const raw of cell.replace(QUALIFIER, '').split(/\s*,\s*|\s+\/\s+/)) {
      const term = raw.replace(/^["'“”`]+|["'“”`]+$/g, '').trim()
      if (term) terms.push({ term, proseOnly })
    }
  }
  return terms
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A lowercase term also counts capitalised (start of a sentence); a capitalised one only as written. */
function termPattern(term: string): RegExp {
  const first = term[0]!
  const head = first === first.toLowerCase() && first !== first.toUpperCase() ? `[${escape(first)}${escape(first.toUpperCase())}]` : escape(first)
  return new RegExp(`(?<![\\p{L}\\p{N}_])${head}${escape(term.slice(1))}(?![\\p{L}\\p{N}_])`, 'gu')
}

/** A line that is only a comment (TS, CSS or SQL): English for developers, not read by users. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*|--)/

/** A deliberate mention (e.g. a test asserting a retired word is gone) carries this marker. */
export const ALLOW_MARKER = 'vocabulary: allow'

export type Hit = { line: number; term: string; text: string }

/**
 * Retired terms in `text`. `proseOnly` terms count only outside comment lines and only where
 * they sit in words ("Horas em Europe/Lisbon"), not as a bare code value ('Europe/Lisbon').
 * Lines with ALLOW_MARKER are skipped.
 */
export function findRetired(text: string, terms: readonly RetiredTerm[], { scanProse = true }: { scanProse?: boolean } = {}): Hit[] {
  const hits: Hit[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line.includes(ALLOW_MARKER)) return
    // "Concluída" and "concluída" are both listed: one hit per place.
    const seen = new Set<number>()
    for (const { term, proseOnly } of terms) {
      if (proseOnly && (!scanProse || COMMENT_LINE.test(line))) continue
      for (const match of line.matchAll(termPattern(term))) {
        if (proseOnly && !inWords(line, match.index, term.length)) continue
        if (seen.has(match.index)) continue
        seen.add(match.index)
        hits.push({ line: index + 1, term, text: line.trim() })
      }
    }
  })
  return hits
}

/** The match has a word right before or after it, inside the same text (not alone in quotes). */
function inWords(line: string, start: number, length: number): boolean {
  const before = line.slice(0, start)
  const after = line.slice(start + length)
  return /\p{L}[\p{L}.,:;]*\s+$/u.test(before) || /^\s+\p{L}/u.test(after) || /\s/.test(line.slice(start, start + length))
}

export type Migration = { name: string; text: string }

/**
 * Line ranges (1-based, inclusive) of SQL function definitions that a later migration
 * replaces or drops: their texts no longer reach anyone, and a migration is never edited.
 */
export function supersededRanges(migrations: readonly Migration[]): Map<string, Array<[number, number]>> {
  const sorted = [...migrations].sort((a, b) => a.name.localeCompare(b.name))
  const definitions: Array<{ file: string; order: number; fn: string; from: number; to: number }> = []
  const dropped: Array<{ order: number; fn: string }> = []
  sorted.forEach((m, order) => {
    const lines = m.text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      const drop = /^\s*drop\s+function\s+(?:if\s+exists\s+)?([\w."]+)/i.exec(line)
      if (drop) dropped.push({ order, fn: normalise(drop[1]!) })
      const create = /^\s*create\s+(?:or\s+replace\s+)?function\s+([\w."]+)\s*\(/i.exec(line)
      if (!create) continue
      // The body ends at the line closing its dollar quote ("$$;" or "$function$;").
      let end = i
      let quotes = 0
      for (let j = i; j < lines.length; j++) {
        quotes += (lines[j]!.match(/\$[a-z_]*\$/gi) ?? []).length
        end = j
        if (quotes >= 2 && quotes % 2 === 0) break
      }
      definitions.push({ file: m.name, order, fn: normalise(create[1]!), from: i + 1, to: end + 1 })
      i = end
    }
  })
  const result = new Map<string, Array<[number, number]>>()
  for (const d of definitions) {
    const later = definitions.some((o) => o.fn === d.fn && o.order > d.order) || dropped.some((o) => o.fn === d.fn && o.order > d.order)
    if (!later) continue
    result.set(d.file, [...(result.get(d.file) ?? []), [d.from, d.to]])
  }
  return result
}

/** "public.f", "f" and "\"public\".\"f\"" name the same function (public is the default schema). */
function normalise(name: string): string {
  const plain = name.replaceAll('"', '').toLowerCase()
  return plain.includes('.') ? plain : `public.${plain}`
}

// One vocabulary (docs/glossary.md): none of its retired synonyms in src/ or supabase/ (SQL
// included: hints reach the client). The glossary's table is the list; this file and the
// scanner's own tests are left out. A function body a later migration replaces or drops is
// history (migrations are never edited) and not scanned. supabase/local/ is the stand-in for
// hosted services: English API texts mirroring GoTrue's, mapped to pt-PT by the app.
import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { findRetired, parseRetiredTerms, supersededRanges, type Hit } from './glossary-scan'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SCANNED = ['src', 'supabase']
const SKIPPED_DIRS = new Set([path.join(ROOT, 'supabase/local'), path.join(ROOT, 'node_modules')])
const EXTENSIONS = /\.(?:ts|tsx|js|sql|css|html|md|json)$/
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.includes(`${path.sep}testing${path.sep}`)

function filesUnder(dir: string): string[] {
  if (SKIPPED_DIRS.has(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(full)
    return EXTENSIONS.test(entry.name) ? [full] : []
  })
}

const terms = parseRetiredTerms(fs.readFileSync(path.join(ROOT, 'docs/glossary.md'), 'utf8'))
const files = SCANNED.flatMap((d) => filesUnder(path.join(ROOT, d)))
const migrationsDir = path.join(ROOT, 'supabase/migrations')
const superseded = supersededRanges(
  fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).map((name) => ({ name, text: fs.readFileSync(path.join(migrationsDir, name), 'utf8') })),
)

function hitsIn(file: string): Hit[] {
  // Prose-only terms ("a especialista", "Europe/Lisbon" in a sentence) are judged where UI text
  // is written; tests mirror it and name zones in English titles.
  const hits = findRetired(fs.readFileSync(file, 'utf8'), terms, { scanProse: !isTest(file) })
  const ranges = path.dirname(file) === migrationsDir ? (superseded.get(path.basename(file)) ?? []) : []
  return hits.filter((h) => !ranges.some(([from, to]) => h.line >= from && h.line <= to))
}

const report = (list: Array<[string, Hit[]]>) =>
  list.flatMap(([file, hits]) => hits.map((h) => `${path.relative(ROOT, file)}:${h.line}  "${h.term}"  ${h.text.slice(0, 140)}`)).join('\n')

describe('one vocabulary: no retired synonym of docs/glossary.md', () => {
  it('the glossary lists retired terms and the scan reads the app', () => {
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(['Concluída', 'remarcada', 'Pilar', 'Terminar sessão', 'Email']))
    expect(files.some((f) => f.endsWith(path.join('src', 'app', 'AppLayout.tsx')))).toBe(true)
    expect(files.some((f) => f.endsWith('.sql'))).toBe(true)
  })

  it('src/ (UI, toasts, notifications, .ics) uses none', () => {
    const found = files.filter((f) => f.startsWith(path.join(ROOT, 'src'))).map((f) => [f, hitsIn(f)] as [string, Hit[]]).filter(([, h]) => h.length > 0)
    expect(found.length, `retired words in src/:\n${report(found)}`).toBe(0)
  })

  it('supabase/ (messages and hints of the current SQL, the seed) uses none', () => {
    const found = files.filter((f) => f.startsWith(path.join(ROOT, 'supabase'))).map((f) => [f, hitsIn(f)] as [string, Hit[]]).filter(([, h]) => h.length > 0)
    expect(found.length, `retired words in supabase/ (a new migration must replace these functions):\n${report(found)}`).toBe(0)
  })
})

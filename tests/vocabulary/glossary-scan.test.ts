import { describe, expect, it } from 'vitest'
import { ALLOW_MARKER, findRetired, parseRetiredTerms, supersededRanges } from './glossary-scan'

const GLOSSARY = `
| concept | pt-PT wording | retired |
|---|---|---|
| finished | realizada | Concluída, concluída |
| moved | reagendada | remarcar, remarcada |
| sign out | Sair | Terminar sessão |
| e-mail | E-mail | Email |
| especialista | especialista | a especialista / o especialista in UI text |
| zone note | "Horas em Lisboa" | Europe/Lisbon in text |
| lists | Próximas sessões | — |
`

describe('parseRetiredTerms', () => {
  it('reads the "retired" column: lists split on commas and slashes, qualifiers make terms prose-only', () => {
    expect(parseRetiredTerms(GLOSSARY)).toEqual([
      { term: 'Concluída', proseOnly: false },
      { term: 'concluída', proseOnly: false },
      { term: 'remarcar', proseOnly: false },
      { term: 'remarcada', proseOnly: false },
      { term: 'Terminar sessão', proseOnly: false },
      { term: 'Email', proseOnly: false },
      { term: 'a especialista', proseOnly: true },
      { term: 'o especialista', proseOnly: true },
      { term: 'Europe/Lisbon', proseOnly: true },
    ])
  })

  it('refuses a document without the table', () => {
    expect(() => parseRetiredTerms('# nothing here')).toThrow(/retired/)
  })
})

describe('findRetired', () => {
  const terms = parseRetiredTerms(GLOSSARY)
  it.each([
    ["rescheduled: 'Sessão remarcada',", ['remarcada']],
    ["  label: 'Remarcar sessão',", ['remarcar']],
    ['<Button>Terminar sessão</Button>', ['Terminar sessão']],
    ["label=\"Email\"", ['Email']],
    ["hint = 'Só o prestador, a especialista do caso ou um administrador.'", ['a especialista']],
    ['timeZone: (zone) => `Horas em Europe/Lisbon`,', ['Europe/Lisbon']],
    // Code, not text: identifiers, lowercase keys, bare zone values, comments for prose terms.
    ['const [email, setEmail] = useState(isEmail)', []],
    ["const FALLBACK = 'Europe/Lisbon'", []],
    ['<Editor timeZone="Europe/Lisbon" />', []],
    ['// falls back to Europe/Lisbon for an unknown zone', []],
    ["status: 'completed', label: 'Realizada'", []],
    ['E-mail inválido.', []],
    [`expect(card).not.toHaveTextContent('Concluída') // ${ALLOW_MARKER}`, []],
  ])('%s', (line, expected) => {
    expect(findRetired(line, terms).map((h) => h.term)).toEqual(expected)
  })

  it('gives the line number and skips prose-only terms when asked (test files)', () => {
    const hits = findRetired("a\n'Horas em Europe/Lisbon'\n'Concluída'", terms, { scanProse: false })
    expect(hits).toEqual([{ line: 3, term: 'Concluída', text: "'Concluída'" }])
  })
})

describe('supersededRanges', () => {
  const first = [
    '-- first',
    'create or replace function public.save_link(p uuid)',
    'returns void language plpgsql as $$',
    'begin',
    "  raise exception 'x' using hint = 'a especialista do caso';",
    'end;',
    '$$;',
    'create function public.kept() returns int language sql as $$ select 1 $$;',
  ].join('\n')
  it('marks a function body replaced by a later migration, not one that is still current', () => {
    const later = 'create or replace function save_link(p uuid) returns void language plpgsql as $$ begin null; end; $$;'
    const ranges = supersededRanges([
      { name: '2_later.sql', text: later },
      { name: '1_first.sql', text: first },
    ])
    expect(ranges.get('1_first.sql')).toEqual([[2, 7]])
    expect(ranges.get('2_later.sql')).toBeUndefined()
  })

  it('a dropped function is superseded; nothing later means nothing superseded', () => {
    expect(supersededRanges([{ name: '1.sql', text: first }, { name: '2.sql', text: 'drop function public.kept();' }]).get('1.sql')).toEqual([[8, 8]])
    expect(supersededRanges([{ name: '1.sql', text: first }]).size).toBe(0)
  })
})

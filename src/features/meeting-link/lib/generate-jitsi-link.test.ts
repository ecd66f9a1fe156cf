import { describe, expect, it, vi } from 'vitest'
import { generateJitsiLink, JITSI_RANDOM_BYTES, type FillRandom } from './generate-jitsi-link'
import { parseMeetingLink } from './parse-meeting-link'

const fillWith =
  (byteAt: (index: number) => number): FillRandom =>
  (bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = byteAt(i)
    return bytes
  }

describe('generateJitsiLink', () => {
  it.each<[string, FillRandom, string]>([
    ['all zero bits', fillWith(() => 0), 'https://meet.jit.si/Encontro-' + 'a'.repeat(32)],
    ['all one bits', fillWith(() => 0xff), 'https://meet.jit.si/Encontro-' + '7'.repeat(32)],
    // 0x00 0x44 0x32 0x14 0xc7 = 00000 00001 00010 00011 00100 00101 00110 00111 -> "abcdefgh"
    ['known base32 block', fillWith((i) => [0x00, 0x44, 0x32, 0x14, 0xc7][i % 5] ?? 0), 'https://meet.jit.si/Encontro-' + 'abcdefgh'.repeat(4)],
  ])('encodes the injected randomness (%s)', (_label, fill, expected) => {
    expect(generateJitsiLink(fill)).toBe(expected)
  })

  it('asks the injected source for 20 bytes (160 bits) exactly once', () => {
    const fill = vi.fn(fillWith(() => 7))
    generateJitsiLink(fill)
    expect(fill).toHaveBeenCalledTimes(1)
    const [bytes] = fill.mock.calls[0] ?? []
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(bytes?.length).toBe(JITSI_RANDOM_BYTES)
    expect(JITSI_RANDOM_BYTES * 8).toBeGreaterThanOrEqual(120)
  })

  it('changes when a single input bit changes', () => {
    const base = generateJitsiLink(fillWith(() => 0))
    const flipped = generateJitsiLink(fillWith((i) => (i === JITSI_RANDOM_BYTES - 1 ? 1 : 0)))
    expect(flipped).not.toBe(base)
  })

  it('produces a valid Jitsi link with only the prefix and random characters', () => {
    const link = generateJitsiLink()
    expect(link).toMatch(/^https:\/\/meet\.jit\.si\/Encontro-[a-z2-7]{32}$/)
    expect(parseMeetingLink(link)).toEqual({
      ok: true,
      url: link,
      platform: { id: 'jitsi', label: 'Jitsi Meet' },
    })
  })

  it('differs across calls with the default crypto source', () => {
    const links = new Set(Array.from({ length: 50 }, () => generateJitsiLink()))
    expect(links.size).toBe(50)
  })
})

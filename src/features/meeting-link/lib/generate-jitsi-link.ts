// Creates a fresh Jitsi Meet room for a session when the provider has no link of their own.
//
// Anyone who knows a meet.jit.si room name can join it, so the name is the only secret:
// 160 random bits (32 base32 characters) make it unguessable, and it carries no personal
// data (no names, ids or dates). Base32 lowercase because Jitsi treats room names
// case-insensitively, which would throw away part of a mixed-case alphabet's entropy.

export const JITSI_ROOM_PREFIX = 'Encontro-'
export const JITSI_RANDOM_BYTES = 20

const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

export type FillRandom = (bytes: Uint8Array<ArrayBuffer>) => unknown

function base32(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += BASE32_ALPHABET[(buffer >>> bits) & 31]
    }
    buffer &= (1 << bits) - 1
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31]
  return out
}

const cryptoFill: FillRandom = (bytes) => crypto.getRandomValues(bytes)

/** `https://meet.jit.si/Encontro-<32 base32 chars>`; `fillRandom` must fill the array in place. */
export function generateJitsiLink(fillRandom: FillRandom = cryptoFill): string {
  const bytes = new Uint8Array(JITSI_RANDOM_BYTES)
  fillRandom(bytes)
  return `https://meet.jit.si/${JITSI_ROOM_PREFIX}${base32(bytes)}`
}

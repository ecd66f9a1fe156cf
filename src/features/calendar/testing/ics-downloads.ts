// Test helper (imported by *.test.tsx only): records the .ics files "Adicionar ao calendário"
// downloads. jsdom has no object URLs and would try to navigate on an <a download> click, so
// both are stood in for; each download is kept as { filename, text }.
import ICAL from 'ical.js'
import { vi } from 'vitest'

export type IcsDownload = { filename: string; text: string }

export function captureIcsDownloads() {
  const blobs = new Map<string, Blob>()
  const downloads: Array<Promise<IcsDownload>> = []
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    writable: true,
    value: vi.fn((blob: Blob) => {
      const url = `blob:http://localhost/${blobs.size + 1}`
      blobs.set(url, blob)
      return url
    }),
  })
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() })
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)
    if (!blob) throw new Error(`click on a link that is not a download: ${this.href}`)
    const filename = this.download
    downloads.push(readUtf8(blob).then((text) => ({ filename, text })))
  })
  return {
    /** How many downloads have started. */
    count: () => downloads.length,
    /** The n-th download (0-based), once its text is read. */
    file: (n: number) => downloads[n] ?? Promise.reject(new Error(`no download #${n}`)),
    restore: () => click.mockRestore(),
  }
}

/** The first VEVENT of an .ics text. */
export function parseIcsEvent(text: string) {
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('no VEVENT')
  return vevent
}

/** The Blob's bytes decoded as strict UTF-8 (jsdom's Blob has no text()/arrayBuffer()). */
export function readUtf8(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new TextDecoder('utf-8', { fatal: true }).decode(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'))
    reader.readAsArrayBuffer(blob)
  })
}

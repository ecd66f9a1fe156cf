/** What the numbers were measured on. */
import { readFileSync } from 'node:fs'
import os from 'node:os'

export interface MachineInfo {
  nproc: number
  memoryGiB: number
  cpuModel: string
  node: string
  platform: string
  date: string
}

export function machineInfo(now = new Date()): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown'
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (m) cpuModel = m[1]!.trim()
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    nproc: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpuModel,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: now.toISOString(),
  }
}

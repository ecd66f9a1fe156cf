/** CPU time per component from /proc (Linux): who uses the cores during a load run. */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

let clkTck: number | undefined
function ticksPerSecond(): number {
  if (clkTck === undefined) {
    try {
      clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      clkTck = 100
    }
  }
  return clkTck
}

interface ProcStat {
  pid: number
  ppid: number
  comm: string
  /** user + system CPU seconds */
  cpu: number
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const close = raw.lastIndexOf(')')
    const comm = raw.slice(raw.indexOf('(') + 1, close)
    const f = raw.slice(close + 2).split(' ')
    // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    return { pid, ppid: Number(f[1]), comm, cpu: (Number(f[11]) + Number(f[12])) / ticksPerSecond() }
  } catch {
    return undefined
  }
}

function allStats(): ProcStat[] {
  const out: ProcStat[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const s = readStat(Number(name))
    if (s) out.push(s)
  }
  return out
}

/** CPU seconds so far of `root` and its descendants, grouped by `classify(comm, pid)`. */
export function cpuByGroup(roots: Record<string, number>, classify: (p: ProcStat, root: string) => string): Map<string, number> {
  const stats = allStats()
  const children = new Map<number, ProcStat[]>()
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s])
  const byPid = new Map(stats.map((s) => [s.pid, s]))
  const out = new Map<string, number>()
  for (const [rootName, rootPid] of Object.entries(roots)) {
    const queue = [byPid.get(rootPid)].filter((x): x is ProcStat => !!x)
    const seen = new Set<number>()
    while (queue.length) {
      const p = queue.shift()!
      if (seen.has(p.pid)) continue
      seen.add(p.pid)
      const group = classify(p, rootName)
      out.set(group, (out.get(group) ?? 0) + p.cpu)
      // A root's subtree belongs to that root only (the load generator forks the stack child).
      for (const c of children.get(p.pid) ?? []) if (!Object.values(roots).includes(c.pid)) queue.push(c)
    }
  }
  return out
}

export function cpuDelta(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of after) out[k] = Math.max(0, v - (before.get(k) ?? 0))
  return out
}

export interface MachineCpu {
  busy: number
  idle: number
  steal: number
  total: number
}

/** Machine-wide CPU seconds from /proc/stat (all cores): busy (incl. irq/softirq), idle (+iowait), steal. */
export function machineCpu(): MachineCpu | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
    const [, ...f] = line.trim().split(/\s+/)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f.map(Number) as number[]
    const hz = ticksPerSecond()
    const busy = (user! + nice! + system! + irq! + softirq!) / hz
    const idleS = (idle! + iowait!) / hz
    const stealS = (steal ?? 0) / hz
    return { busy, idle: idleS, steal: stealS, total: busy + idleS + stealS }
  } catch {
    return undefined
  }
}

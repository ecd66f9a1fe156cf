/** The contract between bench/run.ts and each benchmark module (types only). */
import type { Figure } from './budget.ts'

export interface BenchContext {
  /** project root (absolute) */
  root: string
  /** cores of the machine (os.availableParallelism()) */
  nproc: number
  /** a temp dir private to this module; deleted by the runner afterwards */
  tmpDir: string
  /** aborted on SIGINT/SIGTERM: check it between long steps (signal.throwIfAborted()) */
  signal: AbortSignal
  /** progress line on stderr, prefixed with the module id */
  log(line: string): void
  /**
   * Register cleanup (stop a stack, kill a child) that the runner also calls on SIGINT/SIGTERM.
   * Returns an unregister function; call it once the module has cleaned up itself.
   */
  onCleanup(fn: () => Promise<void> | void): () => void
}

export interface BenchModuleResult {
  /** figures with a budget decide the exit code; the others are reported as INFO */
  figures: Figure[]
  /** short findings worth reading next to the figures (plans, what limits throughput...) */
  notes?: string[]
  /** anything else worth keeping in results.json (raw samples, plans, sizes per file) */
  details?: Record<string, unknown>
}

export interface BenchModule {
  /** stable id, also the `--only` / `--skip` name */
  id: string
  title: string
  run(ctx: BenchContext): Promise<BenchModuleResult>
}

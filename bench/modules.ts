/**
 * The benchmarks `npm run bench` runs, in this order, one at a time (never two at once: they
 * would share the machine's cores and skew each other). Each is a BenchModule (lib/module.ts):
 * it starts whatever it needs in its own temp dir, stops it, and returns figures with budgets.
 *
 * Adding one: write bench/<name>.ts exporting a BenchModule and append it here (as
 * link-freshness.ts was: time from the prestador's save to the employee's open page showing
 * the link, in Chromium). The runner, results.json, RESULTS.md and the exit code pick it up;
 * `--only <id>` runs it alone.
 */
import { apiLoadBench } from './api-load.ts'
import { bundleBench } from './bundle.ts'
import type { BenchModule } from './lib/module.ts'
import { idleRequestsBench } from './idle-requests.ts'
import { lighthouseBench } from './lighthouse.ts'
import { linkFreshnessBench } from './link-freshness.ts'
import { rlsScaleBench } from './rls-scale.ts'

export const MODULES: BenchModule[] = [bundleBench, rlsScaleBench, apiLoadBench, linkFreshnessBench, lighthouseBench, idleRequestsBench]

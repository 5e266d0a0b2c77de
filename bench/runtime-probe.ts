/**
 * What the event loop and the garbage collector of this process did while a load ran: the loop's
 * delay (how late a 1 ms timer fired: any stall, whatever its cause, shows here), and the young-
 * and old-generation collections with their pauses. For benches whose server runs in this process.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import v8 from 'node:v8';

export interface RuntimeFigures {
  /** Event-loop delay in ms: p50, p99, max. */
  loopP50: number;
  loopP99: number;
  loopMax: number;
  /** Young-generation collections (scavenges) and their summed pause in ms. */
  scavenges: number;
  scavengeMs: number;
  /** Mark-sweep-compact and incremental marking steps, and their summed pause in ms. */
  majors: number;
  majorMs: number;
  /** The longest single collection pause in ms. */
  gcMaxMs: number;
}

export interface RuntimeProbe {
  stop(): RuntimeFigures;
}

const gcKind = (e: PerformanceEntry) => ((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind ?? 0;

export function startRuntimeProbe(): RuntimeProbe {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const gc = { scavenges: 0, scavengeMs: 0, majors: 0, majorMs: 0, gcMaxMs: 0 };
  const take = (entries: PerformanceEntry[]) => {
    for (const e of entries) {
      const kind = gcKind(e);
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        gc.scavenges++;
        gc.scavengeMs += e.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR || kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) {
        gc.majors++;
        gc.majorMs += e.duration;
      }
      gc.gcMaxMs = Math.max(gc.gcMaxMs, e.duration);
    }
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      take(observer.takeRecords());
      observer.disconnect();
      delay.disable();
      const ms = (ns: number) => ns / 1e6;
      return { loopP50: ms(delay.percentile(50)), loopP99: ms(delay.percentile(99)), loopMax: ms(delay.max), ...gc };
    },
  };
}

/** Per 1,000 answered requests: collections and their pause; the loop's delay as is. */
export function describeRuntime(f: RuntimeFigures, requests: number): string {
  const per = (n: number) => ((n * 1000) / Math.max(1, requests)).toFixed(1);
  return `loop delay p50 ${f.loopP50.toFixed(1)} / p99 ${f.loopP99.toFixed(1)} / max ${f.loopMax.toFixed(1)} ms; per 1,000 requests ${per(f.scavenges)} scavenges (${per(f.scavengeMs)} ms), ${per(f.majors)} major GC steps (${per(f.majorMs)} ms); longest GC pause ${f.gcMaxMs.toFixed(1)} ms`;
}

/**
 * Bytes allocated on the JS heap per call of `run`, one call after another: the heap's growth
 * across a call, over the calls that no collection interrupted (a collection shrinks the heap),
 * less what reading the heap's size allocates itself.
 */
export async function allocationPerCall(run: (i: number) => Promise<unknown>, calls: number): Promise<number> {
  const used = () => v8.getHeapStatistics().used_heap_size;
  let probe = 0;
  for (let i = 0; i < 50; i++) {
    const a = used();
    probe += used() - a;
  }
  probe /= 50;
  let sum = 0;
  let counted = 0;
  for (let i = 0; i < calls; i++) {
    const before = used();
    await run(i);
    const grew = used() - before;
    if (grew < 0) continue;
    sum += grew - probe;
    counted++;
  }
  return counted > 0 ? sum / counted : NaN;
}

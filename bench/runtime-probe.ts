/**
 * What the event loop and the garbage collector of this process did while a load ran: the loop's
 * delay (how late a 1 ms timer fired: any stall, whatever its cause, shows here), the young- and
 * old-generation collections with their pauses, and the bytes allocated on the JS heap (from the
 * heap's size before each collection and after the one before it: v8.GCProfiler). For benches
 * whose server runs in this process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
  /** Bytes allocated on the JS heap during the run. */
  allocated: number;
}

export interface RuntimeProbe {
  stop(): RuntimeFigures;
}

interface GcStatistic {
  gcType: string;
  cost: number;
  beforeGC: { heapStatistics: { usedHeapSize: number } };
  afterGC: { heapStatistics: { usedHeapSize: number } };
}

export function startRuntimeProbe(): RuntimeProbe {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const gc = new v8.GCProfiler();
  const usedAtStart = v8.getHeapStatistics().used_heap_size;
  delay.enable();
  gc.start();
  return {
    stop() {
      const usedAtEnd = v8.getHeapStatistics().used_heap_size;
      const { statistics } = gc.stop() as unknown as { statistics: GcStatistic[] };
      delay.disable();
      const f = { scavenges: 0, scavengeMs: 0, majors: 0, majorMs: 0, gcMaxMs: 0, allocated: 0 };
      let used = usedAtStart;
      for (const s of statistics) {
        f.allocated += Math.max(0, s.beforeGC.heapStatistics.usedHeapSize - used);
        used = s.afterGC.heapStatistics.usedHeapSize;
        const ms = s.cost / 1000;
        if (s.gcType === 'Scavenge' || s.gcType === 'MinorMarkSweep') {
          f.scavenges++;
          f.scavengeMs += ms;
        } else {
          f.majors++;
          f.majorMs += ms;
        }
        f.gcMaxMs = Math.max(f.gcMaxMs, ms);
      }
      f.allocated += Math.max(0, usedAtEnd - used);
      const nsToMs = (ns: number) => ns / 1e6;
      return { loopP50: nsToMs(delay.percentile(50)), loopP99: nsToMs(delay.percentile(99)), loopMax: nsToMs(delay.max), ...f };
    },
  };
}

/** Per 1,000 answered requests: collections and their pause; allocation per request; the loop's delay as is. */
export function describeRuntime(f: RuntimeFigures, requests: number): string {
  const n = Math.max(1, requests);
  const per = (x: number) => ((x * 1000) / n).toFixed(1);
  return `loop delay p50 ${f.loopP50.toFixed(1)} / p99 ${f.loopP99.toFixed(1)} / max ${f.loopMax.toFixed(1)} ms; heap ${(f.allocated / n / 1024).toFixed(1)} KiB/req; per 1,000 requests ${per(f.scavenges)} scavenges (${per(f.scavengeMs)} ms), ${per(f.majors)} major GC (${per(f.majorMs)} ms); longest GC pause ${f.gcMaxMs.toFixed(1)} ms`;
}

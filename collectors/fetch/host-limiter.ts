/**
 * Per-host politeness: at most `concurrency` requests in flight and at least `minIntervalMs`
 * between two request starts to the same host. Different hosts never wait for each other.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {}

  async run<T>(host: string, limits: { concurrency: number; minIntervalMs: number }, task: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    await this.acquire(state, limits.concurrency);
    try {
      // Reserve the next start slot before sleeping so concurrent callers queue up behind it.
      const start = Math.max(this.now(), state.nextStart);
      state.nextStart = start + Math.max(limits.minIntervalMs, state.extraDelayMs);
      const wait = start - this.now();
      if (wait > 0) await this.sleep(wait);
      return await task();
    } finally {
      this.release(host, state);
    }
  }

  /** robots.txt Crawl-delay for the host. */
  setCrawlDelay(host: string, ms: number): void {
    this.state(host).extraDelayMs = ms;
  }

  /** Number of hosts with state, for the memory benchmark. */
  get size(): number {
    return this.hosts.size;
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, waiters: [], nextStart: 0, extraDelayMs: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  private acquire(s: HostState, concurrency: number): Promise<void> {
    if (s.active < concurrency) {
      s.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => s.waiters.push(resolve));
  }

  private release(host: string, s: HostState): void {
    const next = s.waiters.shift();
    if (next) next(); // hand the slot over; `active` stays the same
    else s.active--;
    // Forget idle hosts whose interval has passed, so memory stays flat over many hosts.
    if (s.active === 0 && s.waiters.length === 0 && s.extraDelayMs === 0 && s.nextStart <= this.now()) this.hosts.delete(host);
  }
}

interface HostState {
  active: number;
  waiters: Array<() => void>;
  nextStart: number;
  extraDelayMs: number;
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

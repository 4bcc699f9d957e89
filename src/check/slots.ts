// Request slots: at most `size` requests in flight across all endpoints. A
// request that continues an endpoint already under way (the actual request
// after its preflight, a redirect hop) goes before one that starts a new
// endpoint, so every slot stays busy and few endpoints are half-done at once.
export class Slots {
  private free: number;
  private readonly continuing: (() => void)[] = [];
  private readonly starting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async run<T>(kind: 'start' | 'continue', fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((wake) => (kind === 'continue' ? this.continuing : this.starting).push(wake));
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter, or give it back.
      const next = this.continuing.shift() ?? this.starting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

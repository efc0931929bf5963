import { createHmac, randomBytes } from "node:crypto";

// Per-address limits for the public complaint pages (decision 033). In memory on purpose: writing the address
// to the database, even for counting, would put the reporter's address beside the case in the file. Keys are
// keyed hashes of the address (the key lives only in this process), the map is bounded, and there is no global
// limit, so a flood from one address never stops anyone else.

const PROCESS_KEY = randomBytes(32);
const MAX_KEYS = 10_000;

export class AddressLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private key(ip: string | null) {
    return createHmac("sha256", PROCESS_KEY)
      .update(ip ?? "unknown")
      .digest("base64");
  }

  private recent(key: string, now: number) {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  /** Whether the address has used up its allowance in the window. */
  blocked(ip: string | null, now = Date.now()): boolean {
    return this.recent(this.key(ip), now).length >= this.limit;
  }

  /** Count one use (a submission, a wrong code). */
  record(ip: string | null, now = Date.now()): void {
    const key = this.key(ip);
    const list = this.recent(key, now);
    this.hits.delete(key); // re-insert so the map's order is "least recently used first"
    this.hits.set(key, [...list.slice(-(this.limit * 2)), now]);
    while (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value!);
  }

  reset(): void {
    this.hits.clear();
  }
}

/** Reports from one address: 5 an hour. */
export const submissionLimiter = new AddressLimiter(5, 60 * 60 * 1000);
/** Wrong receipt codes from one address: 10 in 15 minutes, then every look-up from it waits. */
export const lookupLimiter = new AddressLimiter(10, 15 * 60 * 1000);

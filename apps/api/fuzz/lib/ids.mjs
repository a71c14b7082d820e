// Real ids by resource kind, so path parameters and id fields reach the lookups, not only the format checks.
// Protected ids (the API key the fuzzer authenticates with, the instances its webhooks route to, the first
// stage) are only used by reads: a fuzzed DELETE or PATCH on them would quietly turn the rest of the run into 401s
// or unroutable webhooks.

export class IdPool {
  constructor(rng) {
    this.rng = rng;
    this.byKind = new Map();
    this.protectedIds = new Set();
    this.gone = [];
  }

  add(kind, id, { protect = false } = {}) {
    if (!id) return;
    const list = this.byKind.get(kind) ?? [];
    if (!list.includes(id)) list.push(id);
    this.byKind.set(kind, list);
    if (protect) this.protectedIds.add(id);
  }

  all(kind) {
    return [...(this.byKind.get(kind) ?? [])];
  }

  pick(kind, rng = this.rng) {
    const list = this.byKind.get(kind);
    return list?.length ? rng.pick(list) : undefined;
  }

  /** An id a write may change or delete. */
  pickMutable(kind, rng = this.rng) {
    const list = (this.byKind.get(kind) ?? []).filter((id) => !this.protectedIds.has(id));
    return list.length ? rng.pick(list) : undefined;
  }

  /** Any real id, of any kind: a valid uuid that names the wrong resource. */
  pickAny(rng = this.rng) {
    const kinds = [...this.byKind.keys()].filter((kind) => kind !== 'trackingSlug');
    return kinds.length ? this.pick(rng.pick(kinds), rng) : undefined;
  }

  /** A deleted id: well-formed, once real, now gone. */
  pickGone(rng = this.rng) {
    return this.gone.length ? rng.pick(this.gone) : undefined;
  }

  /** The same pool drawing from another generator: each operation keeps its own reproducible sequence. */
  withRng(rng) {
    return {
      add: (...args) => this.add(...args),
      remove: (...args) => this.remove(...args),
      all: (kind) => this.all(kind),
      pick: (kind) => this.pick(kind, rng),
      pickMutable: (kind) => this.pickMutable(kind, rng),
      pickAny: () => this.pickAny(rng),
      pickGone: () => this.pickGone(rng),
    };
  }

  remove(kind, id) {
    const list = this.byKind.get(kind);
    if (!list || this.protectedIds.has(id)) return;
    const at = list.indexOf(id);
    if (at >= 0) {
      list.splice(at, 1);
      this.gone.push(id);
    }
  }

  summary() {
    return Object.fromEntries([...this.byKind].map(([kind, list]) => [kind, list.length]));
  }
}

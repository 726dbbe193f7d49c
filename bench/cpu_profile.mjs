// Sums of a Chrome DevTools CPU profile (CDP Profiler.stop) by function, for bench/profile.mjs and
// bench/profile_keys.mjs: the time with callees (each function once per sample) and the time of its own,
// idle and "(program)" left out.
export class ProfileSums {
  constructor() { this.inclusive = new Map(); this.self = new Map(); this.total = 0; }

  add(profile) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const n = byId.get(id);
      if (name(n) === '(idle)' || name(n) === '(program)') return;
      this.total += dt;
      this.self.set(name(n), (this.self.get(name(n)) || 0) + dt);
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const f = name(byId.get(at));
        if (!seen.has(f)) { seen.add(f); this.inclusive.set(f, (this.inclusive.get(f) || 0) + dt); }
      }
    });
  }

  // The `count` functions with the most time in `which` ('inclusive' or 'self'), in ms divided by `per`.
  top(which, count, per, digits = 1) {
    return [...this[which]].sort((a, b) => b[1] - a[1]).slice(0, count)
      .map(([f, ms]) => `${(ms / per).toFixed(digits).padStart(7)} ms  ${f.slice(0, 110)}`).join('\n');
  }
}

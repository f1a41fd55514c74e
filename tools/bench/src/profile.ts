/**
 * Where lab's time goes: a V8 sampling profile (node:inspector, in this process) of a few extra
 * calls after the timed runs, reduced to self time per function. The limits on the page quote it.
 */
import { Session } from 'node:inspector';

export interface Hotspot {
  /** `function (where)`, e.g. `encode (@lab/metrics util.ts)`, `(garbage collector)`, `wasm code`. */
  readonly name: string;
  /** Share of the sampled (non-idle) time, 0..1. */
  readonly share: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A readable location for a profile frame (lab packages by package and file, others by file). */
export function frameName(functionName: string, url: string): string {
  if (/^wasm-function\[|^\$/.test(functionName) || url.startsWith('wasm://')) return 'WebAssembly code';
  if (!url) return functionName || '(anonymous)';
  const fn = functionName || '(anonymous)';
  const lab = /packages\/([a-z0-9-]+)\/src\/(.+)$/.exec(url);
  if (lab) return `${fn} (@lab/${lab[1]} ${lab[2]})`;
  const nm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm) return `${fn} (${nm[1]})`;
  const bench = /tools\/bench\/src\/(.+)$/.exec(url);
  if (bench) return `${fn} (bench ${bench[1]})`;
  return `${fn} (${url.split('/').pop()})`;
}

/** Self time per frame name, as shares of the non-idle total, largest first. */
export function hotspots(profile: Profile, top = 6): Hotspot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') return;
    // the profiler's own work: the inspector's dispatch (start/stop) and this module
    if ((functionName === 'dispatch' && !url) || /tools\/bench\/src\/profile\.ts$/.test(url)) return;
    const dt = profile.timeDeltas[i] ?? 0;
    const name = frameName(functionName, url);
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  if (total === 0) return [];
  return [...self.entries()]
    .filter(([, t]) => t / total >= 0.01)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({ name, share: t / total }));
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

/** Profile `repeat` calls of `fn`. */
export async function profile(fn: () => unknown, repeat: number, top = 6): Promise<Hotspot[]> {
  const session = new Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
    await post(session, 'Profiler.start');
    for (let i = 0; i < repeat; i++) fn();
    const { profile: p } = await post<{ profile: Profile }>(session, 'Profiler.stop');
    return hotspots(p, top);
  } finally {
    session.disconnect();
  }
}

/** `37 % encode (@lab/metrics util.ts), 12 % (garbage collector), ...` */
export function describeHotspots(h: readonly Hotspot[]): string {
  if (h.length === 0) return 'too few samples to attribute';
  return h.map((x) => `${Math.round(x.share * 100)} % ${x.name}`).join(', ');
}

/**
 * A closed-loop HTTP load generator for bench/server.ts: `connections` keep-alive connections,
 * each sending its next request as soon as the previous answer has been read in full, for
 * `seconds`. A latency is the time from sending a request to the last byte of its answer.
 *
 * Why not autocannon (used before): its HTTP client (http-parser-js) turns every body chunk into
 * a string. For the ledger list (about 120 KB of brotli per answer) that decoding became the
 * bottleneck at ~600 req/s while the server thread idled half the time, so the table measured
 * the client. Node's own client (llhttp, native) reads the same answers at ~3x that rate; bodies
 * are only kept (as text) when `onResponse` asks for them.
 */
import http from 'node:http';

export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** `http://host:port` */
  base: string;
  connections: number;
  seconds: number;
  /** The next request to send (called once per request). */
  next: () => LoadRequest;
  /** Called with each answer; the body is read as text only when this is given. */
  onResponse?: (status: number, body: string) => void;
}

export interface LoadResult {
  requests: number;
  rps: number;
  /** Sorted latencies in milliseconds. */
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
}

/** The `q` quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const url = new URL(opts.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const wantBody = opts.onResponse !== undefined;

  const one = (r: LoadRequest) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const headers: Record<string, string> = { ...r.headers };
      if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: r.method ?? 'GET',
          path: r.path,
          headers,
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => {
            if (wantBody) chunks.push(d);
          });
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            const status = res.statusCode ?? 0;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            opts.onResponse?.(status, Buffer.concat(chunks).toString('utf8'));
            resolve();
          });
          res.on('error', () => {
            errors++;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });

  const start = performance.now();
  const end = start + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end) await one(opts.next());
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    latencies,
    statuses,
    errors,
  };
}

import autocannon from 'autocannon';
import type { CpuShare } from './cpu.ts';
import { percentiles, round2, type Percentiles } from './stats.ts';

export interface HttpResult {
  requestsPerSecond: number;
  requests: number;
  latency: Percentiles;
  latencyAverageMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  seconds: number;
  connections: number;
}

/**
 * autocannon against one endpoint; `nextPath` gives each request its path (rotating ids or names).
 * Latencies are recorded per response, so p95 is exact (autocannon's own histogram has no p95).
 */
export async function runHttp(options: {
  baseUrl: string;
  cookie: string;
  connections: number;
  seconds: number;
  nextPath: () => string;
  title: string;
  /** For writes: the method, a JSON body per request, and the session's CSRF token. */
  write?: { method: 'POST' | 'PUT'; nextBody: () => unknown; csrfToken: string };
}): Promise<HttpResult> {
  const write = options.write;
  const headers: Record<string, string> = { cookie: options.cookie, accept: 'application/json' };
  if (write) Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': write.csrfToken });
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        title: options.title,
        connections: options.connections,
        duration: options.seconds,
        headers,
        requests: [
          {
            method: write?.method ?? 'GET',
            setupRequest: (request) => ({ ...request, path: options.nextPath(), ...(write ? { body: JSON.stringify(write.nextBody()) } : {}) }),
          },
        ],
      },
      (error: unknown, done) => {
        if (error) reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
        else resolve(done);
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    latency: percentiles(latencies),
    latencyAverageMs: result.latency.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCounts: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    seconds: result.duration,
    connections: options.connections,
  };
}

/** What results.json keeps of one HTTP load. */
export const summarize = (result: HttpResult, rssMb: number, cpu: CpuShare) => ({
  requestsPerSecond: round2(result.requestsPerSecond),
  latencyMs: { p50: result.latency.p50, p95: result.latency.p95, p99: result.latency.p99, max: result.latency.max, average: round2(result.latencyAverageMs) },
  requests: result.requests,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statusCounts: result.statusCounts,
  connections: result.connections,
  seconds: result.seconds,
  serverRssMaxMb: round2(rssMb),
  cpuCores: cpu,
});

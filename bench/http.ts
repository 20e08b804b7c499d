import autocannon from 'autocannon';
import { percentiles, type Percentiles } from './stats.ts';

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
}): Promise<HttpResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        title: options.title,
        connections: options.connections,
        duration: options.seconds,
        headers: { cookie: options.cookie, accept: 'application/json' },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: options.nextPath() }) }],
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

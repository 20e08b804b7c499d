import { DEMO_PASSWORD } from '../src/demo/demo-territory.ts';
import { cpuMeter } from './cpu.ts';
import type { FrontDeskOptions } from './front-desk.ts';
import { runHttp, summarize } from './http.ts';
import { loginSession } from './server.ts';
import { dayInRome } from '../src/platform/time/rome.ts';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const countDeliveries = async (options: FrontDeskOptions) =>
  (await options.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM intervention_delivery`)).rows[0]?.n ?? 0;

/**
 * A provider logging deliveries: POST /api/provider/interventions/:id/deliveries as `fornitore` (Coop. Il
 * Ponte), rotating over the demo interventions its organisation delivers that have started. Each request
 * is one transaction: the intervention with its beneficiary (ownership check), the insert, the access-log
 * row. Every answered request must have stored its delivery.
 */
export async function providerDeliveryLoad(options: FrontDeskOptions) {
  const today = dayInRome();
  const targets = await options.admin.query<{ id: string }>(
    `SELECT i.id FROM intervention i JOIN app_user u ON u.provider_id = i.provider_id
     WHERE u.username = 'fornitore' AND i.status = 'active' AND i.start_date <= $1::date AND i.end_date >= $1::date`,
    [today],
  );
  const ids = targets.rows.map((row) => row.id);
  if (ids.length === 0) throw new Error('provider deliveries: fornitore has no started intervention (is the demo seeded?)');
  const session = await loginSession(options.baseUrl, 'fornitore', DEMO_PASSWORD);
  let n = 0;
  const nextPath = () => `/api/provider/interventions/${ids[n++ % ids.length] ?? ''}/deliveries`;
  const nextBody = () => ({ deliveredOn: today, quantityHundredths: 150, staff: 'Giulia Ferri', notes: 'Igiene personale e riordino.' });
  const http = { baseUrl: options.baseUrl, cookie: session.cookie, connections: options.connections, nextPath };
  const write = { method: 'POST' as const, nextBody, csrfToken: session.csrfToken };
  log(`provider deliveries: ${ids.length} interventions, warm-up ${options.warmupSeconds} s, then ${options.seconds} s`);
  await runHttp({ ...http, seconds: options.warmupSeconds, title: 'provider deliveries warm-up', write });
  const before = await countDeliveries(options);
  options.sampler.reset();
  const meter = cpuMeter(options.serverPid);
  const result = await runHttp({ ...http, seconds: options.seconds, title: 'provider deliveries', write });
  const cpu = meter.stop(options.cores);
  const rssMb = options.sampler.take();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const written = (await countDeliveries(options)) - before;
  return { endpoint: 'POST /api/provider/interventions/:id/deliveries', ...summarize(result, rssMb, cpu), interventions: ids.length, deliveriesWritten: written };
}

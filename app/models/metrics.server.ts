// The /metrics answer: this process's counters and timings (app/utils/metrics.server.ts) plus the figures read from
// the database at scrape time, which are the same whichever server is asked.
import { outboxQueueState } from "~/models/outbox.server";
import { metrics } from "~/utils/metrics.server";

export async function metricsExposition(now = new Date()): Promise<{ contentType: string; body: string }> {
  const outbox = await outboxQueueState(now);
  metrics.outboxUnsent.set(outbox.unsent);
  metrics.outboxOldestUnsentAge.set(outbox.oldestUnsentAgeSeconds);
  metrics.outboxFailed.set(outbox.failed);
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

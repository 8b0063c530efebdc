// `npm run worker`: the outbox worker on its own, for deployments with several app instances
// (then start the app servers with OUTBOX_WORKER=off, or leave them on: claims make that safe too).
import { startOutboxWorker } from "~/models/worker.server";
import { db } from "~/utils/db.server";

const worker = startOutboxWorker();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  });
}

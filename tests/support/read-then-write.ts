// A second process on the test's SQLite file (transaction-waits.test.ts): one transaction reads, says so, pauses
// while the test writes from its own process, then writes. Prints "written" once committed.
import { createDb } from "~/utils/db.server";

const db = createDb(process.env.DATABASE_URL!);
await db.$transaction(async (tx) => {
  const settings = await tx.setting.count();
  process.stdout.write("read\n");
  await new Promise((resolve) => setTimeout(resolve, 500));
  await tx.setting.create({ data: { key: "written-by-second-process", value: settings } });
});
process.stdout.write("written\n");
await db.$disconnect();

// Disclosures past their retention period:
//   npm run disclosures:retention                                         lists them (audited)
//   npm run disclosures:retention -- --confirm D-2026-ABC123 --lead lead@example.gov.uk   deletes one (audited)
// Records on legal hold are never listed or deleted.
import { parseArgs } from "node:util";
import { COMMAND_LINE, deleteAfterRetention, leadByEmail, listPastRetention } from "~/models/disclosure-retention.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { londonDate } from "~/utils/time";
import { runAsScript, type CliIo } from "./cli";

const meta = { ip: null, userAgent: "npm run disclosures:retention" };

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { confirm: { type: "string" }, lead: { type: "string" } } });
    if (values.confirm) {
      const lead = values.lead ? await leadByEmail(values.lead) : null;
      if (!lead) throw new Error("Deleting needs --lead <email> of an active safeguarding lead, who confirms the deletion.");
      const { reference } = await deleteAfterRetention(lead, values.confirm, meta);
      io.stdout(`Deleted ${reference} (past its retention period). The deletion is in the audit log.\n`);
    } else {
      for (let page = 1; ; page++) {
        const result = await listPastRetention(COMMAND_LINE, { page }, meta);
        if (page === 1) io.stdout(`${result.total} disclosure(s) past retention; ${result.onLegalHold} more on legal hold (kept).\n`);
        for (const d of result.items)
          io.stdout(`${d.reference}\tdisclosed ${londonDate(d.disclosedAt)}\tretain until ${d.retainUntil}\t${d.status}\n`);
        if (page >= result.pageCount) break;
      }
      io.stdout("To delete one: npm run disclosures:retention -- --confirm <reference> --lead <your email>\n");
    }
    return 0;
  } catch (error) {
    io.stderr(`${error instanceof DomainError || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

await runAsScript(import.meta.url, main, () => db.$disconnect());

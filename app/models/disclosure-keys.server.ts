// Re-encrypt every disclosure text, pupils' free-text questionnaire answers, and every secret sealed under a key
// derived from it (external calendar addresses), under a new key, in one transaction. Rows already under the new key
// are left alone, so running it twice is harmless; a row under neither key stops everything with a clear error.
import { writeAudit } from "~/utils/audit.server";
import { DecryptionError, decryptText, encryptText, keyId } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { calendarUrlKey } from "./external-calendars.server";

const BATCH = 200;
const keyIdOf = (sealed: string) => sealed.split(".")[1];

export type RotationResult = { fromKeyId: string; toKeyId: string; rotated: number; alreadyCurrent: number };

function reseal(sealed: string, oldKey: Buffer, newKey: Buffer, where: string): string | null {
  if (keyIdOf(sealed) === keyId(newKey)) return null;
  try {
    return encryptText(decryptText(sealed, oldKey), newKey);
  } catch (error) {
    if (error instanceof DecryptionError) throw new DecryptionError(`${where}: ${error.message} Nothing was changed.`);
    throw error;
  }
}

async function rotateDisclosures(tx: Tx, oldKey: Buffer, newKey: Buffer, counts: { rotated: number; alreadyCurrent: number }) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await tx.disclosure.findMany({
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, reference: true, accountCiphertext: true, immediateActionCiphertext: true },
    });
    if (rows.length === 0) return;
    for (const row of rows) {
      const account = reseal(row.accountCiphertext, oldKey, newKey, `Disclosure ${row.reference}`);
      const immediate = row.immediateActionCiphertext
        ? reseal(row.immediateActionCiphertext, oldKey, newKey, `Disclosure ${row.reference}`)
        : null;
      if (account === null && immediate === null) {
        counts.alreadyCurrent++;
        continue;
      }
      await tx.disclosure.update({
        where: { id: row.id },
        data: { ...(account ? { accountCiphertext: account } : {}), ...(immediate ? { immediateActionCiphertext: immediate } : {}) },
      });
      counts.rotated++;
    }
    cursor = rows[rows.length - 1].id;
  }
}

async function rotateAddenda(tx: Tx, oldKey: Buffer, newKey: Buffer, counts: { rotated: number; alreadyCurrent: number }) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await tx.disclosureAddendum.findMany({
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, textCiphertext: true, disclosure: { select: { reference: true } } },
    });
    if (rows.length === 0) return;
    for (const row of rows) {
      const text = reseal(row.textCiphertext, oldKey, newKey, `An addendum to ${row.disclosure.reference}`);
      if (text === null) counts.alreadyCurrent++;
      else {
        await tx.disclosureAddendum.update({ where: { id: row.id }, data: { textCiphertext: text } });
        counts.rotated++;
      }
    }
    cursor = rows[rows.length - 1].id;
  }
}

/** External calendar addresses are sealed under a key derived from the disclosure key: re-seal them with it. */
async function rotateCalendarAddresses(tx: Tx, oldKey: Buffer, newKey: Buffer, counts: { rotated: number; alreadyCurrent: number }) {
  const [oldUrlKey, newUrlKey] = [calendarUrlKey(oldKey), calendarUrlKey(newKey)];
  let cursor: string | undefined;
  for (;;) {
    const rows = await tx.externalCalendar.findMany({
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, label: true, urlEncrypted: true },
    });
    if (rows.length === 0) return;
    for (const row of rows) {
      const url = reseal(row.urlEncrypted, oldUrlKey, newUrlKey, `The external calendar "${row.label}"`);
      if (url === null) counts.alreadyCurrent++;
      else {
        await tx.externalCalendar.update({ where: { id: row.id }, data: { urlEncrypted: url } });
        counts.rotated++;
      }
    }
    cursor = rows[rows.length - 1].id;
  }
}

/** Pupils' free-text questionnaire answers: encrypted with the same key because any of them may be a disclosure. */
async function rotateFreeTextAnswers(tx: Tx, oldKey: Buffer, newKey: Buffer, counts: { rotated: number; alreadyCurrent: number }) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await tx.questionnaireAnswer.findMany({
      where: { textCiphertext: { not: null } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, textCiphertext: true },
    });
    if (rows.length === 0) return;
    for (const row of rows) {
      const text = reseal(row.textCiphertext!, oldKey, newKey, `Questionnaire answer ${row.id}`);
      if (text === null) counts.alreadyCurrent++;
      else {
        await tx.questionnaireAnswer.update({ where: { id: row.id }, data: { textCiphertext: text } });
        counts.rotated++;
      }
    }
    cursor = rows[rows.length - 1].id;
  }
}

export async function rotateDisclosureKey({ oldKey, newKey }: { oldKey: Buffer; newKey: Buffer }): Promise<RotationResult> {
  if (keyId(oldKey) === keyId(newKey)) throw new Error("The new key is the same as the current key.");
  const counts = { rotated: 0, alreadyCurrent: 0 };
  await db.$transaction(
    async (tx) => {
      await rotateDisclosures(tx, oldKey, newKey, counts);
      await rotateAddenda(tx, oldKey, newKey, counts);
      await rotateFreeTextAnswers(tx, oldKey, newKey, counts);
      await rotateCalendarAddresses(tx, oldKey, newKey, counts);
      await writeAudit(
        tx,
        { actor: null, meta: { ip: null, userAgent: "npm run rotate-disclosure-key" } },
        {
          action: "disclosure.key_rotate",
          entityType: "Disclosure",
          details: { v: 1, fromKeyId: keyId(oldKey), toKeyId: keyId(newKey), ...counts },
        },
      );
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return { fromKeyId: keyId(oldKey), toKeyId: keyId(newKey), ...counts };
}

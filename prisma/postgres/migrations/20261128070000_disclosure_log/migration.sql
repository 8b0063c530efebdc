-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "referralMinutes" INTEGER;

ALTER TABLE "Disclosure" ADD COLUMN     "unlinkedContext" TEXT;

-- CreateIndex
CREATE INDEX "Disclosure_referralMinutes_idx" ON "Disclosure"("referralMinutes");

-- CreateIndex
CREATE INDEX "Disclosure_retainUntil_idx" ON "Disclosure"("retainUntil");


-- Default concern categories (leads add and archive their own at /disclosures/categories).
INSERT INTO "ConcernCategory" ("id", "code", "label", "sortOrder") VALUES
  ('concern_cse', 'CSE', 'Child sexual exploitation', 10),
  ('concern_cce', 'CCE', 'Criminal exploitation', 20),
  ('concern_online', 'ONLINE', 'Online abuse', 30),
  ('concern_intrafamilial', 'INTRAFAMILIAL_SEXUAL_ABUSE', 'Sexual abuse in the family', 40),
  ('concern_peer', 'PEER_ON_PEER', 'Peer-on-peer abuse', 50),
  ('concern_domestic', 'DOMESTIC_ABUSE', 'Domestic abuse', 60),
  ('concern_self_harm', 'SELF_HARM_MENTAL_HEALTH', 'Self-harm or mental health', 70),
  ('concern_other', 'OTHER', 'Other', 80);

-- The audit log is append-only: the database refuses to change or remove a row, whatever the app does.
-- Prisma's migration runner splits scripts on every semicolon, so the function bodies spell theirs as \073.
CREATE FUNCTION "outreach_refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''AuditEvent rows are append-only: % refused'', TG_OP\073 END\073';

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "outreach_refuse_audit_change"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "outreach_refuse_audit_change"();

-- The original account, immediate action and addenda are never rewritten. Re-encryption under a new key
-- (npm run rotate-disclosure-key) changes the key id prefix "v1.<keyId>." and is the only change allowed.
CREATE FUNCTION "outreach_refuse_rewrite"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''%'', TG_ARGV[0]\073 END\073';

CREATE TRIGGER "Disclosure_original_immutable" BEFORE UPDATE OF "accountCiphertext", "immediateActionCiphertext" ON "Disclosure"
  FOR EACH ROW
  WHEN ((OLD."accountCiphertext" <> NEW."accountCiphertext" AND substr(OLD."accountCiphertext", 1, 12) = substr(NEW."accountCiphertext", 1, 12))
    OR (OLD."immediateActionCiphertext" IS DISTINCT FROM NEW."immediateActionCiphertext" AND (OLD."immediateActionCiphertext" IS NULL OR NEW."immediateActionCiphertext" IS NULL
        OR substr(OLD."immediateActionCiphertext", 1, 12) = substr(NEW."immediateActionCiphertext", 1, 12))))
  EXECUTE FUNCTION "outreach_refuse_rewrite"('The original disclosure account cannot be changed: add an addendum');

CREATE TRIGGER "DisclosureAddendum_immutable" BEFORE UPDATE ON "DisclosureAddendum"
  FOR EACH ROW
  WHEN ((OLD."textCiphertext" <> NEW."textCiphertext" AND substr(OLD."textCiphertext", 1, 12) = substr(NEW."textCiphertext", 1, 12))
    OR OLD."reason" <> NEW."reason" OR OLD."authorId" <> NEW."authorId" OR OLD."createdAt" <> NEW."createdAt")
  EXECUTE FUNCTION "outreach_refuse_rewrite"('A disclosure addendum cannot be changed');

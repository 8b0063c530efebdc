// What a safeguarding lead configures for the disclosure log: concern categories, the word patterns that
// refuse identifying text, and how long records are kept.
import { z } from "zod";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { assertCan } from "~/utils/permissions";
import { CAPITALISED } from "./disclosure-options";

const PATTERNS_KEY = "disclosure.identifierPatterns";
const RETENTION_KEY = "disclosure.retention";

export const DEFAULT_IDENTIFIER_PATTERNS = [
  `called ${CAPITALISED}`,
  `named ${CAPITALISED}`,
  `name is ${CAPITALISED}`,
  `known as ${CAPITALISED}`,
];

export type RetentionPolicy = { socialCareYears: number; otherYears: number };
export const DEFAULT_RETENTION: RetentionPolicy = { socialCareYears: 25, otherYears: 6 };

const patternsValue = z.array(z.string()).max(50);
const retentionValue = z.object({ socialCareYears: z.number().int().min(1).max(100), otherYears: z.number().int().min(1).max(100) });

export async function identifierPatterns(tx: Tx = db): Promise<string[]> {
  const row = await tx.setting.findUnique({ where: { key: PATTERNS_KEY }, select: { value: true } });
  const parsed = patternsValue.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_IDENTIFIER_PATTERNS;
}

export async function retentionPolicy(tx: Tx = db): Promise<RetentionPolicy> {
  const row = await tx.setting.findUnique({ where: { key: RETENTION_KEY }, select: { value: true } });
  const parsed = retentionValue.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_RETENTION;
}

export class InvalidPatternError extends DomainError {
  constructor(public readonly pattern: string) {
    super(`"${pattern}" must contain at least one word as well as ${CAPITALISED}`, "patterns");
  }
}

/** One pattern a line; blank lines ignored. Each must have some literal text so it cannot match every name. */
export async function saveDisclosureSettings(actor: Actor, input: { patterns: string[]; retention: RetentionPolicy }, meta: RequestMeta) {
  assertCan(actor, "disclosure:read");
  const patterns = [...new Set(input.patterns.map((p) => p.trim().replace(/\s+/g, " ")).filter(Boolean))];
  for (const p of patterns) if (!p.replaceAll(CAPITALISED, "").trim()) throw new InvalidPatternError(p);
  await db.$transaction(async (tx) => {
    for (const [key, value] of [
      [PATTERNS_KEY, patterns],
      [RETENTION_KEY, input.retention],
    ] as const) {
      await tx.setting.upsert({ where: { key }, create: { key, value, updatedById: actor.id }, update: { value, updatedById: actor.id } });
      await writeAudit(
        tx,
        { actor, meta },
        { action: "disclosure.settings_update", entityType: "Setting", entityId: key, details: { v: 1 } },
      );
    }
  });
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Literal words match in any case; the placeholder must start with a capital letter. Built from escaped
// literals and one fixed class, so a lead's pattern cannot make a slow or arbitrary regular expression.
function patternRegex(pattern: string): RegExp {
  const parts = pattern.split(CAPITALISED).map((literal) =>
    escapeRegex(literal)
      .replace(/\p{L}/gu, (c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`))
      .replace(/\s+/g, "\\s+"),
  );
  return new RegExp(`(?<![\\p{L}])${parts.join("\\p{Lu}[\\p{L}'’-]*")}(?![\\p{L}])`, "u");
}

export type IdentifyingText = { kind: "contact" | "pattern"; found: string };

/**
 * The first thing in `text` that looks like it identifies someone: a venue contact's full name, first name
 * or surname (as a capitalised word), or a lead's pattern. Only the match is returned, never the text.
 */
export function findIdentifyingText(text: string, contactNames: string[], patterns: string[]): IdentifyingText | null {
  for (const name of contactNames) {
    const full = name.trim();
    if (full && new RegExp(`(?<![\\p{L}])${escapeRegex(full).replace(/\s+/g, "\\s+")}(?![\\p{L}])`, "iu").test(text)) {
      return { kind: "contact", found: full };
    }
    for (const part of full.split(/\s+/).filter((w) => w.length >= 3)) {
      const capitalised = part.charAt(0).toUpperCase() + part.slice(1);
      if (new RegExp(`(?<![\\p{L}])${escapeRegex(capitalised)}(?![\\p{L}])`, "u").test(text))
        return { kind: "contact", found: capitalised };
    }
  }
  for (const pattern of patterns) {
    const match = patternRegex(pattern).exec(text);
    if (match) return { kind: "pattern", found: match[0].replace(/\s+/g, " ") };
  }
  return null;
}

/** The settings page: patterns (one a line) and the retention policy. */
export async function disclosureSettings(actor: Pick<Actor, "roles">) {
  assertCan(actor, "disclosure:read");
  const [patterns, retention] = await Promise.all([identifierPatterns(), retentionPolicy()]);
  return { patterns, retention };
}

// ─── Concern categories ───

export async function listConcernCategories({ includeArchived }: { includeArchived: boolean }) {
  return db.concernCategory.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: { id: true, code: true, label: true, archivedAt: true },
  });
}

export class CategoryExistsError extends DomainError {
  constructor(label: string) {
    super(`A concern category called "${label}" already exists`, "label");
  }
}

export async function addConcernCategory(actor: Actor, input: { label: string }, meta: RequestMeta) {
  assertCan(actor, "disclosure:read");
  const label = input.label.trim();
  const code =
    label
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
      .slice(0, 40) || "CATEGORY";
  return db.$transaction(async (tx) => {
    const clash = await tx.concernCategory.findFirst({ where: { OR: [{ code }, { label }] }, select: { id: true } });
    if (clash) throw new CategoryExistsError(label);
    const last = await tx.concernCategory.aggregate({ _max: { sortOrder: true } });
    const category = await tx.concernCategory.create({
      data: { code, label, sortOrder: (last._max.sortOrder ?? 0) + 10 },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "disclosure.category_add", entityType: "ConcernCategory", entityId: category.id, details: { v: 1, code } },
    );
    return category;
  });
}

/** Archived categories stay on the records that use them but are no longer offered on the form. */
export async function setConcernCategoryArchived(actor: Actor, id: string, archived: boolean, meta: RequestMeta) {
  assertCan(actor, "disclosure:read");
  await db.$transaction(async (tx) => {
    const category = await tx.concernCategory.findUnique({ where: { id }, select: { code: true } });
    if (!category) throw new DomainError("Select a concern category from the list", "categoryId");
    await tx.concernCategory.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: archived ? "disclosure.category_archive" : "disclosure.category_restore",
        entityType: "ConcernCategory",
        entityId: id,
        details: { v: 1, code: category.code },
      },
    );
  });
}

import { isIP } from "node:net";
import { z } from "zod";

// Placeholder secrets that must never reach production.
const KNOWN_WEAK_SECRETS = new Set(["change-me", "changeme", "secret", "development-only-secret-not-for-production"]);
const DEV_SESSION_SECRET = "development-only-secret-not-for-production";

const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default("file:./prisma/dev.db")
      .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
        message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      }),
    SESSION_SECRET: z.string().optional(),
    DISCLOSURE_ENCRYPTION_KEY: z
      .string()
      .optional()
      .refine((k) => k === undefined || k === "" || Buffer.from(k, "base64").length === 32, {
        message: "must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)",
      }),
    APP_URL: z
      .url({ message: "must be the public URL of the service, e.g. https://outreach.example.gov.uk" })
      .default("http://localhost:3000"),
    COUNCIL_NAME: z.string().min(1).default("Northfield Borough Council"),
    MAIL_FROM: z.string().min(3).default("Outreach <outreach@localhost>"),
    SMTP_URL: z.string().optional(),
    // How venues reach the coordinators (shown on the invitation response page and in emails)
    CONTACT_EMAIL: z.string().optional(),
    CONTACT_PHONE: z.string().optional(),
    DEMO_MODE: booleanString,
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(8 * 60),
    SESSION_IDLE_MINUTES_PRIVILEGED: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(30),
    // Largest request body in bytes: forms, and the upload paths listed in request-security.server.ts.
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    UPLOAD_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(110 * 1024 * 1024),
    // Email outbox worker, reminders and chasers (app/models/worker.server.ts)
    OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
    OUTBOX_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
    // A worker's claim on a message it is sending, renewed while it sends; a dead worker's claim runs out after this.
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    REMINDER_DAYS: z
      .string()
      .default("7,1")
      .refine((v) => v === "" || /^\d{1,3}(,\d{1,3})*$/.test(v.replace(/\s/g, "")), {
        message: "must be whole numbers of days separated by commas, e.g. 7,1",
      })
      .transform((v) =>
        [...new Set(v.replace(/\s/g, "").split(",").filter(Boolean).map(Number))].filter((n) => n > 0).sort((a, b) => a - b),
      ),
    CHASER_DAYS: z.coerce.number().int().min(1).max(90).default(5),
    // Calendar replies (app/models/calendar-replies.server.ts): each invitation's ORGANIZER and Reply-To become
    // <REPLY_LOCAL_PART>+<token>@<REPLY_DOMAIN>; unset REPLY_DOMAIN keeps MAIL_FROM as the organiser (replies unread).
    REPLY_DOMAIN: z
      .string()
      .optional()
      .refine((d) => !d || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d), {
        message: "must be a mail domain, e.g. replies.outreach.example.gov.uk",
      }),
    REPLY_LOCAL_PART: z
      .string()
      .regex(/^[a-z0-9.-]{1,40}$/i, { message: "must be letters, digits, dots or hyphens" })
      .default("replies"),
    // Larger inbound messages are recorded as refused without being parsed.
    REPLY_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .default(5 * 1024 * 1024),
    // IMAP polling of a shared mailbox (imap[s]://user:password@host:port); processed messages move to IMAP_PROCESSED_FOLDER.
    IMAP_URL: z.string().optional(),
    IMAP_MAILBOX: z.string().min(1).default("INBOX"),
    IMAP_PROCESSED_FOLDER: z.string().min(1).default("Outreach processed"),
    IMAP_POLL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
    // Inbound SMTP listener for a reply subdomain routed to the app (off when unset).
    REPLY_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    REPLY_SMTP_HOST: z.string().default("0.0.0.0"),
    // Logs (app/utils/log.server.ts): level, and json (one JSON object a line) or pretty (one readable line an event).
    // Defaults: info (warn under tests); pretty in the demo and development, json otherwise.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
    // Who may read /metrics: callers from these addresses (comma-separated CIDR ranges or addresses; empty for
    // nobody), or any caller sending "Authorization: Bearer <METRICS_TOKEN>".
    METRICS_ALLOW: z
      .string()
      .default("127.0.0.1/32,::1/128")
      .refine((v) => v.split(",").every((r) => r.trim() === "" || validCidr(r.trim())), {
        message: "must be addresses or CIDR ranges separated by commas, e.g. 10.0.0.0/8,127.0.0.1",
      }),
    METRICS_TOKEN: z
      .string()
      .optional()
      .refine((t) => !t || t.length >= 32, { message: "must be at least 32 random characters (openssl rand -base64 32)" }),
    // External busy calendars (app/models/external-calendars.server.ts): how often the worker refreshes each ICS
    // address, how long a fetch may take, and the largest feed read. Private, loopback and link-local addresses are
    // refused unless EXTERNAL_CALENDARS_ALLOW_PRIVATE=true (tests and local development only).
    EXTERNAL_CALENDAR_REFRESH_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(30),
    EXTERNAL_CALENDAR_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(15),
    EXTERNAL_CALENDAR_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
    EXTERNAL_CALENDARS_ALLOW_PRIVATE: z.enum(["true", "false"]).default("false"),
    // Minutes a touring team needs between two different venues on the same day (0 between sessions at one venue).
    TRAVEL_BUFFER_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(6 * 60)
      .default(45),
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV !== "production") return;
    if (!e.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production (at least 32 random characters)" });
    } else if (e.SESSION_SECRET.length < 32 || KNOWN_WEAK_SECRETS.has(e.SESSION_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "must be at least 32 random characters and not a placeholder" });
    }
    if (!e.DISCLOSURE_ENCRYPTION_KEY) {
      ctx.addIssue({ code: "custom", path: ["DISCLOSURE_ENCRYPTION_KEY"], message: "is required in production (openssl rand -base64 32)" });
    }
  });

export type Env = Omit<z.infer<typeof schema>, "SESSION_SECRET"> & { SESSION_SECRET: string };

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `Outreach cannot start: the environment is not valid.\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`,
    );
    this.name = "EnvError";
  }
}

export function parseEnv(raw: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  }
  return { ...result.data, SESSION_SECRET: result.data.SESSION_SECRET || DEV_SESSION_SECRET };
}

let cached: Env | undefined;

/** The validated environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

function validCidr(range: string): boolean {
  const [address, bits, ...rest] = range.split("/");
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

export const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

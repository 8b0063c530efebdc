// The outbox page's form.
import { z } from "zod";
import { recordId } from "~/utils/form-fields";

// Retrying an email that failed.
export const retryEmailSchema = z.object({ intent: z.literal("retry"), messageId: recordId("Choose an email to retry") });

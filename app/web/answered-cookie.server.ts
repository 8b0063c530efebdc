// The duplicate-refusal cookie of the pupils' questionnaire (ADR 020). Set only when a pupil has sent answers, it says
// "this browser has answered this sitting of this code" and nothing else: the same value for everyone, HTTP-only,
// sent only to the questionnaire pages, gone when the window closes. It is never stored or linked to the answers, so
// it cannot follow anyone.
import { createCookie } from "@remix-run/node";
import { env } from "~/utils/env.server";
import { daysBetween, todayInLondon } from "~/utils/time";

const ANSWERED = "yes";

// Named by code and sitting, with the path of every questionnaire page: a path of /q/<code> alone would not be sent
// with Remix's data requests (/q/<code>.data), so a browser running the page's script would be asked again.
const cookieFor = (code: string, sitting: string, closesOn?: string) =>
  createCookie(`answered-${code.toLowerCase()}-${sitting.toLowerCase()}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/q",
    maxAge: closesOn ? (Math.max(0, daysBetween(todayInLondon(), closesOn)) + 1) * 86_400 : undefined,
  });

export async function hasAnswered(request: Request, code: string, sitting: string): Promise<boolean> {
  return (await cookieFor(code, sitting).parse(request.headers.get("Cookie"))) === ANSWERED;
}

export const answeredCookie = (code: string, sitting: string, closesOn: string) => cookieFor(code, sitting, closesOn).serialize(ANSWERED);

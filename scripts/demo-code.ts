// Prints the current two-factor code for the demo lead and admin, for testers without an authenticator app.
// Demo data only: real users' keys are random and never leave the database unencrypted.
import { generateTOTP } from "@epic-web/totp";
import { TOTP } from "~/models/two-factor.server";
import { DEMO_TOTP_SECRET } from "../prisma/demo-credentials";

const { otp } = await generateTOTP({ ...TOTP, secret: DEMO_TOTP_SECRET });
const secondsLeft = TOTP.period - (Math.floor(Date.now() / 1000) % TOTP.period);
console.log(`${otp}  (lead@demo.outreach.test and admin@demo.outreach.test; changes in ${secondsLeft} s; each code works once)`);

// Demo data only: the sign-in details of the demo users, shared by the seed, `npm run demo` and the Playwright fixtures.
export const DEMO_PASSWORD = "demo-password-1234";

/**
 * Leads and admins must use two-factor, so the demo lead and admin are enrolled with this known key (base32).
 * A real deployment never uses it: each user's key is made at random when they set up two-factor.
 */
export const DEMO_TOTP_SECRET = "OUTREACHDEMOTWOFACTORSECRET23456";

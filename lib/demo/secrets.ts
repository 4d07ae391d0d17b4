import type { Rng } from "./random";

// Realistic-looking but fake secrets, so redaction can be tested on real demo lines.

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const JWT_HEADER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"; // {"alg":"HS256","typ":"JWT"}

/** Test card numbers (they pass the Luhn check, as real ones do). */
const CARD_NUMBERS = ["4111111111111111", "5555555555554444", "4012888888881881", "378282246310005"] as const;

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A JWT-shaped token for `userId` that expires at `expiresAtSeconds`. */
export function fakeJwt(rng: Rng, userId: number, expiresAtSeconds: number): string {
  const payload = base64url(JSON.stringify({ sub: String(userId), iat: expiresAtSeconds - 3600, exp: expiresAtSeconds }));
  return `${JWT_HEADER}.${payload}.${rng.chars(43, BASE64URL)}`;
}

export function fakeApiKey(rng: Rng): string {
  return `tk_live_${rng.chars(32, ALNUM)}`;
}

/** Formats a test card number the way a careless log line would: in groups of four. */
export function fakeCardNumber(rng: Rng): string {
  return rng.pick(CARD_NUMBERS).replace(/(\d{4})(?=\d)/g, "$1 ");
}

import bcrypt from "bcryptjs";

// bcrypt, cost 12 in production; the demo seed and tests may pass a lower cost for speed.
export const BCRYPT_COST = 12;

export function hashPassword(plain: string, cost = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(plain, cost);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** JWT_EXPIRES_IN (`3600`, `15m`, `1h`, `7d`; a bare number is seconds) in seconds. */
export function tokenLifetimeSeconds(expiresIn: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(expiresIn.trim());
  if (!match) throw new Error(`JWT_EXPIRES_IN "${expiresIn}" must look like 3600, 15m, 1h or 7d`);
  return Number.parseInt(match[1], 10) * UNIT_SECONDS[match[2] || 's'];
}

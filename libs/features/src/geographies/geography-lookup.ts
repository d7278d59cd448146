import { NotFoundException } from '@nestjs/common';
import type { TenantTransaction } from '@lbi/server';
import { Geography } from './geography.entity';

/** The message for a geography that is missing or another tenant's: word for word the same. */
export const noGeography = (id: string): string => `No geography with id ${id}`;

/** The tenant's geography, or 404 (another tenant's answers exactly as a missing one). */
export async function requireGeography(db: TenantTransaction, id: string): Promise<Geography> {
  const geography = await db.repository(Geography).findOneBy({ id });
  if (!geography) throw new NotFoundException(noGeography(id));
  return geography;
}

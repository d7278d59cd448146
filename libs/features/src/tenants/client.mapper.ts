import type { ClientResponse } from '@lbi/contracts';
import { Client } from './client.entity';

/** The only way a Client leaves the API. */
export function toClientResponse(client: Client): ClientResponse {
  return { id: client.id, name: client.name, created_at: client.createdAt.toISOString() };
}

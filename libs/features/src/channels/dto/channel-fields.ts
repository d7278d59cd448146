// Field rules shared by the channel DTOs (not exported from the library).
import { CHANNEL_TYPES } from '@lbi/contracts';

export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
export const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
export const lower = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true };
export const MAX_REACH = 2_147_483_647;
export const CHANNEL_TYPE_MESSAGE = `channel_type must be one of: ${CHANNEL_TYPES.join(', ')}`;
export const STATE_MESSAGE = 'state must be a 2-letter USPS state code such as PA';
export const ZIP_MESSAGE = 'zip_code must be a 5-digit ZIP code such as 19002';

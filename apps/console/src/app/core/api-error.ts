import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { TimeoutError } from 'rxjs';

/** An error as a person reads it, with the API's per-field messages when it gave any. */
export interface ProblemDescription {
  readonly status: number;
  readonly message: string;
  /** Messages the API tied to one field (`name must not be empty`, `field "notes" contains …`). */
  readonly fieldErrors: Readonly<Record<string, string[]>>;
}

/** The `message` of the contract's error shape `{status_code, error, message}`, joined if a list. */
export function apiMessage(body: unknown): string | null {
  const messages = apiMessages(body);
  return messages.length > 0 ? messages.join('; ') : null;
}

function apiMessages(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string') return [message];
  if (Array.isArray(message)) return message.filter((part): part is string => typeof part === 'string');
  return [];
}

/**
 * Words for any failure of an API call. `fields` names the form's fields, so that the API's
 * messages about one of them can be shown on it (and the rest above the form).
 */
export function describeError(error: unknown, fields: readonly string[] = []): ProblemDescription {
  if (error instanceof TimeoutError) {
    return plain(0, 'The server did not answer in time. It may be busy; try again in a moment.');
  }
  if (!(error instanceof HttpErrorResponse)) {
    return plain(0, 'Something went wrong in the console. Reload the page and try again.');
  }
  const status = error.status;
  if (status === 0) {
    return plain(
      0,
      'The server cannot be reached. Check that it is running and that you are online, then try again.',
    );
  }
  if (status === HttpStatusCode.BadGateway || status === HttpStatusCode.GatewayTimeout) {
    return plain(status, 'The server behind the proxy is not answering. Try again in a moment.');
  }
  const messages = apiMessages(error.error);
  if (status === HttpStatusCode.TooManyRequests) {
    const wait = Number(error.headers.get('Retry-After'));
    const text = messages[0] ?? 'Too many attempts';
    const hasWait = /\d+\s*seconds?/.test(text);
    return plain(
      status,
      hasWait || !Number.isFinite(wait) || wait <= 0
        ? sentence(text)
        : `${sentence(text)} Wait ${wait} second${wait === 1 ? '' : 's'} and try again.`,
    );
  }
  if (status >= 500) {
    const id = error.headers.get('X-Request-Id');
    return plain(
      status,
      `${sentence(messages[0] ?? 'The server failed to answer')}${id ? ` (request id ${id})` : ''}`,
    );
  }
  if (messages.length === 0) {
    return plain(status, `The server refused the request (HTTP ${status}).`);
  }
  const fieldErrors: Record<string, string[]> = {};
  const general: string[] = [];
  for (const message of messages) {
    // `name must…`, `name: 'x' is not…`, `name[2] must…` (an entry of a list field), `field "name"`.
    const field = fields.find(
      (name) =>
        message.startsWith(`${name} `) ||
        message.startsWith(`${name}:`) ||
        message.startsWith(`${name}[`) ||
        message.includes(`field "${name}"`),
    );
    if (field) (fieldErrors[field] ??= []).push(sentence(message));
    else general.push(sentence(message));
  }
  const message =
    general.length > 0 ? general.join(' ') : 'Some fields need attention: see the messages beside them.';
  return { status, message, fieldErrors };
}

function plain(status: number, message: string): ProblemDescription {
  return { status, message, fieldErrors: {} };
}

/** First letter up, a full stop at the end: API messages are lower-case fragments at times. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

import { BadRequestException, CallHandler, ExecutionContext, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { firstValueFrom, of } from 'rxjs';
import { AllowPiiFields } from './allow-pii-fields.decorator';
import { PiiGuardInterceptor } from './pii-guard.interceptor';

class ExampleController {
  @AllowPiiFields('email')
  login() {}

  createClient() {}
}

interface FakeRequest {
  method: string;
  body?: unknown;
  query?: Record<string, unknown>;
}

function contextFor(handler: 'login' | 'createClient', request: FakeRequest): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => ExampleController.prototype[handler],
    getClass: () => ExampleController,
    switchToHttp: () => ({ getRequest: () => ({ query: {}, ...request }) }),
  } as unknown as ExecutionContext;
}

const next: CallHandler = { handle: () => of('handled') };

describe('PiiGuardInterceptor', () => {
  const interceptor = new PiiGuardInterceptor(new Reflector());
  const warnings: unknown[] = [];
  beforeEach(() => {
    warnings.length = 0;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(message);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  /** The 400's message, or null when the request went through to the handler. */
  function refusal(handler: 'login' | 'createClient', request: FakeRequest): string | null {
    try {
      interceptor.intercept(contextFor(handler, request), next);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      return (error as BadRequestException).message;
    }
  }

  it('lets a clean write through to the handler', async () => {
    const observable = interceptor.intercept(
      contextFor('createClient', { method: 'POST', body: { name: 'Acme Roofing' } }),
      next,
    );
    expect(await firstValueFrom(observable)).toBe('handled');
  });

  it('refuses a PII key in a write body, naming the field and the kind', () => {
    expect(
      refusal('createClient', { method: 'POST', body: { name: 'Acme', owner_name: 'Jane Quimby' } }),
    ).toBe(
      'PII is not accepted: field "owner_name" looks like a person name (key). Remove it and try again.',
    );
  });

  it('refuses a PII value in a free-text field without echoing it', () => {
    const message = refusal('createClient', { method: 'PATCH', body: { name: 'Call 215-555-0142' } });
    expect(message).toBe(
      'PII is not accepted: field "name" contains a phone number (value). Remove it and try again.',
    );
    expect(message).not.toContain('215-555-0142');
    // The refusal is logged with the handler, paths and kinds: never the value.
    expect(warnings).toEqual([
      {
        msg: 'pii refused',
        handler: 'ExampleController.createClient',
        violations: [{ path: 'name', kind: 'phone-number value' }],
      },
    ]);
    expect(JSON.stringify(warnings)).not.toContain('215-555-0142');
  });

  it('checks nested objects and arrays of the body', () => {
    const message = refusal('createClient', {
      method: 'PUT',
      body: { name: 'Acme', metadata: { contacts: [{ note: 'lives at 123 Main St' }] } },
    });
    expect(message).toContain('field "metadata.contacts[0].note" contains a street address (value)');
    expect(message).not.toContain('123 Main St');
  });

  it('checks the query string of every write method, and never exempts it', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const message = refusal('login', { method, body: {}, query: { email: 'jane@example.com' } });
      expect(message).toBe(
        'PII is not accepted: field "query.email" looks like an email address (key); ' +
          'field "query.email" contains an email address (value). Remove them and try again.',
      );
    }
    expect(refusal('createClient', { method: 'DELETE', query: { note: 'ssn 123-45-6789' } })).toMatch(
      /field "query.note" contains a Social Security number \(value\)/,
    );
  });

  it('leaves reads alone', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(refusal('createClient', { method, query: { phone: '215-555-0142' } })).toBeNull();
    }
  });

  it('accepts an account email only on a handler that exempts it, and only that exact field', () => {
    const login = { email: 'analyst@agency.example', password: 'a-long-test-passphrase-42' };
    expect(refusal('login', { method: 'POST', body: login })).toBeNull();
    const elsewhere = refusal('createClient', { method: 'POST', body: { name: 'Acme', email: login.email } });
    expect(elsewhere).toMatch(/^PII is not accepted: field "email" looks like an email address \(key\)/);
    expect(elsewhere).not.toContain(login.email);
    // The exemption is narrow: other PII next to the email, or an email elsewhere, is still refused.
    expect(refusal('login', { method: 'POST', body: { ...login, phone: '215-555-0142' } })).toMatch(
      /field "phone" looks like a phone number \(key\)/,
    );
    expect(refusal('login', { method: 'POST', body: { ...login, contact: { email: login.email } } })).toMatch(
      /field "contact.email" looks like an email address \(key\)/,
    );
    expect(refusal('login', { method: 'POST', body: { ...login, Email: login.email } })).toMatch(
      /field "Email" looks like an email address \(key\)/,
    );
  });

  it('never reads passwords (a passphrase may look like an address or a phone number)', () => {
    for (const password of ['123 Main Street forever', '215-555-0142-and-more', 'me@example.com!!']) {
      expect(
        refusal('login', { method: 'POST', body: { email: 'analyst@agency.example', password } }),
      ).toBeNull();
    }
  });

  it('passes requests without a body', () => {
    expect(refusal('createClient', { method: 'POST' })).toBeNull();
    expect(refusal('createClient', { method: 'DELETE', body: undefined, query: {} })).toBeNull();
  });
});

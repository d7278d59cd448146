import { Role } from '@lbi/contracts';
import { Client } from './client.entity';
import { toClientResponse } from './client.mapper';
import { User } from './user.entity';
import { toUserResponse } from './user.mapper';

function user(overrides: Partial<User> = {}): User {
  return Object.assign(new User(), {
    id: '0b9f1f36-8f5e-4f0a-9d3c-0d6f8f1d2a01',
    clientId: '5d1c2f8e-3b7a-4c1e-9f6d-2a8b7c6d5e4f',
    email: 'analyst@agency.example',
    hashedPassword: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    role: Role.Analyst,
    isActive: true,
    createdAt: new Date('2026-01-02T03:04:05.000Z'),
    updatedAt: new Date('2026-01-03T03:04:05.000Z'),
    ...overrides,
  });
}

describe('response mappers', () => {
  it('maps a user to exactly the contract fields, in snake_case', () => {
    expect(toUserResponse(user())).toEqual({
      id: '0b9f1f36-8f5e-4f0a-9d3c-0d6f8f1d2a01',
      email: 'analyst@agency.example',
      role: 'analyst',
      client_id: '5d1c2f8e-3b7a-4c1e-9f6d-2a8b7c6d5e4f',
      is_active: true,
      created_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('never leaks the password hash, whatever else the entity carries', () => {
    const entity = user();
    (entity as unknown as Record<string, unknown>).hashed_password = entity.hashedPassword;
    const text = JSON.stringify(toUserResponse(entity));
    expect(text).not.toContain('argon2');
    expect(text).not.toMatch(/hash|password|updated/i);
  });

  it('keeps client_id null for the platform admin', () => {
    expect(toUserResponse(user({ clientId: null, role: Role.Admin })).client_id).toBeNull();
  });

  it('maps a client to id, name and created_at', () => {
    const client = Object.assign(new Client(), {
      id: '5d1c2f8e-3b7a-4c1e-9f6d-2a8b7c6d5e4f',
      name: 'Acme Roofing',
      createdAt: new Date('2026-01-02T03:04:05.000Z'),
      updatedAt: new Date('2026-01-02T03:04:05.000Z'),
    });
    expect(toClientResponse(client)).toEqual({
      id: '5d1c2f8e-3b7a-4c1e-9f6d-2a8b7c6d5e4f',
      name: 'Acme Roofing',
      created_at: '2026-01-02T03:04:05.000Z',
    });
  });
});

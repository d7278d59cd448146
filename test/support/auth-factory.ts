import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { ClientResponse, LoginResponse, Role, UserResponse } from '@lbi/contracts';
import { UsersService } from '@lbi/features';
import request from 'supertest';

/** A signed-in user: its token came from POST /auth/login, never from a hard-coded JWT. */
export interface Session {
  email: string;
  password: string;
  token: string;
  user: UserResponse;
  /** `{ Authorization: 'Bearer …' }`, for supertest's `.set(...)`. */
  headers: Record<string, string>;
}

export const uniqueEmail = (label: string): string => `${label}-${randomUUID().slice(0, 8)}@agency.example`;
export const uniqueName = (label: string): string => `${label} ${randomUUID().slice(0, 8)}`;
export const TEST_PASSWORD = 'a-long-test-passphrase-42';

/**
 * Creates real users (the platform admin through the same service the CLI uses, everyone else
 * through the API) and signs them in over HTTP.
 */
export class AuthFactory {
  constructor(private readonly api: { url: string; app: INestApplication }) {}

  async login(email: string, password: string): Promise<Session> {
    const response = await request(this.api.url).post('/api/v1/auth/login').send({ email, password });
    if (response.status !== 200) {
      throw new Error(`login failed with ${response.status}: ${JSON.stringify(response.body)}`);
    }
    const body = response.body as LoginResponse;
    return {
      email,
      password,
      token: body.access_token,
      user: body.user,
      headers: { Authorization: `Bearer ${body.access_token}` },
    };
  }

  async platformAdmin(): Promise<Session> {
    const email = uniqueEmail('platform');
    await this.api.app.get(UsersService).createOrResetPlatformAdmin(email, TEST_PASSWORD);
    return this.login(email, TEST_PASSWORD);
  }

  async createClient(platformAdmin: Session, name = uniqueName('Client')): Promise<ClientResponse> {
    const response = await request(this.api.url)
      .post('/api/v1/clients')
      .set(platformAdmin.headers)
      .send({ name });
    if (response.status !== 201) throw new Error(`client not created: ${JSON.stringify(response.body)}`);
    return response.body as ClientResponse;
  }

  /** Creates a user through POST /users as `creator`, then signs it in. */
  async userSession(creator: Session, role: Role, clientId?: string | null): Promise<Session> {
    const email = uniqueEmail(role);
    const response = await request(this.api.url)
      .post('/api/v1/users')
      .set(creator.headers)
      .send({
        email,
        password: TEST_PASSWORD,
        role,
        ...(clientId === undefined ? {} : { client_id: clientId }),
      });
    if (response.status !== 201) throw new Error(`user not created: ${JSON.stringify(response.body)}`);
    return this.login(email, TEST_PASSWORD);
  }
}

import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { currentActor } from './actor';
import { Client } from './client.entity';
import { isUniqueViolation } from './unique-violation';

/** Clients (tenants): the platform admin creates them; everyone else sees only their own. */
@Injectable()
export class ClientsService {
  private readonly logger = new Logger(ClientsService.name);

  constructor(@InjectRepository(Client) private readonly clients: Repository<Client>) {}

  async create(name: string): Promise<Client> {
    const actor = currentActor();
    if (!actor.platformAdmin) throw new ForbiddenException('Only the platform admin can create clients');
    try {
      const client = await this.clients.save(this.clients.create({ name }));
      this.logger.log({ msg: 'client created', client_id: client.id, by_user_id: actor.userId });
      return client;
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`A client named "${name}" already exists`);
      throw error;
    }
  }

  /** The platform admin sees every client; anyone else only their own. */
  async list(): Promise<Client[]> {
    const actor = currentActor();
    if (actor.platformAdmin) return this.clients.find({ order: { name: 'ASC' } });
    if (!actor.clientId) return [];
    return this.clients.find({ where: { id: actor.clientId } });
  }

  /** Another tenant's client answers 404, exactly as a missing one. */
  async get(id: string): Promise<Client> {
    const actor = currentActor();
    const wanted = id.toLowerCase();
    const client = actor.platformAdmin || wanted === actor.clientId ? await this.findById(wanted) : null;
    if (!client) throw new NotFoundException(`No client with id ${id}`);
    return client;
  }

  /** Unscoped lookup, for resolving X-Client-Id and validating client_id. */
  findById(id: string): Promise<Client | null> {
    return this.clients.findOne({ where: { id } });
  }
}

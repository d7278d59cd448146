import { DeepPartial, FindManyOptions, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

type Where<E> = FindOptionsWhere<E> | FindOptionsWhere<E>[];

/**
 * A repository confined to one tenant: every read filters on client_id and every write sets it, so
 * no feature code can forget the filter. Row-level security checks the same thing underneath.
 */
export class TenantRepository<E extends ObjectLiteral & { clientId: string }> {
  constructor(
    private readonly repository: Repository<E>,
    readonly clientId: string,
  ) {}

  private scope(where?: Where<E>): Where<E> {
    const own = { clientId: this.clientId } as FindOptionsWhere<E>;
    if (!where) return own;
    return Array.isArray(where) ? where.map((clause) => ({ ...clause, ...own })) : { ...where, ...own };
  }

  find(options: FindManyOptions<E> = {}): Promise<E[]> {
    return this.repository.find({ ...options, where: this.scope(options.where as Where<E> | undefined) });
  }

  findAndCount(options: FindManyOptions<E> = {}): Promise<[E[], number]> {
    return this.repository.findAndCount({
      ...options,
      where: this.scope(options.where as Where<E> | undefined),
    });
  }

  findOneBy(where: FindOptionsWhere<E>): Promise<E | null> {
    return this.repository.findOneBy(this.scope(where) as FindOptionsWhere<E>);
  }

  count(where?: FindOptionsWhere<E>): Promise<number> {
    return this.repository.countBy(this.scope(where) as FindOptionsWhere<E>);
  }

  /** Inserts or updates; the tenant is always this repository's, whatever the input says. */
  save(entity: DeepPartial<E>): Promise<E> {
    return this.repository.save({ ...entity, clientId: this.clientId } as DeepPartial<E>);
  }

  /** Inserts or updates many in one call (chunked by TypeORM); the tenant is stamped on each. */
  saveMany(entities: DeepPartial<E>[]): Promise<E[]> {
    return this.repository.save(
      entities.map((entity) => ({ ...entity, clientId: this.clientId }) as DeepPartial<E>),
      { chunk: 500 },
    );
  }

  create(entity: DeepPartial<E>): E {
    return this.repository.create({ ...entity, clientId: this.clientId } as DeepPartial<E>);
  }

  async delete(where: FindOptionsWhere<E>): Promise<number> {
    const result = await this.repository.delete(this.scope(where) as FindOptionsWhere<E>);
    return result.affected ?? 0;
  }
}

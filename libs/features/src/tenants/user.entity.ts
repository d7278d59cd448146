import { Role } from '@lbi/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Client } from './client.entity';

/**
 * A login. `client_id` is null only for the platform admin. The email is the one personal field
 * the platform holds, by an explicit and narrow exemption: it identifies an account, not a buyer.
 */
@Entity({ name: 'users' })
@Check('ck_users_role', `"role" IN ('admin', 'analyst', 'client')`)
@Check('ck_users_platform_admin', `"client_id" IS NOT NULL OR "role" = 'admin'`)
// An email is unique within its client (and among platform admins), not across clients: creating a
// user never reveals that the address has an account elsewhere.
@Index('uq_users_client_email', ['clientId', 'email'], { unique: true, where: '"client_id" IS NOT NULL' })
@Index('uq_users_platform_email', ['email'], { unique: true, where: '"client_id" IS NULL' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_users_client_id')
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_users_client' })
  client?: Client;

  @Index('ix_users_email')
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ name: 'hashed_password', type: 'varchar', length: 255 })
  hashedPassword!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  /** Raised when the password is reset or the account deactivated: older tokens stop working. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

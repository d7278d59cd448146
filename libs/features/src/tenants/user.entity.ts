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
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_users_client_id')
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_users_client' })
  client?: Client;

  @Column({ type: 'varchar', length: 320, unique: true })
  email!: string;

  @Column({ name: 'hashed_password', type: 'varchar', length: 255 })
  hashedPassword!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import type { ApiKeyScope } from '@whatrack/shared';
import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

@Entity('api_keys')
export class ApiKey extends TenantEntity {
  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** First characters of the key, shown so a person can tell keys apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** sha256 of the whole key, hex; the key itself is never stored. */
  @Index('UQ_api_keys_key_hash', { unique: true })
  @Column({ type: 'char', length: 64, select: false })
  keyHash: string;

  /** Chosen at creation (keys made before scopes existed got `tickets`, what they could do until then). */
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{tickets}'" })
  scopes: ApiKeyScope[];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

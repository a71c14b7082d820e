import type { JoinColumnOptions } from 'typeorm';

/**
 * Join columns of a composite foreign key (organization_id, <column>) -> parent (organization_id, id):
 * a row can only point at a parent of its own organization.
 */
export function tenantJoin(column: string): JoinColumnOptions[] {
  return [
    { name: 'organization_id', referencedColumnName: 'organizationId' },
    { name: column, referencedColumnName: 'id' },
  ];
}

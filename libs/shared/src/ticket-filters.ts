/** The assigneeId filter value that selects tickets nobody is assigned to (GET /tickets?assigneeId=none). */
export const UNASSIGNED = 'none';

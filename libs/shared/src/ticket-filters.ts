/** The assigneeId filter value that selects tickets nobody is assigned to (GET /tickets?assigneeId=none). */
export const UNASSIGNED = 'none';

/** The assigneeId filter value that selects the caller's tickets (an API key's: its creator's). */
export const ASSIGNED_TO_ME = 'me';

/** Where a ticket opens (notifications link there; a chat there needs no notification). */
export const ticketPath = (ticketId: string) => `/dashboard/tickets/${ticketId}`;

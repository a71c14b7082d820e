import { useApi } from '../../lib/useApi';

/** The organization's WhatsApp lines, oldest first (the first one receives tickets created without a line). */
export function useWhatsappInstances() {
  const { hooks } = useApi();
  return hooks.useQuery('get', '/api/v1/whatsapp-instances', undefined, { staleTime: 60_000 });
}

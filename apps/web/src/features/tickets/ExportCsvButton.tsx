import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { filenameFromDisposition, saveBlob } from '../../lib/download';
import { useApi } from '../../lib/useApi';
import { Spinner } from '../ui/Spinner';
import { useErrorText } from '../ui/useErrorText';
import { useToast } from '../ui/useToast';
import { toTicketQuery, type TicketFilters } from './ticketFilters';

/** Downloads the tickets of the current filters (every page) as CSV, with the session's token. */
export function ExportCsvButton({ filters }: { filters: TicketFilters }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const toast = useToast();
  const errorText = useErrorText();
  const download = useMutation({
    mutationFn: async () => {
      const query = toTicketQuery({ ...filters, page: 1 });
      const result = await client.GET('/api/v1/tickets/export.csv', { params: { query }, parseAs: 'blob' });
      const filename = filenameFromDisposition(result.response.headers.get('content-disposition'));
      saveBlob(unwrap(result), filename ?? 'tickets.csv');
    },
    onError: (error) =>
      toast.show({ tone: 'error', message: t('tickets.export.failed', { message: errorText(error) }) }),
  });
  return (
    <button
      type="button"
      className="btn btn-secondary"
      aria-disabled={download.isPending || undefined}
      onClick={() => !download.isPending && download.mutate()}
    >
      {download.isPending && <Spinner />}
      <span>{download.isPending ? t('tickets.export.pending') : t('tickets.export.button')}</span>
    </button>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { filenameFromDisposition, saveBlob } from '../../lib/download';
import { useApi } from '../../lib/useApi';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Spinner } from '../ui/Spinner';
import { useErrorText } from '../ui/useErrorText';
import { useToast } from '../ui/useToast';

/** LGPD requests for a manager: download everything about the lead, or erase its personal data (typed confirmation). */
export function LeadPrivacy({
  leadId,
  ticketId,
  onErased,
}: {
  leadId: string;
  ticketId: string;
  onErased: () => void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const word = t('privacy.erase.word');
  const download = useMutation({
    mutationFn: async () => {
      const result = await client.GET('/api/v1/leads/{id}/export', {
        params: { path: { id: leadId } },
        parseAs: 'blob',
      });
      const filename = filenameFromDisposition(result.response.headers.get('content-disposition'));
      saveBlob(unwrap(result), filename ?? `lead-${leadId}.json`);
    },
    onError: (error) =>
      toast.show({ tone: 'error', message: t('privacy.export.failed', { message: errorText(error) }) }),
  });
  const erase = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.POST('/api/v1/leads/{id}/erase', { params: { path: { id: leadId } }, body: { confirm: leadId } }),
      ),
    onSuccess: async () => {
      setConfirming(false);
      onErased();
      toast.show({ tone: 'success', message: t('privacy.erase.done') });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(ticketId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.lists() }),
      ]);
    },
  });
  return (
    <div className="stack" aria-labelledby="lead-privacy-title" role="group">
      <h3 id="lead-privacy-title" className="small">
        {t('privacy.title')}
      </h3>
      <div className="row">
        <button
          type="button"
          className="btn btn-secondary"
          aria-disabled={download.isPending || undefined}
          onClick={() => !download.isPending && download.mutate()}
        >
          {download.isPending && <Spinner />}
          <span>{t('privacy.export.button')}</span>
        </button>
        <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
          {t('privacy.erase.button')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('privacy.erase.title')}
          confirmLabel={t('privacy.erase.confirm')}
          danger
          pending={erase.isPending}
          error={erase.error}
          onClose={() => {
            setConfirming(false);
            setTyped('');
          }}
          onConfirm={() => {
            if (typed.trim().toUpperCase() === word.toUpperCase()) erase.mutate();
          }}
        >
          <p>{t('privacy.erase.removed')}</p>
          <p>{t('privacy.erase.kept')}</p>
          <label className="field">
            <span>{t('privacy.erase.typeToConfirm', { word })}</span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </label>
        </ConfirmDialog>
      )}
    </div>
  );
}

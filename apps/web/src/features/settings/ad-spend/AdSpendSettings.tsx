import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '@whatrack/api-client';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryError } from '../../ui/QueryError';
import { SkeletonList } from '../../ui/Skeleton';
import { Spinner } from '../../ui/Spinner';
import { useToast } from '../../ui/useToast';
import { SettingsSection } from '../SettingsSection';
import { errorsByRow, parseSpendCsv, type SpendPreview } from './parseSpendCsv';

const LIST_KEY = ['get', '/api/v1/ad-spend'] as const;

/** Import the daily spend of the ad campaigns (CSV, previewed first) and manage the imported rows. */
export function AdSpendSettings() {
  const { t } = useTranslation();
  const { client, hooks } = useApi();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { money, date } = useOrganizationFormat();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<SpendPreview | null>(null);
  const list = hooks.useQuery('get', '/api/v1/ad-spend', { params: { query: { pageSize: 100 } } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: LIST_KEY });
  const importFile = useMutation({
    mutationFn: async (upload: File) =>
      unwrap(
        await client.POST('/api/v1/ad-spend', {
          body: { file: upload.name },
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', upload);
            return form;
          },
        }),
      ),
    onSuccess: (result) => {
      toast.show({ tone: 'success', message: t('settings.adSpend.imported', result) });
      setFile(null);
      setPreview(null);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/ad-spend/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => void refresh(),
  });
  const rowErrors = importFile.error
    ? errorsByRow(ApiError.from(importFile.error).details)
    : new Map<number, string[]>();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    importFile.reset();
    setFile(chosen);
    setPreview(chosen ? parseSpendCsv(await chosen.text()) : null);
  };

  return (
    <>
      <SettingsSection title={t('settings.adSpend.importTitle')} description={t('settings.adSpend.description')}>
        <div className="field">
          <label htmlFor={inputId} className="field-label">
            {t('settings.adSpend.file')}
          </label>
          <input id={inputId} type="file" accept=".csv,text/csv" onChange={(event) => void onFile(event)} />
          <p className="field-hint">{t('settings.adSpend.fileHint')}</p>
        </div>
        {preview && (
          <>
            {preview.missing.length > 0 && (
              <p className="field-error" role="alert">
                {t('settings.adSpend.missingColumns', { columns: preview.missing.join(', ') })}
              </p>
            )}
            <div className="table-wrap">
              <table className="table" data-testid="ad-spend-preview">
                <caption className="visually-hidden">{t('settings.adSpend.preview')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('settings.adSpend.row')}</th>
                    <th scope="col">{t('settings.adSpend.date')}</th>
                    <th scope="col">{t('settings.adSpend.platform')}</th>
                    <th scope="col">{t('settings.adSpend.campaign')}</th>
                    <th scope="col">{t('settings.adSpend.spend')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => {
                    const errors: string[] | undefined = rowErrors.get(row.number);
                    return (
                      <tr key={row.number} data-invalid={errors ? true : undefined}>
                        <th scope="row">
                          {row.number}
                          {errors && (
                            <span className="field-error" data-testid={`ad-spend-error-${row.number}`}>
                              {' '}
                              {errors.join('; ')}
                            </span>
                          )}
                        </th>
                        <td>{row.date}</td>
                        <td>{row.platform}</td>
                        <td>{row.campaign}</td>
                        <td>{row.spend}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {importFile.error && <ErrorMessage error={importFile.error} />}
            <div className="row">
              <button
                type="button"
                className="btn btn-primary"
                aria-disabled={importFile.isPending || preview.rows.length === 0 || undefined}
                onClick={() => file && !importFile.isPending && preview.rows.length > 0 && importFile.mutate(file)}
              >
                {importFile.isPending && <Spinner />}
                <span>{t('settings.adSpend.import', { count: preview.rows.length })}</span>
              </button>
            </div>
          </>
        )}
      </SettingsSection>
      <SettingsSection title={t('settings.adSpend.title')}>
        {list.isPending ? (
          <SkeletonList label={t('app.loading')} rows={2} height={40} />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState title={t('settings.adSpend.empty')} />
        ) : (
          <>
            <p className="muted small">{t('settings.adSpend.total', { value: money(list.data.totalSpend) })}</p>
            {remove.error && <ErrorMessage error={remove.error} />}
            <div className="table-wrap">
              <table className="table table-cards">
                <caption className="visually-hidden">{t('settings.adSpend.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('settings.adSpend.date')}</th>
                    <th scope="col">{t('settings.adSpend.platform')}</th>
                    <th scope="col">{t('settings.adSpend.campaign')}</th>
                    <th scope="col">{t('settings.adSpend.spend')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => (
                    <tr key={item.id}>
                      <td data-label={t('settings.adSpend.date')}>{date(`${item.date}T12:00:00Z`)}</td>
                      <td data-label={t('settings.adSpend.platform')}>{item.platformName}</td>
                      <td data-label={t('settings.adSpend.campaign')}>
                        <span className="cell-title">{item.campaign}</span>
                      </td>
                      <td data-label={t('settings.adSpend.spend')}>{money(item.spend)}</td>
                      <td className="cell-actions">
                        <button
                          type="button"
                          className="btn btn-ghost btn-sm"
                          aria-disabled={remove.isPending || undefined}
                          onClick={() => !remove.isPending && remove.mutate(item.id)}
                        >
                          {t('settings.adSpend.delete')}
                          <span className="visually-hidden">
                            {' '}
                            {item.campaign} {item.date}
                          </span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </SettingsSection>
    </>
  );
}

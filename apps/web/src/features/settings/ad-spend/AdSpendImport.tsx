import { ApiError } from '@whatrack/api-client';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Spinner } from '../../ui/Spinner';
import { useToast } from '../../ui/useToast';
import { SettingsSection } from '../SettingsSection';
import { errorsByRow, parseSpendCsv, type SpendPreview } from './parseSpendCsv';
import type { useAdSpendMutations } from './useAdSpendMutations';

type ImportMutation = ReturnType<typeof useAdSpendMutations>['importFile'];

/** Pick a spend CSV, preview its rows (with the API's errors per row), then import it. */
export function AdSpendImport({ importFile }: { importFile: ImportMutation }) {
  const { t } = useTranslation();
  const toast = useToast();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<SpendPreview | null>(null);
  const rowErrors = importFile.error
    ? errorsByRow(ApiError.from(importFile.error).details)
    : new Map<number, string[]>();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    importFile.reset();
    setFile(chosen);
    setPreview(chosen ? parseSpendCsv(await chosen.text()) : null);
  };
  const onImport = () => {
    if (!file || importFile.isPending || !preview || preview.rows.length === 0) return;
    importFile.mutate(file, {
      onSuccess: (result) => {
        toast.show({ tone: 'success', message: t('settings.adSpend.imported', result) });
        setFile(null);
        setPreview(null);
      },
    });
  };

  return (
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
              onClick={onImport}
            >
              {importFile.isPending && <Spinner />}
              <span>{t('settings.adSpend.import', { count: preview.rows.length })}</span>
            </button>
          </div>
        </>
      )}
    </SettingsSection>
  );
}

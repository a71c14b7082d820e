import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { DATE_RANGE_PRESETS, GOOGLE_ADS_VARIANTS, type DateRangePreset, type GoogleAdsVariant } from '@whatrack/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { filenameFromDisposition, saveBlob } from '../../../lib/download';
import { useApi } from '../../../lib/useApi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField } from '../../ui/SelectField';
import { Spinner } from '../../ui/Spinner';
import { TextField } from '../../ui/TextField';
import { SettingsSection } from '../SettingsSection';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

/** Downloads the offline conversion file for Google Ads (sales of tickets with a click id). */
export function GoogleAdsExport() {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { client } = useApi();
  const [conversionName, setConversionName] = useState('');
  const [variant, setVariant] = useState<GoogleAdsVariant>('gclid');
  const [dateRange, setDateRange] = useState<DateRangePreset>('30d');
  const [missingName, setMissingName] = useState(false);
  const download = useMutation({
    mutationFn: async () => {
      const result = await client.GET('/api/v1/conversions/google-ads.csv', {
        params: { query: { conversionName: conversionName.trim(), variant, dateRange } },
        parseAs: 'blob',
      });
      const filename = filenameFromDisposition(result.response.headers.get('content-disposition'));
      saveBlob(unwrap(result), filename ?? `google-ads-${variant}.csv`);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!conversionName.trim()) {
      setMissingName(true);
      return;
    }
    setMissingName(false);
    if (!download.isPending) download.mutate();
  };

  return (
    <SettingsSection
      title={t('settings.conversions.google.title')}
      description={t('settings.conversions.google.description')}
    >
      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <TextField
            name="conversionName"
            label={t('settings.conversions.google.conversionName')}
            value={conversionName}
            error={missingName ? t('settings.conversions.google.nameRequired') : undefined}
            onChange={(event) => setConversionName(event.currentTarget.value)}
          />
          <SelectField
            label={t('settings.conversions.google.variant')}
            value={variant}
            onChange={(event) => setVariant(event.currentTarget.value as GoogleAdsVariant)}
          >
            {GOOGLE_ADS_VARIANTS.map((value) => (
              <option key={value} value={value}>
                {labels.googleAdsVariant(value)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('filters.period')}
            value={dateRange}
            onChange={(event) => setDateRange(event.currentTarget.value as DateRangePreset)}
          >
            {DATE_RANGE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {labels.period(preset)}
              </option>
            ))}
          </SelectField>
        </div>
        {download.error && <ErrorMessage error={download.error} />}
        <div className="row">
          <button type="submit" className="btn btn-primary" aria-disabled={download.isPending || undefined}>
            {download.isPending && <Spinner />}
            <span>{t('settings.conversions.google.download')}</span>
          </button>
        </div>
      </form>
    </SettingsSection>
  );
}

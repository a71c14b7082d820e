import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap, type components } from '@whatrack/api-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi';
import { usePermissions } from '../../auth/usePermissions';
import { useStages } from '../../tickets/useStages';
import { CheckboxField } from '../../ui/CheckboxField';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryError } from '../../ui/QueryError';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SelectField } from '../../ui/SelectField';
import { SkeletonList } from '../../ui/Skeleton';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/useToast';
import { SettingsSection } from '../SettingsSection';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';

type MetaSettings = components['schemas']['MetaSettingsResponseDto'];
type UpdateMetaSettings = components['schemas']['UpdateMetaSettingsDto'];

/** Meta Conversions API: dataset, WABA id, write-only token and an optional stage rule. */
export function MetaSettingsSection() {
  const { t } = useTranslation();
  const settings = useApiQuery(queryKeys.conversions.metaSettings());
  return (
    <SettingsSection
      title={t('settings.conversions.meta.title')}
      description={t('settings.conversions.meta.description')}
    >
      {settings.isPending ? (
        <SkeletonList label={t('app.loading')} rows={3} height={40} />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <MetaSettingsForm settings={settings.data} />
      )}
    </SettingsSection>
  );
}

function MetaSettingsForm({ settings }: { settings: MetaSettings }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { canManage } = usePermissions();
  const stages = useStages();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [datasetId, setDatasetId] = useState(settings.datasetId ?? '');
  const [wabaId, setWabaId] = useState(settings.whatsappBusinessAccountId ?? '');
  const [accessToken, setAccessToken] = useState('');
  const [stageId, setStageId] = useState(settings.stageRule?.stageId ?? '');
  const [eventName, setEventName] = useState(settings.stageRule?.eventName ?? '');
  const save = useMutation({
    mutationFn: async (body: UpdateMetaSettings) =>
      unwrap(await client.PUT('/api/v1/conversions/meta-settings', { body })),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.conversions.metaSettings(), data);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversions.metaSettings() });
      setAccessToken('');
      toast.show({ tone: 'success', message: t('settings.conversions.meta.saved') });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const body: UpdateMetaSettings = {
      enabled,
      datasetId: datasetId.trim() || null,
      whatsappBusinessAccountId: wabaId.trim() || null,
      stageRule: stageId && eventName.trim() ? { stageId, eventName: eventName.trim() } : null,
    };
    if (accessToken.trim()) body.accessToken = accessToken.trim();
    save.mutate(body);
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <CheckboxField
        label={t('settings.conversions.meta.enabled')}
        checked={enabled}
        disabled={!canManage}
        onChange={(event) => setEnabled(event.currentTarget.checked)}
      />
      <div className="form-grid">
        <TextField
          name="datasetId"
          label={t('settings.conversions.meta.datasetId')}
          value={datasetId}
          readOnly={!canManage}
          onChange={(event) => setDatasetId(event.currentTarget.value)}
        />
        <TextField
          name="whatsappBusinessAccountId"
          label={t('settings.conversions.meta.wabaId')}
          value={wabaId}
          readOnly={!canManage}
          onChange={(event) => setWabaId(event.currentTarget.value)}
        />
        <TextField
          name="accessToken"
          type="password"
          autoComplete="off"
          label={t('settings.conversions.meta.accessToken')}
          hint={
            settings.hasAccessToken
              ? t('settings.conversions.meta.tokenSaved')
              : t('settings.conversions.meta.tokenMissing')
          }
          value={accessToken}
          readOnly={!canManage}
          onChange={(event) => setAccessToken(event.currentTarget.value)}
        />
        <SelectField
          label={t('settings.conversions.meta.stage')}
          value={stageId}
          disabled={!canManage}
          onChange={(event) => setStageId(event.currentTarget.value)}
        >
          <option value="">{t('settings.conversions.meta.noStage')}</option>
          {(stages.data ?? []).map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="eventName"
          label={t('settings.conversions.meta.eventName')}
          placeholder="LeadSubmitted"
          value={eventName}
          readOnly={!canManage}
          onChange={(event) => setEventName(event.currentTarget.value)}
        />
      </div>
      {save.error && <ErrorMessage error={save.error} />}
      {canManage ? (
        <div className="row">
          <SubmitButton
            pending={save.isPending}
            label={t('settings.conversions.meta.save')}
            pendingLabel={t('settings.conversions.meta.saving')}
          />
        </div>
      ) : (
        <ReadOnlyNote>{t('settings.conversions.meta.readOnly')}</ReadOnlyNote>
      )}
    </form>
  );
}

import type { TrackingLink } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';
import { useFormValues } from '../../ui/useFormValues';
import { CopyUrlButton } from './CopyUrlButton';
import { EMPTY_UTMS, UTM_PARAMETERS, utmUrl } from './utmUrl';

/** A link's URL with UTM parameters typed by the user, shown and copyable: the destination to paste into the ad. */
export function UtmBuilder({ link }: { link: TrackingLink }) {
  const { t } = useTranslation();
  const { values, onChange } = useFormValues(EMPTY_UTMS);
  const url = utmUrl(link.url, values);
  return (
    <details className="utm-builder">
      <summary>
        {t('trackingLinks.utm.toggle')}
        <span className="visually-hidden"> {link.name}</span>
      </summary>
      <div className="stack utm-builder-body">
        <p className="field-hint">{t('trackingLinks.utm.hint')}</p>
        <div className="utm-fields">
          {UTM_PARAMETERS.map((parameter) => (
            <TextField
              key={parameter}
              name={parameter}
              label={t(`trackingLinks.utm.fields.${parameter}`)}
              placeholder={t(`trackingLinks.utm.placeholders.${parameter}`)}
              value={values[parameter]}
              maxLength={200}
              autoComplete="off"
              onChange={onChange}
            />
          ))}
        </div>
        <div className="field">
          <span className="field-label">{t('trackingLinks.utm.result')}</span>
          <output className="tracking-url" data-testid={`utm-url-${link.id}`}>
            {url}
          </output>
        </div>
        <CopyUrlButton key={url} url={url} what={t('trackingLinks.utm.title', { name: link.name })} />
      </div>
    </details>
  );
}

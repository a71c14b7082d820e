import { isAdPlatform } from '@whatrack/shared';
import { useEnumLabels } from '../../i18n/useEnumLabels';

/** The ad platform of a ticket (Google Ads, Meta Ads, TikTok Ads, or the raw key of a newer one). */
export function PlatformBadge({ platform, name }: { platform: string; name?: string }) {
  const labels = useEnumLabels();
  const label = isAdPlatform(platform) ? labels.adPlatform(platform) : (name ?? platform);
  return (
    <span className="badge" data-platform={isAdPlatform(platform) ? platform : 'other'}>
      {label}
    </span>
  );
}

import { useTranslation } from 'react-i18next';

const KNOWN = ['google_ads', 'meta_ads', 'tiktok_ads'] as const;
type KnownPlatform = (typeof KNOWN)[number];
const isKnown = (key: string): key is KnownPlatform => (KNOWN as readonly string[]).includes(key);

/** The ad platform of a ticket (Google Ads, Meta Ads, TikTok Ads, or the raw key of a newer one). */
export function PlatformBadge({ platform, name }: { platform: string; name?: string }) {
  const { t } = useTranslation();
  const label = isKnown(platform) ? t(`platforms.${platform}`) : (name ?? platform);
  return (
    <span className="badge" data-platform={isKnown(platform) ? platform : 'other'}>
      {label}
    </span>
  );
}

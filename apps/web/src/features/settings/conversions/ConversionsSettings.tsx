import { ConversionsList } from './ConversionsList';
import { GoogleAdsExport } from './GoogleAdsExport';
import { MetaSettingsSection } from './MetaSettingsForm';

/** Sending the sales back to the ad platforms: Google Ads file, Meta Conversions API and its queue. */
export function ConversionsSettings() {
  return (
    <>
      <GoogleAdsExport />
      <MetaSettingsSection />
      <ConversionsList />
    </>
  );
}

import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../layout/NotFoundPage';
import { AdSpendSettings } from './ad-spend/AdSpendSettings';
import { ApiKeysSettings } from './api-keys/ApiKeysSettings';
import { ConversionsSettings } from './conversions/ConversionsSettings';
import { OrganizationSettings } from './organization/OrganizationSettings';
import { QuickRepliesSettings } from './quick-replies/QuickRepliesSettings';
import { SettingsLayout } from './SettingsLayout';
import { StagesSettings } from './stages/StagesSettings';
import { TeamSettings } from './team/TeamSettings';
import { WebhooksSettings } from './webhooks/WebhooksSettings';
import { TrackingLinksSettings } from './tracking-links/TrackingLinksSettings';
import { WebhookEventsSettings } from './webhook-events/WebhookEventsSettings';
import { WhatsappSettings } from './whatsapp/WhatsappSettings';

/** /dashboard/settings/*, one chunk for every section (small forms that share the layout). */
export function SettingsRoutes() {
  return (
    <Routes>
      <Route element={<SettingsLayout />}>
        <Route index element={<Navigate to="/dashboard/settings/stages" replace />} />
        <Route path="stages" element={<StagesSettings />} />
        <Route path="whatsapp" element={<WhatsappSettings />} />
        <Route path="quick-replies" element={<QuickRepliesSettings />} />
        <Route path="team" element={<TeamSettings />} />
        <Route path="api-keys" element={<ApiKeysSettings />} />
        <Route path="webhooks" element={<WebhooksSettings />} />
        <Route path="ad-spend" element={<AdSpendSettings />} />
        <Route path="conversions" element={<ConversionsSettings />} />
        <Route path="tracking-links" element={<TrackingLinksSettings />} />
        <Route path="webhook-events" element={<WebhookEventsSettings />} />
        <Route path="organization" element={<OrganizationSettings />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

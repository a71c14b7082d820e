import type { TicketDetail } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { useTeamMembers } from '../team/useTeamMembers';
import { AssigneeSelect } from '../tickets/AssigneeSelect';
import { DealValueEditor } from '../tickets/DealValueEditor';
import { StageSelect } from '../tickets/StageSelect';
import { useStages } from '../tickets/useStages';
import { useUpdateTicket } from '../tickets/useUpdateTicket';

/** Stage, assignee and deal value of the ticket, changed in place. */
export function TicketControls({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { money } = useOrganizationFormat();
  const stages = useStages();
  const users = useTeamMembers();
  const { mutate } = useUpdateTicket();
  const base = { id: ticket.id, leadName: ticket.lead.name };
  return (
    <section className="panel controls" aria-label={t('ticket.controls')}>
      <div className="control">
        <span className="control-label">{t('tickets.columns.stage')}</span>
        <StageSelect
          stage={ticket.stage}
          stages={stages.data ?? [ticket.stage]}
          label={t('tickets.columns.stage')}
          onChange={(stage) => mutate({ ...base, body: { stageId: stage.id }, change: { stage } })}
        />
      </div>
      <div className="control">
        <span className="control-label">{t('tickets.columns.assignee')}</span>
        <AssigneeSelect
          assigneeId={ticket.assigneeId}
          assigneeName={ticket.assigneeName}
          users={users}
          label={t('tickets.columns.assignee')}
          onChange={(assignee) => mutate({ ...base, body: { assigneeId: assignee.id }, change: { assignee } })}
        />
      </div>
      <div className="control">
        <span className="control-label">{t('tickets.columns.dealValue')}</span>
        <DealValueEditor
          value={ticket.dealValue}
          label={t('ticket.editDealValue')}
          onSave={(dealValue) => mutate({ ...base, body: { dealValue }, change: { dealValue } })}
        />
      </div>
      <div className="control">
        <span className="control-label">{t('ticket.sold')}</span>
        <span className="control-value">
          {money(ticket.totalValue)}{' '}
          <span className="muted small">({t('tickets.salesCount', { count: ticket.salesCount })})</span>
        </span>
      </div>
    </section>
  );
}

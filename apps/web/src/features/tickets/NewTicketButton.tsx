import type { Stage, User } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/useToast';
import { useWhatsappInstances } from '../whatsapp/useWhatsappInstances';
import { NewTicketForm } from './NewTicketForm';

interface NewTicketButtonProps {
  stages: readonly Stage[];
  users: readonly User[];
}

/** "Novo ticket" and its dialog. */
export function NewTicketButton({ stages, users }: NewTicketButtonProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const instances = useWhatsappInstances();
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        {t('tickets.new.button')}
      </button>
      {open && (
        <Dialog title={t('tickets.new.title')} size="lg" onClose={() => setOpen(false)}>
          <NewTicketForm
            stages={stages}
            users={users}
            instances={instances.data?.items}
            onCreated={(ticket) => {
              setOpen(false);
              toast.show({
                tone: 'success',
                message: t('tickets.new.created', { lead: ticket.lead.name || ticket.lead.phone || ticket.lead.email }),
              });
            }}
          />
        </Dialog>
      )}
    </>
  );
}

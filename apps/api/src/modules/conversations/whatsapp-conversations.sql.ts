import { sql } from 'kysely';
import { qb } from '../../database/query-builder';
import type { ContactMatch } from './whatsapp-conversations.repository';
import { statementTemplate } from '../../database/statement-template';

/** The hot statements of WhatsappConversationsRepository, compiled once (see statementTemplate). */

interface ConversationParams {
  organizationId: string;
  leadId: string;
  instanceId: string;
}

interface NewContactParams {
  organizationId: string;
  instanceId: string;
  name: string | null;
  phone: string | null;
  phoneKey: string | null;
  email: string | null;
  waUserId: string | null;
  providerMessageId: string;
}

type LockContactParams = { organizationId: string; instanceId: string; value: string };

function lockContactBy(column: ContactMatch['column']) {
  return statementTemplate((p: LockContactParams) =>
    qb
      .selectFrom('leads as l')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('whatsapp_conversations')
            .select('id')
            .whereRef('organization_id', '=', 'l.organization_id')
            .whereRef('lead_id', '=', 'l.id')
            .where('instance_id', '=', p.instanceId)
            .forUpdate()
            .as('c'),
        (join) => join.onTrue(),
      )
      .select((eb) => [
        'l.id as leadId',
        eb('l.name', 'is not', null).$castTo<boolean>().as('hasName'),
        eb('l.phone', 'is not', null).$castTo<boolean>().as('hasPhone'),
        eb('l.wa_user_id', 'is not', null).$castTo<boolean>().as('hasWaUserId'),
        'c.id as conversationId',
      ])
      .where('l.organization_id', '=', p.organizationId)
      .where(`l.${column}`, '=', p.value),
  );
}

/** The sender's lead by one column, with its conversation on the instance locked. */
export const lockContact = { phone_key: lockContactBy('phone_key'), wa_user_id: lockContactBy('wa_user_id') };

/** A new lead and its conversation, and whether the message is already stored. */
export const createWithLead = statementTemplate((p: NewContactParams) =>
  qb
    .with('lead', (q) =>
      q
        .insertInto('leads')
        .values({
          organization_id: p.organizationId,
          name: p.name,
          phone: p.phone,
          phone_key: p.phoneKey,
          email: p.email,
          wa_user_id: p.waUserId,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id'),
    )
    .with('conversation', (q) =>
      q
        .insertInto('whatsapp_conversations')
        .columns(['organization_id', 'lead_id', 'instance_id'])
        .expression(
          q
            .selectFrom('lead')
            .select([
              sql<string>`${p.organizationId}::uuid`.as('organization_id'),
              'id',
              sql<string>`${p.instanceId}::uuid`.as('instance_id'),
            ]),
        )
        .returning(['lead_id', 'id']),
    )
    .selectFrom('conversation')
    .select((eb) => [
      'lead_id as leadId',
      'id as conversationId',
      eb
        .exists(
          eb
            .selectFrom('whatsapp_messages')
            .select(sql<number>`1`.as('found'))
            .where('organization_id', '=', p.organizationId)
            .where('instance_id', '=', p.instanceId)
            .where('provider_message_id', '=', p.providerMessageId),
        )
        .$castTo<boolean>()
        .as('messageStored'),
    ]),
);

export const lockConversation = statementTemplate((p: ConversationParams) =>
  qb
    .selectFrom('whatsapp_conversations')
    .select('id')
    .where('organization_id', '=', p.organizationId)
    .where('lead_id', '=', p.leadId)
    .where('instance_id', '=', p.instanceId)
    .forUpdate(),
);

export const insertConversation = statementTemplate((p: ConversationParams) =>
  qb
    .insertInto('whatsapp_conversations')
    .values({ organization_id: p.organizationId, lead_id: p.leadId, instance_id: p.instanceId })
    .onConflict((oc) => oc.columns(['organization_id', 'lead_id', 'instance_id']).doNothing()),
);

import { WhatsappProvider } from '@whatrack/shared';
import { inLockOrder, senderKey } from './batch-order';
import type { StoredEvent } from './webhook-processor';

function cloud(id: string, from: string): StoredEvent {
  const value = { metadata: { phone_number_id: '1099' }, messages: [{ id, from, type: 'text' }] };
  return {
    id,
    provider: WhatsappProvider.CLOUD_API,
    organizationId: null,
    instanceId: null,
    body: { entry: [{ changes: [{ field: 'messages', value }] }] },
  };
}

function evolution(id: string, remoteJid: string): StoredEvent {
  return {
    id,
    provider: WhatsappProvider.EVOLUTION,
    organizationId: 'org',
    instanceId: 'instance-1',
    body: { event: 'messages.upsert', data: { key: { id, remoteJid } } },
  };
}

describe('inLockOrder', () => {
  it('groups a batch by sender in one global order, keeping arrival order within a sender', () => {
    const batch = [cloud('1', '5511922'), cloud('2', '5511911'), cloud('3', '5511922'), cloud('4', '5511911')];
    expect(inLockOrder(batch).map((e) => e.id)).toEqual(['2', '4', '1', '3']);
    // Another lane's batch with the same senders in the opposite order takes the locks in the same order.
    expect(inLockOrder([cloud('5', '5511911'), cloud('6', '5511922')]).map((e) => e.id)).toEqual(['5', '6']);
  });

  it('keys Evolution events by instance and remote jid, and tolerates bodies without messages', () => {
    expect(senderKey(evolution('1', '5511988887777@s.whatsapp.net'))).toBe('instance-1|5511988887777@s.whatsapp.net');
    expect(senderKey({ ...cloud('x', ''), body: { entry: [] } })).toBe('|');
    expect(senderKey({ ...evolution('y', ''), body: null })).toBe('instance-1|');
  });
});

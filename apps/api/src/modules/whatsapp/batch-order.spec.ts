import { WhatsappProvider } from '@whatrack/shared';
import { inLockOrder, partitionBySender, senderKey } from './batch-order';
import type { StoredEvent } from './webhook-processor';

function cloud(id: string, from: string): StoredEvent {
  const value = { metadata: { phone_number_id: '1099' }, messages: [{ id, from, type: 'text' }] };
  return {
    id,
    provider: WhatsappProvider.CLOUD_API,
    organizationId: null,
    instanceId: null,
    body: { entry: [{ changes: [{ field: 'messages', value }] }] },
    receivedAt: new Date(),
  };
}

function evolution(id: string, remoteJid: string): StoredEvent {
  return {
    id,
    provider: WhatsappProvider.EVOLUTION,
    organizationId: 'org',
    instanceId: 'instance-1',
    body: { event: 'messages.upsert', data: { key: { id, remoteJid } } },
    receivedAt: new Date(),
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

describe('partitionBySender', () => {
  it('puts every event of a sender in one batch, in arrival order, over at most the given number of batches', () => {
    const senders = ['5511900', '5511901', '5511902', '5511903', '5511904', '5511905'];
    const events = Array.from({ length: 60 }, (_, i) => cloud(String(i), senders[i % senders.length]!));
    const batches = partitionBySender(events, 4);
    expect(batches.length).toBeLessThanOrEqual(4);
    expect(batches.flat()).toHaveLength(60);
    for (const sender of senders) {
      const holding = batches.filter((b) => b.some((e) => senderKey(e).endsWith(sender)));
      expect(holding).toHaveLength(1);
      const ids = holding[0]!.filter((e) => senderKey(e).endsWith(sender)).map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });

  it('keeps everything in one batch with one lane', () => {
    const events = [cloud('1', '5511922'), cloud('2', '5511911')];
    expect(partitionBySender(events, 1)).toEqual([events]);
  });
});

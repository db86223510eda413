import { computed } from 'vue';
import { listCategories } from '../../../entities/category/api';
import {
  createInboundAddress,
  deleteInboundAddress,
  listInboundAddresses,
  updateInboundAddress,
  type InboundAddress,
  type NewInboundAddress,
} from '../../../entities/inbound-address/api';
import { listQueues } from '../../../entities/queue/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** An inbound address as the form holds it: empty text means "none". */
export interface InboundAddressFields {
  address: string;
  name: string;
  queueId: string;
  categoryId: string;
  priority: NonNullable<InboundAddress['priority']> | '';
  replyFromName: string;
  autoAcknowledge: boolean;
  acknowledgementSubject: string;
  acknowledgementBody: string;
}

/** The addresses Okienko receives mail for, with the queues and categories they can route to. */
export function useInboundAddressAdmin() {
  const addresses = useApiData((_source: null, signal) => listInboundAddresses(signal));
  const queues = useApiData((_source: null, signal) => listQueues(signal));
  const categories = useApiData((_source: null, signal) => listCategories(signal));

  return {
    addresses: computed(() => addresses.data.value ?? []),
    queues: computed(() => queues.data.value ?? []),
    categories: computed(() => categories.data.value ?? []),
    loading: addresses.loading,
    failure: computed(() => addresses.failure.value ?? queues.failure.value ?? categories.failure.value),
    create: async (fields: InboundAddressFields) => {
      const address: NewInboundAddress = { address: fields.address.trim(), autoAcknowledge: fields.autoAcknowledge };
      if (fields.name.trim()) address.name = fields.name.trim();
      if (fields.queueId) address.queueId = fields.queueId;
      if (fields.categoryId) address.categoryId = fields.categoryId;
      if (fields.priority) address.priority = fields.priority;
      if (fields.replyFromName.trim()) address.replyFromName = fields.replyFromName.trim();
      if (fields.acknowledgementSubject.trim()) address.acknowledgementSubject = fields.acknowledgementSubject.trim();
      if (fields.acknowledgementBody.trim()) address.acknowledgementBody = fields.acknowledgementBody;
      await createInboundAddress(address);
      await addresses.reload();
    },
    save: async (address: InboundAddress, fields: InboundAddressFields) => {
      await updateInboundAddress(address.id, {
        address: fields.address.trim(),
        name: fields.name.trim() || null,
        queueId: fields.queueId || null,
        categoryId: fields.categoryId || null,
        priority: fields.priority || null,
        replyFromName: fields.replyFromName.trim() || null,
        autoAcknowledge: fields.autoAcknowledge,
        acknowledgementSubject: fields.acknowledgementSubject.trim() || null,
        acknowledgementBody: fields.acknowledgementBody.trim() ? fields.acknowledgementBody : null,
      });
      await addresses.reload();
    },
    remove: async (address: InboundAddress) => {
      await deleteInboundAddress(address.id);
      await addresses.reload();
    },
  };
}

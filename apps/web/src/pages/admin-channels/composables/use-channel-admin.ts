import { computed } from 'vue';
import { listCategories } from '../../../entities/category/api';
import { createChannel, deleteChannel, listChannels, updateChannel, type Channel, type ChannelChange, type NewChannel } from '../../../entities/channel/api';
import { listQueues } from '../../../entities/queue/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** Every channel (the e-mail ones read-only), with the queues and categories they can route to. */
export function useChannelAdmin() {
  const channels = useApiData((_source: null, signal) => listChannels(signal));
  const queues = useApiData((_source: null, signal) => listQueues(signal));
  const categories = useApiData((_source: null, signal) => listCategories(signal));

  return {
    channels: computed(() => channels.data.value ?? []),
    queues: computed(() => queues.data.value ?? []),
    categories: computed(() => categories.data.value ?? []),
    loading: channels.loading,
    failure: computed(() => channels.failure.value ?? queues.failure.value ?? categories.failure.value),
    create: async (channel: NewChannel) => {
      await createChannel(channel);
      await channels.reload();
    },
    save: async (channel: Channel, change: ChannelChange) => {
      await updateChannel(channel.id, change);
      await channels.reload();
    },
    remove: async (channel: Channel) => {
      await deleteChannel(channel.id);
      await channels.reload();
    },
  };
}

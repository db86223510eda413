import { computed, ref } from 'vue';
import { listTickets } from '../../../entities/ticket/api';
import { createUser, listAllUsers, updateUser, type NewUser, type User, type UserChange } from '../../../entities/user/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

const UNRESOLVED = 'new,open,waiting_customer,waiting_third_party';

/** What happened to a user's open tickets when they went away. */
export interface HandOver {
  user: string;
  tickets: number;
  /** Who took them over; null: they went back to their queues. */
  substitute: string | null;
}

async function openTicketCount(userId: string): Promise<number> {
  return (await listTickets({ assigneeId: userId, status: UNRESOLVED, limit: 1 })).total;
}

/** Agents and admins, and the changes an admin makes to them. */
export function useUserAdmin() {
  const { data, loading, failure, reload } = useApiData((_source: null, signal) => listAllUsers(signal));
  const users = computed(() => data.value ?? []);
  const byId = computed(() => new Map(users.value.map((user) => [user.id, user])));
  /** The last hand-over of tickets, to tell the admin where they went. */
  const handOver = ref<HandOver | null>(null);

  async function create(user: NewUser): Promise<User> {
    const created = await createUser(user);
    await reload();
    return created;
  }

  /** Saves a change; one that takes the user away (absent, inactive) reports where their open tickets went. */
  async function save(user: User, change: UserChange): Promise<User> {
    const leaving = (change.absent === true && !user.absent) || (change.active === false && user.active);
    const before = leaving ? await openTicketCount(user.id) : 0;
    const saved = await updateUser(user.id, change);
    if (leaving) {
      const after = await openTicketCount(user.id);
      const substitute = change.absenceSubstituteId ? (byId.value.get(change.absenceSubstituteId)?.name ?? null) : null;
      handOver.value = { user: saved.name, tickets: Math.max(0, before - after), substitute };
    } else {
      handOver.value = null;
    }
    await reload();
    return saved;
  }

  return { users, loading, failure, reload, create, save, handOver };
}

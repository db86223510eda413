import { useRouter } from 'vue-router';
import { useKeyboardShortcuts } from '../../shared/ui/use-keyboard-shortcuts';

/** `g t` goes to Today and `g l` to the ticket list, from any page of the panel. */
export function useNavigationShortcuts(): void {
  const router = useRouter();
  useKeyboardShortcuts(
    () => ({
      'g t': () => void router.push({ name: 'today' }),
      'g l': () => void router.push({ name: 'tickets' }),
    }),
    { global: true },
  );
}

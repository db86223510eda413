import type { AssignmentStrategy } from '../../../entities/queue/api';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';

export const ASSIGNMENT_STRATEGIES: readonly AssignmentStrategy[] = ['manual', 'round_robin', 'least_open'];

/** Names of the assignment strategies in the current language. */
export function useStrategyLabels() {
  const { t } = useAppI18n();
  return (strategy: AssignmentStrategy) => t(`admin.queues.strategy.${strategy}`);
}

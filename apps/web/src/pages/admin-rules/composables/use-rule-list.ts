import { RULE_TRIGGERS } from '@okienko/routing';
import { computed } from 'vue';
import { deleteRule, listRules, reorderRules, updateRule, type Rule, type RuleTriggerName } from '../../../entities/rule/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** Every rule, by trigger and in the order they run; switching them on and off and moving them. */
export function useRuleList() {
  const { data, loading, failure, reload } = useApiData((_source: null, signal) => listRules(signal));

  const groups = computed(() => {
    const rules = data.value ?? [];
    return RULE_TRIGGERS.map((trigger) => ({
      trigger: trigger as RuleTriggerName,
      rules: rules.filter((rule) => rule.trigger === trigger).sort((a, b) => a.order - b.order),
    })).filter((group) => group.rules.length > 0);
  });

  async function setEnabled(rule: Rule, enabled: boolean): Promise<void> {
    await updateRule(rule.id, { enabled, stopProcessing: rule.stopProcessing });
    await reload();
  }

  /** Moves a rule one place up (-1) or down (+1) among the rules of its trigger. */
  async function move(rule: Rule, by: -1 | 1): Promise<void> {
    const group = groups.value.find((candidate) => candidate.trigger === rule.trigger);
    if (!group) return;
    const ids = group.rules.map((candidate) => candidate.id);
    const from = ids.indexOf(rule.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    ids.splice(from, 1);
    ids.splice(to, 0, rule.id);
    await reorderRules(ids);
    await reload();
  }

  async function remove(rule: Rule): Promise<void> {
    await deleteRule(rule.id);
    await reload();
  }

  return { groups, loaded: computed(() => data.value !== null), loading, failure, setEnabled, move, remove };
}

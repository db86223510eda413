import { computed, ref, watch, type Ref } from 'vue';
import { createRule, dryRunRule, fetchRule, updateRule, type DryRunResult, type Rule } from '../../../entities/rule/api';
import { ApiError } from '../../../shared/api-client/errors';
import { useApiData } from '../../../shared/api-client/use-api-data';
import { useErrorText } from '../../../shared/i18n/use-error-text';
import { emptyRuleForm, formToRule, ruleToForm, type RuleForm } from './rule-form';

/** A rule being built (`id` 'new') or changed, saved through the API and tried with a dry run. */
export function useRuleEditor(id: Ref<string>) {
  const errorText = useErrorText();
  const form = ref<RuleForm>(emptyRuleForm());
  const saved = ref<Rule | null>(null);
  /** The form as last loaded or saved, to tell whether there are unsaved changes. */
  const savedSnapshot = ref(JSON.stringify(formToRule(form.value)));

  const { loading, failure, error } = useApiData(async (ruleId, signal) => {
    if (ruleId === 'new') {
      saved.value = null;
      form.value = emptyRuleForm();
      savedSnapshot.value = '';
      return null;
    }
    if (saved.value?.id === ruleId) return saved.value;
    const rule = await fetchRule(ruleId, signal);
    saved.value = rule;
    form.value = ruleToForm(rule);
    savedSnapshot.value = JSON.stringify(formToRule(form.value));
    return rule;
  }, id);
  const notFound = computed(() => error.value instanceof ApiError && (error.value.status === 404 || error.value.status === 400));
  const dirty = computed(() => JSON.stringify(formToRule(form.value)) !== savedSnapshot.value);

  const saving = ref(false);
  const saveError = ref<string | null>(null);

  /** Saves the rule; answers it as saved. */
  async function save(): Promise<Rule | null> {
    saving.value = true;
    saveError.value = null;
    try {
      const body = formToRule(form.value);
      const rule = saved.value ? await updateRule(saved.value.id, body) : await createRule(body);
      saved.value = rule;
      form.value = ruleToForm(rule);
      savedSnapshot.value = JSON.stringify(formToRule(form.value));
      return rule;
    } catch (cause) {
      saveError.value = errorText(cause);
      return null;
    } finally {
      saving.value = false;
    }
  }

  const dryRun = ref<DryRunResult | null>(null);
  const dryRunning = ref(false);
  const dryRunError = ref<string | null>(null);

  /** What the saved rule would do to the newest tickets; nothing is changed. */
  async function runDry(lastTickets: number): Promise<void> {
    if (!saved.value) return;
    dryRunning.value = true;
    dryRunError.value = null;
    try {
      dryRun.value = await dryRunRule(saved.value.id, { lastTickets });
    } catch (cause) {
      dryRunError.value = errorText(cause);
    } finally {
      dryRunning.value = false;
    }
  }

  watch(id, () => {
    dryRun.value = null;
  });

  return { form, saved, loading, failure, notFound, dirty, saving, saveError, save, dryRun, dryRunning, dryRunError, runDry };
}

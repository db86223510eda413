import { ApiError } from '../../../shared/api-client/errors';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { useErrorText } from '../../../shared/i18n/use-error-text';

interface PlaceholderProblem {
  field: string;
  kind: 'unknown_placeholder' | 'unavailable_placeholder' | 'malformed_placeholder' | 'unterminated_placeholder';
  placeholder: string;
  line: number;
  column: number;
  suggestion?: string;
}

const FIELDS = ['title', 'subject', 'body', 'language', 'queueId', 'active', 'ticketId'] as const;
type Field = (typeof FIELDS)[number];
const isField = (field: unknown): field is Field => typeof field === 'string' && (FIELDS as readonly string[]).includes(field);

/**
 * A failed save or preview of a template in the panel's language: the API's
 * error code and details (each bad placeholder with its field and place, the
 * fields at fault) rather than the API's English message.
 */
export function useTemplateErrorText() {
  const { t } = useAppI18n();
  const genericText = useErrorText();

  const fieldName = (field: unknown) => (isField(field) ? t(`admin.templates.errors.field.${field}`) : String(field));

  function placeholderText(problem: PlaceholderProblem): string {
    const where = t('admin.templates.errors.where', { field: fieldName(problem.field), line: problem.line, column: problem.column });
    const what = t(`admin.templates.errors.kind.${problem.kind}`, { placeholder: problem.placeholder });
    const hint = problem.suggestion ? ` ${t('admin.templates.errors.suggestion', { placeholder: `{{${problem.suggestion}}}` })}` : '';
    return `${where}: ${what}${hint}`;
  }

  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return genericText(error);
    const details = error.body?.details ?? {};
    const status = t('errors.http', { status: error.status });
    switch (details['code']) {
      case 'TEMPLATE_INVALID_PLACEHOLDER': {
        const problems = Array.isArray(details['placeholders']) ? (details['placeholders'] as PlaceholderProblem[]) : [];
        if (problems.length > 0) return problems.map(placeholderText).join('; ');
        return t('admin.templates.errors.invalidPlaceholder');
      }
      case 'TEMPLATE_SLUG_TAKEN':
        return t('admin.templates.errors.titleTaken');
      case 'TEMPLATE_NOT_FOUND':
      case 'TEMPLATE_UNAVAILABLE':
        return t('admin.templates.errors.unavailable');
      case 'TICKET_NOT_FOUND':
        return t('admin.templates.errors.ticketNotFound');
      case 'VALIDATION_FAILED': {
        const fields = Array.isArray(details['fields']) ? (details['fields'] as { field: string }[]) : [];
        if (fields.length > 0) return t('admin.templates.errors.invalidFields', { fields: fields.map((f) => fieldName(f.field)).join(', ') });
        return t('admin.templates.errors.invalid', { status });
      }
      default:
        return t('admin.templates.errors.unexpected', { status });
    }
  };
}

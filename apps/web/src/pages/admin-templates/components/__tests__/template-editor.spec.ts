import { flushPromises, mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../shared/api-client/errors';
import { i18n, setLocale } from '../../../../shared/i18n';
import TemplateEditor from '../template-editor.vue';

const INVALID_PLACEHOLDER = new ApiError(
  400,
  {
    statusCode: 400,
    error: 'Bad Request',
    message: 'body: unknown placeholder {{customer.nmae}} at line 1, column 7 (did you mean {{customer.name}}?)',
    details: {
      code: 'TEMPLATE_INVALID_PLACEHOLDER',
      fields: [{ field: 'body', errors: ['body: unknown placeholder {{customer.nmae}} at line 1, column 7 (did you mean {{customer.name}}?)'] }],
      placeholders: [{ field: 'body', kind: 'unknown_placeholder', placeholder: '{{customer.nmae}}', line: 1, column: 7, suggestion: 'customer.name' }],
    },
  },
  null,
);

async function saveFailingWith(error: ApiError) {
  const save = vi.fn(async () => {
    throw error;
  });
  const wrapper = mount(TemplateEditor, {
    props: { template: null, queues: [], placeholders: [], save },
    global: { plugins: [i18n, PrimeVue] },
  });
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  return wrapper.get('[role="alert"]').text();
}

describe('the template editor’s errors', () => {
  beforeEach(() => setLocale('pl'));

  it('names a bad placeholder, where it is and what was meant, in Polish', async () => {
    expect(await saveFailingWith(INVALID_PLACEHOLDER)).toBe(
      'Nie udało się zapisać: Treść, wiersz 1, kolumna 7: nieznana zmienna {{customer.nmae}} (czy chodziło o {{customer.name}}?)',
    );
  });

  it('says a title is taken without the API’s English', async () => {
    const taken = new ApiError(409, { statusCode: 409, error: 'Conflict', message: 'A template with the slug "x" exists', details: { code: 'TEMPLATE_SLUG_TAKEN' } }, null);
    const text = await saveFailingWith(taken);
    expect(text).toBe('Nie udało się zapisać: Szablon o takim tytule już istnieje');
  });

  it('in English too', async () => {
    setLocale('en');
    expect(await saveFailingWith(INVALID_PLACEHOLDER)).toContain('Body, line 1, column 7: unknown placeholder {{customer.nmae}} (did you mean {{customer.name}}?)');
  });

  it('says what each placeholder stands for in Polish', () => {
    const wrapper = mount(TemplateEditor, {
      props: {
        template: null, queues: [], save: vi.fn(),
        placeholders: [{ path: 'customer.name', description: "The customer's name (empty when it is not known)", example: 'Jan Kowalski', available: true, unavailableReason: null }],
      },
      global: { plugins: [i18n, PrimeVue] },
    });
    expect(wrapper.get('.placeholders dd').text()).toBe('Imię i nazwisko klienta (puste, gdy nieznane)');
  });
});

import { describe, expect, it } from '@jest/globals';
import { parseTemplate, parseTemplateLenient, type ParsedTemplate } from '../parse-template.js';
import { escapeHtml, renderTemplate, templateValues } from '../render-template.js';
import { ACKNOWLEDGEMENT_PLACEHOLDERS, examplePlaceholderValues, TEMPLATE_PLACEHOLDERS } from '../template-placeholders.js';
import { templateProblemDetails } from '../template-problem-details.js';

function template(source: string): ParsedTemplate {
  const result = parseTemplate(source, TEMPLATE_PLACEHOLDERS);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.template;
}

const VALUES = templateValues({ 'customer.name': 'Jan Kowalski', 'ticket.number': '2026-000042', 'agent.name': 'Anna Nowak' });

describe('renderTemplate', () => {
  it('fills every placeholder, however it is spaced', () => {
    expect(renderTemplate(template('Dzień dobry {{customer.name}},\nzgłoszenie {{ ticket.number }} / {{ticket.number}}.\n{{agent.name}}'), VALUES)).toBe(
      'Dzień dobry Jan Kowalski,\nzgłoszenie 2026-000042 / 2026-000042.\nAnna Nowak',
    );
  });

  it('inserts values verbatim: placeholders and replacement patterns inside values stay as they are', () => {
    const values = templateValues({ 'customer.name': '{{ticket.number}} $& $1 $$ \\{{', 'ticket.number': 'X' });
    expect(renderTemplate(template('{{customer.name}}'), values)).toBe('{{ticket.number}} $& $1 $$ \\{{');
  });

  it('inserts HTML-looking values as plain text, and escapes them only when asked', () => {
    const values = templateValues({ 'customer.name': '<script>alert("x")</script> & \'Co\'' });
    expect(renderTemplate(template('Hej {{customer.name}} <b>'), values)).toBe('Hej <script>alert("x")</script> & \'Co\' <b>');
    expect(renderTemplate(template('Hej <b>{{customer.name}}</b>'), values, { escapeValue: escapeHtml })).toBe(
      'Hej <b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;</b>',
    );
  });

  it('renders a placeholder without a value as nothing', () => {
    expect(renderTemplate(template('[{{queue.name}}]'), VALUES)).toBe('[]');
  });

  it('cannot reach prototype properties even when the values come from a plain object', () => {
    // Only own keys become values; a placeholder is looked up in a Map, never on an object.
    const values = templateValues(JSON.parse('{"__proto__": {"polluted": "yes"}, "customer.name": "Jan"}') as Record<string, string>);
    expect(renderTemplate(template('{{customer.name}}'), values)).toBe('Jan');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const forged: ParsedTemplate = { segments: [{ kind: 'placeholder', path: 'constructor' }, { kind: 'placeholder', path: 'toString' }], placeholders: [] };
    expect(renderTemplate(forged, new Map())).toBe('');
  });

  it('writes \\{{ as literal braces in the output', () => {
    expect(renderTemplate(template('Składnia: \\{{customer.name}} → {{customer.name}}'), VALUES)).toBe('Składnia: {{customer.name}} → Jan Kowalski');
  });

  it('renders texts saved before placeholders were checked as they rendered then (lenient parsing)', () => {
    const values = templateValues({ 'ticket.number': '2026-000042', 'customer.name': 'Jan' });
    expect(renderTemplate(parseTemplateLenient('Zgłoszenie {{ticket.number}} / {{ ticket.number }} {{customer.nmae}}', ACKNOWLEDGEMENT_PLACEHOLDERS), values)).toBe(
      'Zgłoszenie 2026-000042 / 2026-000042 {{customer.nmae}}',
    );
  });
});

describe('templateValues', () => {
  it('turns null and undefined into empty text', () => {
    expect([...templateValues({ a: null, b: undefined, c: 'x' })]).toEqual([['a', ''], ['b', ''], ['c', 'x']]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Zażółć & co</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Zażółć &amp; co&lt;/a&gt;');
  });
});

describe('placeholder lists', () => {
  it('have unique paths, descriptions and examples', () => {
    for (const list of [TEMPLATE_PLACEHOLDERS, ACKNOWLEDGEMENT_PLACEHOLDERS]) {
      expect(new Set(list.map((p) => p.path)).size).toBe(list.length);
      for (const p of list) expect(p.description.length * p.example.length).toBeGreaterThan(0);
    }
  });

  it('keep every placeholder the acknowledgement has always understood', () => {
    expect(ACKNOWLEDGEMENT_PLACEHOLDERS.map((p) => p.path)).toEqual([
      'ticket.number', 'ticket.subject', 'customer.name', 'expected_response', 'ticket.firstResponseDueAt', 'faq_url', 'ticket.statusUrl', 'address.name',
    ]);
  });

  it('offer the template placeholders of the spec, the SLA deadlines included', () => {
    expect(TEMPLATE_PLACEHOLDERS.map((p) => p.path)).toEqual([
      'customer.name', 'customer.email', 'ticket.number', 'ticket.subject', 'ticket.createdAt', 'ticket.firstResponseDueAt', 'ticket.statusUrl',
      'ticket.resolutionDueAt', 'agent.name', 'queue.name', 'order.number', 'order.status', 'order.trackingUrl', 'order.carrier', 'order.total',
      'form.orderNumber', 'form.product', 'form.purchaseDate', 'form.remedy', 'form.<name>',
    ]);
    expect(TEMPLATE_PLACEHOLDERS.filter((p) => p.unavailable)).toEqual([]);
  });

  it('are frozen', () => {
    expect(Object.isFrozen(TEMPLATE_PLACEHOLDERS)).toBe(true);
    expect(Object.isFrozen(ACKNOWLEDGEMENT_PLACEHOLDERS)).toBe(true);
  });

  it('give example values for previews, without the unavailable ones', () => {
    const examples = examplePlaceholderValues(TEMPLATE_PLACEHOLDERS);
    expect(examples.get('customer.name')).toBe('Jan Kowalski');
    expect(examples.get('ticket.resolutionDueAt')).toBe('28.05.2026 14:03');
    const withReserved = examplePlaceholderValues([...TEMPLATE_PLACEHOLDERS, { path: 'order.invoiceUrl', description: 'x', example: 'https://x', unavailable: 'not yet' }]);
    expect(withReserved.has('order.invoiceUrl')).toBe(false);
    expect(renderTemplate(template('{{customer.name}}, {{ticket.number}}'), examples)).toBe('Jan Kowalski, 2026-000123');
  });
});

describe('templateProblemDetails', () => {
  it('groups messages by field, each naming its field, and lists every placeholder with its position', () => {
    const body = parseTemplate('Hej {{customer.nmae}}\n{{x', TEMPLATE_PLACEHOLDERS);
    const subject = parseTemplate('{{__proto__}}', TEMPLATE_PLACEHOLDERS);
    if (body.ok || subject.ok) throw new Error('expected problems');
    const details = templateProblemDetails([
      ...subject.problems.map((problem) => ({ field: 'subject', problem })),
      ...body.problems.map((problem) => ({ field: 'body', problem })),
    ]);
    expect(details.fields).toEqual([
      { field: 'subject', errors: [expect.stringMatching(/^subject: unknown placeholder \{\{__proto__\}\} at line 1, column 1 \(allowed: /)] },
      {
        field: 'body',
        errors: [
          'body: unknown placeholder {{customer.nmae}} at line 1, column 5 (did you mean {{customer.name}}?)',
          'body: unterminated placeholder {{x at line 2, column 1 (no }} closes it; write \\{{ for literal braces)',
        ],
      },
    ]);
    expect(details.message).toBe(details.fields.flatMap((f) => f.errors).join('; '));
    expect(details.placeholders).toEqual([
      { field: 'subject', kind: 'unknown_placeholder', placeholder: '{{__proto__}}', line: 1, column: 1 },
      { field: 'body', kind: 'unknown_placeholder', placeholder: '{{customer.nmae}}', line: 1, column: 5, suggestion: 'customer.name' },
      { field: 'body', kind: 'unterminated_placeholder', placeholder: '{{x', line: 2, column: 1 },
    ]);
  });
});

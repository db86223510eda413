import { describe, expect, it } from '@jest/globals';
import { MAX_TEMPLATE_PROBLEMS, parseTemplate, parseTemplateLenient, type ParsedTemplate, type TemplateProblem } from '../parse-template.js';
import { ACKNOWLEDGEMENT_PLACEHOLDERS, TEMPLATE_PLACEHOLDERS, type PlaceholderDefinition } from '../template-placeholders.js';

const ALLOWED: readonly PlaceholderDefinition[] = [
  { path: 'customer.name', description: 'name', example: 'Jan Kowalski' },
  { path: 'ticket.number', description: 'number', example: '2026-000123' },
  { path: 'expected_response', description: 'when', example: 'w ciągu 1 dnia roboczego' },
  { path: 'ticket.resolutionDueAt', description: 'due', example: 'jutro', unavailable: 'SLA deadlines are not tracked yet' },
];

function parsed(source: string, allowed = ALLOWED): ParsedTemplate {
  const result = parseTemplate(source, allowed);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(source)} to parse, got ${result.problems.map((p) => p.message).join('; ')}`);
  return result.template;
}

function problems(source: string, allowed = ALLOWED): readonly TemplateProblem[] {
  const result = parseTemplate(source, allowed);
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} to be refused`);
  return result.problems;
}

describe('parseTemplate: what parses', () => {
  it('splits text and placeholders', () => {
    expect(parsed('Dzień dobry {{customer.name}}, zgłoszenie {{ticket.number}}.')).toEqual({
      segments: [
        { kind: 'text', text: 'Dzień dobry ' },
        { kind: 'placeholder', path: 'customer.name' },
        { kind: 'text', text: ', zgłoszenie ' },
        { kind: 'placeholder', path: 'ticket.number' },
        { kind: 'text', text: '.' },
      ],
      placeholders: ['customer.name', 'ticket.number'],
    });
  });

  it.each([
    ['{{ customer.name }}'], ['{{customer.name }}'], ['{{  customer.name}}'], ['{{\tcustomer.name\t}}'], ['{{\ncustomer.name\n}}'],
  ])('tolerates blanks inside the braces: %j', (source) => {
    expect(parsed(source).segments).toEqual([{ kind: 'placeholder', path: 'customer.name' }]);
  });

  it('accepts plain text without any placeholder, and the empty text', () => {
    expect(parsed('Dziękujemy za cierpliwość.')).toEqual({ segments: [{ kind: 'text', text: 'Dziękujemy za cierpliwość.' }], placeholders: [] });
    expect(parsed('')).toEqual({ segments: [], placeholders: [] });
  });

  it('lists each placeholder once, in the order of first use', () => {
    expect(parsed('{{ticket.number}} {{customer.name}} {{ticket.number}}').placeholders).toEqual(['ticket.number', 'customer.name']);
  });

  it('knows names with underscores and without dots', () => {
    expect(parsed('Odpowiemy {{expected_response}}.').placeholders).toEqual(['expected_response']);
  });

  it('places adjacent placeholders next to each other', () => {
    expect(parsed('{{customer.name}}{{ticket.number}}').segments).toEqual([
      { kind: 'placeholder', path: 'customer.name' },
      { kind: 'placeholder', path: 'ticket.number' },
    ]);
  });

  it('reads \\{{ as a literal {{ and drops the backslash', () => {
    expect(parsed('Wpisz \\{{customer.name}} w szablonie, a dostaniesz {{customer.name}}.').segments).toEqual([
      { kind: 'text', text: 'Wpisz {{customer.name}} w szablonie, a dostaniesz ' },
      { kind: 'placeholder', path: 'customer.name' },
      { kind: 'text', text: '.' },
    ]);
    expect(parsed('\\{{').segments).toEqual([{ kind: 'text', text: '{{' }]);
    expect(parsed('\\{{ nawet {{ticket.number}}').segments).toEqual([
      { kind: 'text', text: '{{ nawet ' },
      { kind: 'placeholder', path: 'ticket.number' },
    ]);
  });

  it('leaves single braces, lone closing braces and backslashes elsewhere as text', () => {
    const source = 'JSON: {"a": 1} }} C:\\temp \\ {x}';
    expect(parsed(source).segments).toEqual([{ kind: 'text', text: source }]);
  });

  it('keeps Polish text and emoji intact around placeholders', () => {
    expect(parsed('Zażółć gęślą jaźń 📦 {{ticket.number}} ✓').segments).toEqual([
      { kind: 'text', text: 'Zażółć gęślą jaźń 📦 ' },
      { kind: 'placeholder', path: 'ticket.number' },
      { kind: 'text', text: ' ✓' },
    ]);
  });

  it('refuses anything that is not a string', () => {
    expect(() => parseTemplate(42 as unknown as string, ALLOWED)).toThrow(TypeError);
  });
});

describe('parseTemplate: what is refused', () => {
  it('an unknown placeholder, named with its line and column', () => {
    expect(problems('Dzień dobry,\nzgłoszenie {{ ticket.numer }} przyjęte')).toEqual([
      expect.objectContaining({
        kind: 'unknown_placeholder', placeholder: '{{ ticket.numer }}', offset: 24, line: 2, column: 12, suggestion: 'ticket.number',
        message: 'unknown placeholder {{ ticket.numer }} at line 2, column 12 (did you mean {{ticket.number}}?)',
      }),
    ]);
  });

  it('an unknown placeholder without a near one lists what is allowed (and not the unavailable ones)', () => {
    const [problem] = problems('{{order.total}}');
    expect(problem.suggestion).toBeUndefined();
    expect(problem.message).toBe('unknown placeholder {{order.total}} at line 1, column 1 (allowed: customer.name, ticket.number, expected_response)');
  });

  it('suggests case mistakes and swapped letters', () => {
    expect(problems('{{Customer.Name}}')[0].suggestion).toBe('customer.name');
    expect(problems('{{cusotmer.name}}')[0].suggestion).toBe('customer.name');
  });

  it.each([
    ['constructor'], ['__proto__'], ['__proto__.polluted'], ['prototype'], ['toString'], ['hasOwnProperty'], ['valueOf'],
    ['customer.constructor'], ['customer.name.constructor'], ['customer.__proto__'], ['constructor.constructor'],
  ])('prototype paths are unknown placeholders like any other: {{%s}}', (path) => {
    const [problem] = problems(`x {{${path}}} y`);
    expect(problem).toMatchObject({ kind: 'unknown_placeholder', placeholder: `{{${path}}}`, line: 1, column: 3 });
  });

  it.each([
    ['{{}}'], ['{{   }}'], ['{{customer name}}'], ['{{customer.}}'], ['{{.name}}'], ['{{customer..name}}'], ['{{customer["name"]}}'],
    ['{{customer.name()}}'], ['{{ticket.number | upper}}'], ['{{#if customer.name}}'], ['{{1abc}}'], ['{{{customer.name}}}'],
    ['{{customer.name + 1}}'], ['{{ticket-number}}'], ['{{imię}}'],
  ])('a malformed placeholder: %s', (source) => {
    const [problem] = problems(source);
    expect(problem.kind).toBe('malformed_placeholder');
    expect(problem.offset).toBe(0);
    expect(problem.message).toMatch(/^malformed placeholder \{\{.*\}\} at line 1, column 1 \(a placeholder is a name such as \{\{ticket\.number\}\}\)$/su);
  });

  it('an unterminated {{, with what follows it on its line', () => {
    expect(problems('Dzień dobry {{customer.name,\ndziękujemy')).toEqual([
      expect.objectContaining({
        kind: 'unterminated_placeholder', placeholder: '{{customer.name,', offset: 12, line: 1, column: 13,
        message: 'unterminated placeholder {{customer.name, at line 1, column 13 (no }} closes it; write \\{{ for literal braces)',
      }),
    ]);
  });

  it('an unterminated {{ before a good placeholder does not swallow it', () => {
    const result = parseTemplate('a {{customer.name b {{ticket.number}} c', ALLOWED);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.kind, p.column])).toEqual([['unterminated_placeholder', 3]]);
  });

  it('shortens the excerpt of a long unterminated placeholder', () => {
    const [problem] = problems(`{{${'x'.repeat(100)}`);
    expect(problem.placeholder).toBe(`{{${'x'.repeat(27)}…`);
  });

  it('a placeholder whose value does not exist yet, with the reason', () => {
    expect(problems('Rozwiążemy do {{ticket.resolutionDueAt}}.')).toEqual([
      expect.objectContaining({
        kind: 'unavailable_placeholder', placeholder: '{{ticket.resolutionDueAt}}', line: 1, column: 15,
        message: 'unavailable placeholder {{ticket.resolutionDueAt}} at line 1, column 15 (SLA deadlines are not tracked yet)',
      }),
    ]);
  });

  it('reports every problem, in order, up to a limit', () => {
    expect(problems('{{a}} {{customer.name}} {{b}}\n{{c').map((p) => [p.kind, p.line, p.column])).toEqual([
      ['unknown_placeholder', 1, 1], ['unknown_placeholder', 1, 25], ['unterminated_placeholder', 2, 1],
    ]);
    expect(problems('{{x}}'.repeat(50))).toHaveLength(MAX_TEMPLATE_PROBLEMS);
  });

  it('counts columns from the last line break (CRLF text too)', () => {
    expect(problems('a\r\nbb\r\n  {{x}}')[0]).toMatchObject({ line: 3, column: 3 });
  });

  it('takes only the given placeholders as allowed', () => {
    expect(parseTemplate('{{agent.name}}', TEMPLATE_PLACEHOLDERS).ok).toBe(true);
    expect(parseTemplate('{{agent.name}}', ACKNOWLEDGEMENT_PLACEHOLDERS).ok).toBe(false);
    expect(parseTemplate('{{faq_url}}', ACKNOWLEDGEMENT_PLACEHOLDERS).ok).toBe(true);
    expect(parseTemplate('{{faq_url}}', TEMPLATE_PLACEHOLDERS).ok).toBe(false);
    expect(parseTemplate('{{customer.name}}', [])).toMatchObject({ ok: false });
  });

  it('takes any field of a web form by its name ({{form.<name>}}), and nothing deeper', () => {
    const result = parseTemplate('Zamówienie {{form.orderNumber}}, produkt {{ form.productName }}', TEMPLATE_PLACEHOLDERS);
    expect(result).toMatchObject({ ok: true, template: { placeholders: ['form.orderNumber', 'form.productName'] } });
    expect(parseTemplate('{{form.product.name}}', TEMPLATE_PLACEHOLDERS)).toMatchObject({ ok: false, problems: [{ kind: 'unknown_placeholder' }] });
    expect(parseTemplate('{{form}}', TEMPLATE_PLACEHOLDERS)).toMatchObject({ ok: false });
    expect(parseTemplate('{{form.orderNumber}}', ACKNOWLEDGEMENT_PLACEHOLDERS)).toMatchObject({ ok: false });
    expect(parseTemplate('{{ticket.statusUrl}}', ACKNOWLEDGEMENT_PLACEHOLDERS).ok).toBe(true);
  });
});

describe('parseTemplateLenient', () => {
  it('parses good placeholders as parseTemplate does', () => {
    expect(parseTemplateLenient('Hej {{ customer.name }}!', ALLOWED)).toEqual(parsed('Hej {{ customer.name }}!'));
  });

  it('keeps unknown, malformed, unavailable and unterminated placeholders as written', () => {
    const source = 'A {{customer.nmae}} B {{customer name}} C {{ticket.resolutionDueAt}} D {{ticket.number';
    expect(parseTemplateLenient(source, ALLOWED)).toEqual({ segments: [{ kind: 'text', text: source }], placeholders: [] });
  });

  it('keeps a good placeholder after an unterminated one', () => {
    expect(parseTemplateLenient('{{ x {{ticket.number}}', ALLOWED).segments).toEqual([
      { kind: 'text', text: '{{ x ' },
      { kind: 'placeholder', path: 'ticket.number' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { asAdmin, client, createUser, expectError, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Templates (canned responses) through the API: the seeded Polish templates,
// writing them (admins) and reading them (agents), placeholders checked when
// saved, previews, replies with a template, and suggestions for a ticket from
// the customer's latest message.

interface Template {
  id: string; slug: string; title: string; subject: string | null; body: string; language: 'pl' | 'en'; queueId: string | null;
  active: boolean; variantOfId: string | null; placeholders: string[]; createdAt: string; updatedAt: string;
}
interface Message { id: string; direction: string; deliveryState: string; subject: string | null; bodyText: string; authorUserId: string | null }
interface Event { type: string; actorId: string | null; newValue: Record<string, unknown> | null }
interface Ticket {
  id: string; number: string; subject: string; createdAt: string; queueId: string | null; messages: Message[]; events: Event[];
  sla: { firstResponseDueAt: string | null; resolutionDueAt: string | null };
}
interface Suggestion { template: Template; score: number }
interface PlaceholderProblem { field: string; kind: string; placeholder: string; line: number; column: number; suggestion?: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SEEDED = ['complaint-received', 'invoice-copy', 'order-status', 'thanks-closing', 'waiting-customer-reminder'];
/** Their English versions. */
const SEEDED_EN = SEEDED.map((slug) => `${slug}-en`);

/** A moment as the templates write it in Polish: `21.05.2026 14:03`, Warsaw time. */
function polishDate(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

describe('templates', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let agent: CreatedUser;
  let defaultQueueId: string;
  let complaintsQueueId: string;
  let otherQueueId: string;
  let seeded: Map<string, Template>;

  beforeAll(async () => {
    // No worker role: replies stay `queued`; sending them is covered by the mail suites.
    product = await startProduct({ OKIENKO_ROLES: 'api,smtp' });
    admin = await asAdmin(product);
    agent = await createUser(product, admin, { email: 'anna@okienko.test', name: 'Anna Nowak' });
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      complaintsQueueId = (await db.query(`INSERT INTO queues (name, slug) VALUES ('Reklamacje rowerowe', 'tpl-complaints') RETURNING id`)).rows[0].id;
      otherQueueId = (await db.query(`INSERT INTO queues (name, slug) VALUES ('Hurtownie rowerowe', 'tpl-wholesale') RETURNING id`)).rows[0].id;
      defaultQueueId = (await db.query(`SELECT id FROM queues WHERE is_default`)).rows[0].id;
      // Anna works on the tickets of these queues (agents see only those of their queues).
      for (const queueId of [complaintsQueueId, otherQueueId, defaultQueueId]) {
        await db.query(`INSERT INTO queue_members (queue_id, user_id) VALUES ($1, $2)`, [queueId, agent.id]);
      }
    } finally {
      await db.end();
    }
    const res = await agent.api.get('/templates?limit=200');
    seeded = new Map((res.body.items as Template[]).map((t) => [t.slug, t]));
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const openTicket = async (message: string, fields: Record<string, unknown> = {}): Promise<Ticket> => {
    const res = await admin.post('/tickets', {
      subject: 'Wiadomość ze sklepu',
      customer: { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski' },
      message: { body: message },
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };
  const readTicket = async (ref: string): Promise<Ticket> => {
    const res = await admin.get(`/tickets/${ref}`);
    expect(res.status).toBe(200);
    return res.body as Ticket;
  };
  const create = async (body: Record<string, unknown>): Promise<Template> => {
    const res = await admin.post('/templates', body);
    expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: expect.anything() });
    return res.body as Template;
  };
  const problemsOf = (res: { body: unknown }): PlaceholderProblem[] => (res.body as { details: { placeholders: PlaceholderProblem[] } }).details.placeholders;

  describe('the seeded templates', () => {
    it('are there on a fresh installation: five Polish templates for every queue, found by their stable slugs, each with its English version', () => {
      expect([...seeded.keys()].sort()).toEqual([...SEEDED, ...SEEDED_EN].sort());
      for (const slug of SEEDED) {
        expect(seeded.get(slug)).toMatchObject({ slug, language: 'pl', queueId: null, active: true, subject: null, id: expect.stringMatching(UUID), variantOfId: null });
        expect(seeded.get(slug)!.body).toMatch(/^Dzień dobry \{\{customer\.name\}\},\n/);
        // The English version names the Polish one: a rule answering with either writes to an English customer in English.
        expect(seeded.get(`${slug}-en`)).toMatchObject({ language: 'en', queueId: null, active: true, variantOfId: seeded.get(slug)!.id });
        expect(seeded.get(`${slug}-en`)!.body).toMatch(/^Hello \{\{customer\.name\}\},\n/);
      }
    });

    it('say what a Polish shop says: order status with the customer and ticket number, the 14-day complaint deadline', () => {
      const orderStatus = seeded.get('order-status')!;
      expect(orderStatus.title).toBe('Status zamówienia');
      expect(orderStatus.placeholders).toEqual(['customer.name', 'order.number', 'order.status', 'order.total', 'order.carrier', 'order.trackingUrl', 'ticket.number', 'agent.name']);
      expect(orderStatus.body).toContain('Moje zamówienia');
      expect(seeded.get('complaint-received')!.body).toContain('14 dni');
      expect(seeded.get('invoice-copy')!.body).toContain('fakturę VAT');
      expect(seeded.get('waiting-customer-reminder')!.body).toContain('czekamy na Państwa odpowiedź');
      expect(seeded.get('thanks-closing')!.body).toContain('Zamykamy zgłoszenie nr {{ticket.number}}');
    });
  });

  describe('writing and reading', () => {
    let template: Template;

    it('an admin creates a template; 201 answers all of it, the slug made from the title', async () => {
      template = await create({
        title: '  Zwrot pieniędzy  ',
        subject: 'Zwrot za zamówienie – zgłoszenie {{ticket.number}}',
        body: 'Dzień dobry {{ customer.name }},\n\nzwrot zlecony.\n{{agent.name}}',
        language: 'pl',
        queueId: complaintsQueueId,
      });
      expect(template).toEqual({
        id: expect.stringMatching(UUID),
        slug: 'zwrot-pieniedzy',
        title: 'Zwrot pieniędzy',
        subject: 'Zwrot za zamówienie – zgłoszenie {{ticket.number}}',
        body: 'Dzień dobry {{ customer.name }},\n\nzwrot zlecony.\n{{agent.name}}',
        language: 'pl',
        variantOfId: null,
        queueId: complaintsQueueId,
        active: true,
        placeholders: ['ticket.number', 'customer.name', 'agent.name'],
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      expect((await agent.api.get(`/templates/${template.id}`)).body).toEqual(template);
    });

    it('a second template of the same title gets the next free slug; a slug asked for must be free (409)', async () => {
      const second = await create({ title: 'Zwrot pieniędzy', body: 'Drugi wariant.' });
      expect(second).toMatchObject({ slug: 'zwrot-pieniedzy-2', queueId: null, language: 'pl', subject: null, placeholders: [] });
      const own = await create({ title: 'Refund', slug: 'refund-en', body: 'Hello {{customer.name}}', language: 'en' });
      expect(own.slug).toBe('refund-en');
      const taken = await admin.post('/templates', { title: 'Cokolwiek', slug: 'order-status', body: 'x' });
      expectFieldErrors(taken, ['slug'], 'TEMPLATE_SLUG_TAKEN', 409);
      expectFieldErrors(await admin.patch(`/templates/${own.id}`, { slug: 'zwrot-pieniedzy' }), ['slug'], 'TEMPLATE_SLUG_TAKEN', 409);
    });

    it('PATCH changes only the fields sent; the slug stays when the title changes; null clears subject and queue', async () => {
      const res = await admin.patch(`/templates/${template.id}`, { title: 'Zwrot środków' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...template, title: 'Zwrot środków', updatedAt: expect.stringMatching(ISO) });

      const cleared = await admin.patch(`/templates/${template.id}`, { subject: null, queueId: null, active: false, language: 'en' });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ slug: 'zwrot-pieniedzy', subject: null, queueId: null, active: false, language: 'en', placeholders: ['customer.name', 'agent.name'] });
      template = cleared.body as Template;
    });

    it('lists with filters: words (without diacritics too), queue scope, language, active', async () => {
      const slugs = async (query: string) => ((await agent.api.get(`/templates?${query}`)).body.items as Template[]).map((t) => t.slug);
      expect(await slugs('q=faktura')).toEqual(['invoice-copy']);
      expect(await slugs('q=reklamacji')).toEqual(['complaint-received']);
      expect(await slugs('q=status%20zamowienia')).toEqual(['order-status']);
      expect(await slugs('q=%3F%3F')).toEqual([]);
      expect((await slugs('language=en')).sort()).toEqual([...SEEDED_EN, 'refund-en', 'zwrot-pieniedzy'].sort());
      expect(await slugs('active=false')).toEqual(['zwrot-pieniedzy']);
      expect((await slugs('active=true&language=pl')).sort()).toEqual([...SEEDED, 'zwrot-pieniedzy-2'].sort());

      const scoped = await create({ title: 'Tylko hurt', body: 'Dla hurtowni.', queueId: otherQueueId });
      expect(await slugs(`queueId=${otherQueueId}&q=hurt`)).toEqual(['tylko-hurt']);
      expect(await slugs(`queueId=${complaintsQueueId}&q=hurt`)).toEqual([]);
      // A queue's list holds its own templates and those for every queue.
      expect((await slugs(`queueId=${otherQueueId}&limit=200`)).sort()).toEqual([...SEEDED, ...SEEDED_EN, 'refund-en', 'tylko-hurt', 'zwrot-pieniedzy', 'zwrot-pieniedzy-2'].sort());

      const page = await agent.api.get('/templates?limit=2&offset=1');
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBe(14);
      expect((await admin.delete(`/templates/${scoped.id}`)).status).toBe(204);
    });

    it('DELETE removes a template (204); then it is 404 TEMPLATE_NOT_FOUND', async () => {
      const doomed = await create({ title: 'Do usunięcia', body: 'x' });
      expect((await admin.delete(`/templates/${doomed.id}`)).status).toBe(204);
      expectError(await admin.get(`/templates/${doomed.id}`), 404, 'TEMPLATE_NOT_FOUND');
      expectError(await admin.delete(`/templates/${doomed.id}`), 404, 'TEMPLATE_NOT_FOUND');
      expectError(await admin.patch(`/templates/${doomed.id}`, { title: 'x' }), 404, 'TEMPLATE_NOT_FOUND');
      expectFieldErrors(await admin.get('/templates/not-a-uuid'), ['id']);
    });

    it('agents read and preview templates but only admins write them', async () => {
      expect((await agent.api.get('/templates')).status).toBe(200);
      expect((await agent.api.get('/templates/placeholders')).status).toBe(200);
      expect((await agent.api.post('/templates/preview', { body: 'x' })).status).toBe(200);
      expectError(await agent.api.post('/templates', { title: 'x', body: 'y' }), 403, 'AUTH_FORBIDDEN');
      expectError(await agent.api.patch(`/templates/${template.id}`, { title: 'x' }), 403, 'AUTH_FORBIDDEN');
      expectError(await agent.api.delete(`/templates/${template.id}`), 403, 'AUTH_FORBIDDEN');
      expect((await admin.get(`/templates/${template.id}`)).body.title).toBe('Zwrot środków');
    });

    it('refuses invalid input with 400 naming each field', async () => {
      expectFieldErrors(await admin.post('/templates', {}), ['title', 'body']);
      expectFieldErrors(await admin.post('/templates', { title: '', body: '' }), ['title', 'body']);
      expectFieldErrors(await admin.post('/templates', { title: 'x', body: 'y', slug: 'Order Status' }), ['slug']);
      expectFieldErrors(await admin.post('/templates', { title: 'x', body: 'y', language: 'de' }), ['language']);
      expectFieldErrors(await admin.post('/templates', { title: 'x', body: 'y', queueId: 'general' }), ['queueId']);
      expectFieldErrors(await admin.post('/templates', { title: 'x', body: 'y', owner: 'me' }), ['owner']);
      expectFieldErrors(await admin.post('/templates', { title: 'x', body: 'y', queueId: '00000000-0000-4000-8000-000000000000' }), ['queueId'], 'QUEUE_NOT_FOUND');
      expectFieldErrors(await admin.patch(`/templates/${template.id}`, { title: null, body: null, active: null }), ['title', 'body', 'active']);
      expectFieldErrors(await admin.get('/templates?active=yes&language=xx'), ['active', 'language']);
    });
  });

  describe('placeholders', () => {
    it('lists the placeholders templates may use, the SLA deadlines among them', async () => {
      const res = await agent.api.get('/templates/placeholders');
      expect(res.status).toBe(200);
      const items = res.body.items as { path: string; available: boolean; description: string; example: string; unavailableReason: string | null }[];
      expect(items.filter((p) => p.available).map((p) => p.path)).toEqual([
        'customer.name', 'customer.email', 'ticket.number', 'ticket.subject', 'ticket.createdAt', 'ticket.firstResponseDueAt', 'ticket.statusUrl',
        'ticket.resolutionDueAt', 'agent.name', 'queue.name', 'order.number', 'order.status', 'order.trackingUrl', 'order.carrier', 'order.total',
        'form.orderNumber', 'form.product', 'form.purchaseDate', 'form.remedy', 'form.<name>',
      ]);
      expect(items.filter((p) => !p.available)).toEqual([]);
    });

    it('an unknown placeholder is refused on save: 400 naming the field, the placeholder, its position and a near one', async () => {
      const res = await admin.post('/templates', { title: 'Literówka', body: 'Dzień dobry,\nzgłoszenie {{ticket.numer}} przyjęte.' });
      expectFieldErrors(res, ['body'], 'TEMPLATE_INVALID_PLACEHOLDER');
      expect(res.body.message).toBe('body: unknown placeholder {{ticket.numer}} at line 2, column 12 (did you mean {{ticket.number}}?)');
      expect(problemsOf(res)).toEqual([
        { field: 'body', kind: 'unknown_placeholder', placeholder: '{{ticket.numer}}', line: 2, column: 12, suggestion: 'ticket.number' },
      ]);
      expect((await admin.get('/templates?q=literowka')).body.total).toBe(0);
    });

    it('names the subject and the body when both are wrong, and every problem in them', async () => {
      const res = await admin.post('/templates', { title: 'x', subject: 'Zgłoszenie {{ticket.nr}}', body: '{{order.weight}} i {{ticket.number' });
      expectFieldErrors(res, ['subject', 'body'], 'TEMPLATE_INVALID_PLACEHOLDER');
      expect(problemsOf(res).map((p) => [p.field, p.kind, p.placeholder])).toEqual([
        ['subject', 'unknown_placeholder', '{{ticket.nr}}'],
        ['body', 'unknown_placeholder', '{{order.weight}}'],
        ['body', 'unterminated_placeholder', '{{ticket.number'],
      ]);
    });

    it.each([['{{constructor}}'], ['{{__proto__.polluted}}'], ['{{ toString }}'], ['{{customer.constructor.name}}'], ['{{customer["name"]}}'], ['{{ticket.number | upper}}']])(
      'nothing but the listed placeholders gets through: %s is refused',
      async (placeholder) => {
        const res = await admin.post('/templates', { title: 'Próba', body: `Hej ${placeholder}` });
        expectFieldErrors(res, ['body'], 'TEMPLATE_INVALID_PLACEHOLDER');
        expect(problemsOf(res)[0]).toMatchObject({ field: 'body', placeholder, line: 1, column: 5 });
        expect(res.body.message).toContain(placeholder);
      },
    );

    it('a PATCH with a bad placeholder changes nothing', async () => {
      const before = (await admin.get(`/templates/${seeded.get('thanks-closing')!.id}`)).body as Template;
      const res = await admin.patch(`/templates/${before.id}`, { title: 'Nowy tytuł', body: 'Pa {{agent.nam}}' });
      expectFieldErrors(res, ['body'], 'TEMPLATE_INVALID_PLACEHOLDER');
      expect((await admin.get(`/templates/${before.id}`)).body).toEqual(before);
    });

    it('\\{{ writes literal braces', async () => {
      const literal = await create({ title: 'Składnia', body: 'Wpisz \\{{customer.name}}, a wstawimy {{customer.name}}.' });
      const preview = await admin.post('/templates/preview', { templateId: literal.id });
      expect(preview.body.body).toBe('Wpisz {{customer.name}}, a wstawimy Jan Kowalski.');
      expect((await admin.delete(`/templates/${literal.id}`)).status).toBe(204);
    });
  });

  describe('preview', () => {
    let ticket: Ticket;

    beforeAll(async () => {
      ticket = await openTicket('Dzień dobry, mam pytanie.', { subject: 'Pytanie o rower', queueId: complaintsQueueId });
    });

    it('renders unsaved text with example values and the caller as the agent', async () => {
      const res = await agent.api.post('/templates/preview', {
        subject: 'Zgłoszenie {{ticket.number}}',
        body: 'Dzień dobry {{customer.name}} ({{customer.email}}), kolejka {{queue.name}}.\n{{agent.name}}',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        subject: 'Zgłoszenie 2026-000123',
        body: 'Dzień dobry Jan Kowalski (jan.kowalski@example.pl), kolejka Obsługa zamówień.\nAnna Nowak',
        placeholders: ['ticket.number', 'customer.name', 'customer.email', 'queue.name', 'agent.name'],
        ticketId: null,
      });
    });

    it("renders for a real ticket (by number or id): its customer, number, subject, queue and creation time", async () => {
      const body = '{{customer.name}} | {{ticket.number}} | {{ticket.subject}} | {{queue.name}} | {{ticket.createdAt}} | {{agent.name}}';
      for (const ref of [ticket.number, ticket.id]) {
        const res = await agent.api.post('/templates/preview', { body, ticketId: ref });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          subject: null,
          body: `Jan Kowalski | ${ticket.number} | Pytanie o rower | Reklamacje rowerowe | ${polishDate(ticket.createdAt)} | Anna Nowak`,
          placeholders: ['customer.name', 'ticket.number', 'ticket.subject', 'queue.name', 'ticket.createdAt', 'agent.name'],
          ticketId: ticket.id,
        });
      }
      const english = await agent.api.post('/templates/preview', { body: '{{ticket.createdAt}}', ticketId: ticket.id, language: 'en' });
      expect(english.body.body).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/);
    });

    it("fills in the ticket's SLA deadlines; a first response already given is no longer promised", async () => {
      const fresh = await openTicket('Kiedy dostanę odpowiedź?', { subject: 'Termin' });
      expect(fresh.sla.firstResponseDueAt).toMatch(ISO);
      expect(fresh.sla.resolutionDueAt).toMatch(ISO);
      const body = 'Odpowiemy do {{ticket.firstResponseDueAt}}, rozwiążemy do {{ticket.resolutionDueAt}}.';
      const before = await agent.api.post('/templates/preview', { body, ticketId: fresh.id });
      expect(before.body.body).toBe(`Odpowiemy do ${polishDate(fresh.sla.firstResponseDueAt!)}, rozwiążemy do ${polishDate(fresh.sla.resolutionDueAt!)}.`);
      await admin.post(`/tickets/${fresh.id}/messages`, { type: 'reply', body: 'Już odpowiadamy.' }).expect(201);
      const after = await agent.api.post('/templates/preview', { body, ticketId: fresh.id });
      expect(after.body.body).toBe(`Odpowiemy do , rozwiążemy do ${polishDate(fresh.sla.resolutionDueAt!)}.`);
    });

    it('renders a saved template, the same text a reply with it sends', async () => {
      const res = await agent.api.post('/templates/preview', { templateId: seeded.get('order-status')!.id, ticketId: ticket.id });
      expect(res.status).toBe(200);
      expect(res.body.body).toMatch(/^Dzień dobry Jan Kowalski,\n/);
      expect(res.body.body).toContain(`numer zgłoszenia ${ticket.number} pozwoli`);
      expect(res.body.body).toMatch(/\nAnna Nowak\nBiuro Obsługi Klienta$/);
      expect(res.body.body).not.toContain('{{');
    });

    it('refuses what saving refuses, an unknown ticket or template, and nothing to render', async () => {
      expectFieldErrors(await agent.api.post('/templates/preview', { body: '{{customer.nmae}}' }), ['body'], 'TEMPLATE_INVALID_PLACEHOLDER');
      expectError(await agent.api.post('/templates/preview', { body: 'x', ticketId: '2020-999999' }), 404, 'TICKET_NOT_FOUND');
      expectFieldErrors(await agent.api.post('/templates/preview', { body: 'x', ticketId: 'abc' }), ['ticketId']);
      expectFieldErrors(await agent.api.post('/templates/preview', { templateId: '00000000-0000-4000-8000-000000000000' }), ['templateId'], 'TEMPLATE_UNAVAILABLE');
      expectFieldErrors(await agent.api.post('/templates/preview', {}), ['body']);
    });
  });

  describe('replying with a template', () => {
    let ticket: Ticket;

    beforeAll(async () => {
      ticket = await openTicket('Gdzie jest moje zamówienie 4521?', { subject: 'Zamówienie 4521' });
    });

    it("the template's body, rendered for the ticket and signed by the replying agent, is the reply that is queued", async () => {
      const templateId = seeded.get('order-status')!.id;
      const expected = (await agent.api.post('/templates/preview', { templateId, ticketId: ticket.id })).body.body as string;
      const res = await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', templateId });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ direction: 'outbound', deliveryState: 'queued', subject: 'Re: Zamówienie 4521', bodyText: expected });

      const after = await readTicket(ticket.number);
      const reply = after.messages.find((m) => m.id === res.body.id)!;
      expect(reply).toMatchObject({ direction: 'outbound', deliveryState: 'queued', authorUserId: agent.id, bodyText: expected });
      expect(reply.bodyText).toMatch(/^Dzień dobry Jan Kowalski,\n/);
      expect(reply.bodyText).toContain(ticket.number);
      expect(reply.bodyText).toMatch(/\nAnna Nowak\nBiuro Obsługi Klienta$/);
      expect(after.events).toContainEqual(
        expect.objectContaining({ type: 'message_added', actorId: agent.id, newValue: { messageId: reply.id, direction: 'outbound', templateId } }),
      );
    });

    it('a body sent with the template overrides its text; a template subject titles the reply', async () => {
      const withSubject = await create({ title: 'Z tematem', subject: 'Zgłoszenie {{ticket.number}}: odpowiedź', body: 'Tekst szablonu {{customer.name}}' });
      const res = await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', templateId: withSubject.id, body: 'Poprawiony tekst.' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ subject: `Zgłoszenie ${ticket.number}: odpowiedź`, bodyText: 'Poprawiony tekst.' });
      const note = await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'note', templateId: withSubject.id });
      expect(note.body).toMatchObject({ direction: 'note', subject: null, bodyText: 'Tekst szablonu Jan Kowalski' });
      expect((await admin.delete(`/templates/${withSubject.id}`)).status).toBe(204);
    });

    it('without a signed-in agent (an API token) the assignee signs', async () => {
      await admin.patch(`/tickets/${ticket.id}`, { assigneeId: agent.id });
      const token = await admin.post('/api-tokens', { name: 'Integracja sklepu', role: 'agent', queueIds: [ticket.queueId] });
      expect(token.status).toBe(201);
      const integration = client(product.baseUrl, token.body.token as string);
      const res = await integration.post(`/tickets/${ticket.id}/messages`, { type: 'note', templateId: seeded.get('thanks-closing')!.id });
      expect(res.status).toBe(201);
      expect(res.body.bodyText).toMatch(/\nAnna Nowak\nBiuro Obsługi Klienta$/);
    });

    it('neither body nor template is 400 naming body; an unknown or switched-off template is 400 naming templateId', async () => {
      const before = (await readTicket(ticket.id)).messages.length;
      expectFieldErrors(await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply' }), ['body']);
      expectFieldErrors(await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', templateId: 'order-status' }), ['templateId']);
      expectFieldErrors(await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', templateId: seeded.get('order-status')!.id, body: '' }), ['body']);
      expectFieldErrors(
        await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', templateId: '00000000-0000-4000-8000-000000000000' }),
        ['templateId'], 'TEMPLATE_UNAVAILABLE',
      );
      const off = await create({ title: 'Wyłączony', body: 'x', active: false });
      expectFieldErrors(await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', templateId: off.id }), ['templateId'], 'TEMPLATE_UNAVAILABLE');
      expect((await readTicket(ticket.id)).messages).toHaveLength(before);
      expect((await admin.delete(`/templates/${off.id}`)).status).toBe(204);
    });
  });

  describe('suggestions', () => {
    const suggest = async (ref: string, query = ''): Promise<Suggestion[]> => {
      const res = await agent.api.get(`/tickets/${ref}/template-suggestions${query}`);
      expect(res.status).toBe(200);
      return res.body.items as Suggestion[];
    };

    it('an order-status question offers the order-status template first', async () => {
      const ticket = await openTicket('Dzień dobry, gdzie jest moje zamówienie? Kiedy zostanie wysłane? Pozdrawiam, Jan', { subject: 'Zamówienie 4521' });
      const items = await suggest(ticket.id);
      expect(items[0].template.slug).toBe('order-status');
      expect(items[0].template).toEqual(seeded.get('order-status'));
      expect(items[0].score).toBeGreaterThan(0);
      for (let i = 1; i < items.length; i++) expect(items[i].score).toBeLessThanOrEqual(items[i - 1].score);
    });

    it('an invoice request offers the invoice template first', async () => {
      const ticket = await openTicket('Proszę o fakturę VAT do zamówienia', { subject: 'Faktura' });
      expect((await suggest(ticket.number))[0].template.slug).toBe('invoice-copy');
    });

    it("ranks by the customer's latest own message, not by earlier ones or our replies", async () => {
      const ticket = await openTicket('Gdzie jest moje zamówienie? Kiedy zostanie wysłane?', { subject: 'Zamówienie' });
      expect((await suggest(ticket.id))[0].template.slug).toBe('order-status');
      await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Zamówienie zostało wysłane wczoraj.' });
      expect((await suggest(ticket.id))[0].template.slug).toBe('order-status');
      const db = new pg.Client({ connectionString: product.databaseUrl });
      await db.connect();
      try {
        // The customer writes again (as mail would add it): now about the invoice.
        await db.query(
          `INSERT INTO messages (ticket_id, direction, body_text, subject, created_at) VALUES ($1, 'inbound', 'A faktura VAT do tego zamówienia?', 'Re: Zamówienie', now() + interval '1 second')`,
          [ticket.id],
        );
      } finally {
        await db.end();
      }
      expect((await suggest(ticket.id))[0].template.slug).toBe('invoice-copy');
    });

    it("offers only active templates for the ticket's queue or for every queue, and honours limit", async () => {
      const elsewhere = await create({ title: 'Status zamówienia hurtowego', body: 'Gdzie jest zamówienie? Zamówienie zostanie wysłane jutro.', queueId: otherQueueId });
      const here = await create({ title: 'Status zamówienia reklamacyjnego', body: 'Zamówienie zostanie wysłane. Zamówienie wysłane.', queueId: complaintsQueueId });
      const off = await create({ title: 'Status zamówienia (stary)', body: 'Gdzie jest zamówienie? Zamówienie zostanie wysłane.', active: false });
      const inComplaints = await openTicket('Gdzie jest moje zamówienie? Kiedy zostanie wysłane?', { queueId: complaintsQueueId });
      const inDefault = await openTicket('Gdzie jest moje zamówienie? Kiedy zostanie wysłane?', { queueId: defaultQueueId });

      const complaintsSlugs = (await suggest(inComplaints.id, '?limit=20')).map((s) => s.template.slug);
      expect(complaintsSlugs).toContain(here.slug);
      expect(complaintsSlugs).toContain('order-status');
      expect(complaintsSlugs).not.toContain(elsewhere.slug);
      expect(complaintsSlugs).not.toContain(off.slug);
      const defaultSlugs = (await suggest(inDefault.id, '?limit=20')).map((s) => s.template.slug);
      expect(defaultSlugs).toContain('order-status');
      expect(defaultSlugs).not.toContain(here.slug);
      expect(defaultSlugs).not.toContain(elsewhere.slug);
      expect(await suggest(inDefault.id, '?limit=1')).toHaveLength(1);

      for (const t of [elsewhere, here, off]) expect((await admin.delete(`/templates/${t.id}`)).status).toBe(204);
    });

    it('a message without meaningful words suggests nothing', async () => {
      const ticket = await openTicket('Dzień dobry! Pozdrawiam.', { subject: '???' });
      expect(await suggest(ticket.id)).toEqual([]);
    });

    it('an unknown ticket is 404, a malformed reference or limit 400', async () => {
      expectError(await agent.api.get('/tickets/2020-999999/template-suggestions'), 404, 'TICKET_NOT_FOUND');
      expectFieldErrors(await agent.api.get('/tickets/nope/template-suggestions'), ['id']);
      const ticket = await openTicket('Faktura');
      expectFieldErrors(await agent.api.get(`/tickets/${ticket.id}/template-suggestions?limit=0`), ['limit']);
      expectFieldErrors(await agent.api.get(`/tickets/${ticket.id}/template-suggestions?limit=21`), ['limit']);
    });
  });
});

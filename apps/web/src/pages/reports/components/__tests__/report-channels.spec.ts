import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../../shared/i18n';
import ResponseTimesReportCard from '../response-times-report-card.vue';
import VolumeReportCard from '../volume-report-card.vue';

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const RANGE = { start: '2026-11-30T23:00:00.000Z', end: '2026-12-07T23:00:00.000Z', from: '2026-12-01', to: '2026-12-07', tz: 'Europe/Warsaw', groupBy: 'day' };
const EMPTY = { count: 0, mean: null, median: null, p90: null, max: null };
const times = (count: number, median: number | null) => ({ calendar: { count, mean: median, median, p90: median, max: median }, business: EMPTY });

function serve(): void {
  fetchMock.mockImplementation(async (input) => {
    const path = new URL((input as Request).url).pathname;
    if (path === '/api/v1/reports/volume') {
      return json({
        range: RANGE, backlogAtStart: 0, totals: { created: 9, resolved: 3, closed: 1, reopened: 0 }, buckets: [],
        channels: [
          { channel: 'email', created: 5, resolved: 2, closed: 1 },
          { channel: 'allegro', created: 3, resolved: 1, closed: 0 },
          { channel: 'amazon', created: 1, resolved: 0, closed: 0 },
        ],
      });
    }
    return json({
      range: RANGE, firstResponse: times(3, 3600), resolution: times(1, 7200), buckets: [],
      channels: [{ channel: 'allegro', firstResponse: times(2, 1800), resolution: times(0, null) }],
    });
  });
}

const query = { from: '2026-12-01', to: '2026-12-07' };
const rowsOf = (wrapper: ReturnType<typeof mount>, caption: RegExp) => {
  const table = wrapper.findAll('table').find((t) => caption.test(t.find('caption').text()))!;
  return table.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
};

describe('reports by channel', () => {
  beforeEach(() => {
    setLocale('pl');
    fetchMock.mockReset();
    serve();
  });
  afterEach(() => setLocale('pl'));

  it('shows the volume per channel with Allegro and Amazon on rows of their own', async () => {
    const wrapper = mount(VolumeReportCard, { props: { query }, global: { plugins: [i18n, PrimeVue, createPinia()] } });
    await flushPromises();
    expect(wrapper.text()).toContain('Według kanału');
    expect(rowsOf(wrapper, /^Według kanału: zgłoszenia/)).toEqual([
      ['E-mail', '5', '2', '1'],
      ['Allegro', '3', '1', '0'],
      ['Amazon', '1', '0', '0'],
    ]);
  });

  it('shows the response times per channel, in English too', async () => {
    setLocale('en');
    const wrapper = mount(ResponseTimesReportCard, { props: { query }, global: { plugins: [i18n, PrimeVue, createPinia()] } });
    await flushPromises();
    const [row] = rowsOf(wrapper, /^By channel: first response/);
    expect(row![0]).toBe('Allegro');
    expect(row![1]).toBe('2');
    expect(row![2]).not.toBe(row![5]);
    expect(row![4]).toBe('0');
  });
});

import { api } from '../../shared/api-client/client';
import { toApiError, unwrap, NetworkError } from '../../shared/api-client/errors';
import type { components, operations } from '../../shared/api-client/schema';

/** The filters every report takes (the query of `GET /reports/...` without `format`). */
export type ReportQuery = Omit<NonNullable<operations['Reports_volume']['parameters']['query']>, 'format'>;
export type ReportGrouping = NonNullable<ReportQuery['groupBy']>;

export type VolumeReport = components['schemas']['VolumeReportDto'];
export type ResponseTimesReport = components['schemas']['ResponseTimesReportDto'];
export type ResponseTime = components['schemas']['ResponseTimeDto'];
export type DurationStats = components['schemas']['DurationStatsDto'];
export type SlaReport = components['schemas']['SlaReportDto'];
export type LoadReport = components['schemas']['LoadReportDto'];
export type ContactReasonsReport = components['schemas']['ContactReasonsReportDto'];
export type AutomationReport = components['schemas']['AutomationReportDto'];
export type SatisfactionReport = components['schemas']['SatisfactionReportDto'];
export type CallsReport = components['schemas']['CallsReportDto'];

/** Every report the dashboard shows, by the last segment of its route, with the shape it answers. */
export interface ReportKinds {
  volume: VolumeReport;
  'response-times': ResponseTimesReport;
  sla: SlaReport;
  load: LoadReport;
  'contact-reasons': ContactReasonsReport;
  automation: AutomationReport;
  satisfaction: SatisfactionReport;
  calls: CallsReport;
}
export type ReportName = keyof ReportKinds;

const PATHS = {
  volume: '/api/v1/reports/volume',
  'response-times': '/api/v1/reports/response-times',
  sla: '/api/v1/reports/sla',
  load: '/api/v1/reports/load',
  'contact-reasons': '/api/v1/reports/contact-reasons',
  automation: '/api/v1/reports/automation',
  satisfaction: '/api/v1/reports/satisfaction',
  calls: '/api/v1/reports/calls',
} as const satisfies Record<ReportName, string>;

/**
 * Every report route takes the same query; the client is typed per route, so
 * the calls go through one of them and each answer is typed by its name.
 */
type ReportPath = (typeof PATHS)['volume'];
const pathOf = (name: ReportName) => PATHS[name] as ReportPath;

/** One report as JSON (admins only). */
export async function fetchReport<N extends ReportName>(name: N, query: ReportQuery, signal?: AbortSignal): Promise<ReportKinds[N]> {
  const answer = await unwrap(api.GET(pathOf(name), { params: { query }, signal }));
  return answer as unknown as ReportKinds[N];
}

/** A report as a CSV file: its contents and the file name the API gives it. */
export interface ReportFile {
  blob: Blob;
  filename: string;
}

/** `filename="…"` (or RFC 5987 `filename*=UTF-8''…`) of a Content-Disposition header. */
export function attachmentName(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name || null;
}

/** The same report as a CSV file, through the API client so the session's token goes along. */
export async function fetchReportCsv(name: ReportName, query: ReportQuery): Promise<ReportFile> {
  let result;
  try {
    result = await api.GET(pathOf(name), { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' });
  } catch (cause) {
    if (cause instanceof TypeError) throw new NetworkError(cause);
    throw cause;
  }
  const { data, error, response } = result;
  if (!response.ok || !(data instanceof Blob)) throw toApiError(response, error);
  const filename = attachmentName(response.headers.get('Content-Disposition')) ?? `okienko-${name}.csv`;
  return { blob: data, filename };
}

import type { WatchSource } from 'vue';
import { useApiData } from '../../../shared/api-client/use-api-data';
import { fetchReport, type ReportKinds, type ReportName, type ReportQuery } from '../api';

/** One report, reloaded whenever the filters change (a newer request cancels an older one). */
export function useReport<N extends ReportName>(name: N, query: WatchSource<ReportQuery>) {
  return useApiData<ReportKinds[N], ReportQuery>((current, signal) => fetchReport(name, current, signal), query);
}

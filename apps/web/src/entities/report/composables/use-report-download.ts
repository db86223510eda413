import { ref } from 'vue';
import { useErrorText } from '../../../shared/i18n/use-error-text';
import { fetchReportCsv, type ReportName, type ReportQuery } from '../api';

/** Hands a file to the browser's download (an object URL clicked through a temporary link). */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a report as CSV with the session's token; `failure` says in words what went wrong. */
export function useReportDownload() {
  const errorText = useErrorText();
  const downloading = ref(false);
  const failure = ref<string | null>(null);

  async function download(name: ReportName, query: ReportQuery): Promise<void> {
    downloading.value = true;
    failure.value = null;
    try {
      const file = await fetchReportCsv(name, query);
      saveFile(file.blob, file.filename);
    } catch (cause) {
      failure.value = errorText(cause);
    } finally {
      downloading.value = false;
    }
  }

  return { download, downloading, failure };
}

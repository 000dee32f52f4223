import { useId, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { svgTextSize, svgToPng, svgWithAttribution } from '../../export/chartExport.ts';
import { type CsvNumberFormat, type ExportTable, exportWords, toExportCsv } from '../../export/csv.ts';
import { downloadBlob } from '../../export/download.ts';
import { toXlsx } from '../../export/xlsx.ts';
import { useDataText } from './DataTable.tsx';
import './data.css';

export interface DownloadChart {
  /** Used in the file name: "rangorde". */
  name: string;
  /** Shown before the chart's buttons, in the interface's language: "Rangorde". */
  label: string;
  /** The chart's SVG as it is on screen now, or null when it is not drawn. */
  svg: () => SVGSVGElement | null;
}

export interface DownloadButtonsProps {
  /** The table on screen (the same object the DataTable shows). */
  table: ExportTable;
  /** File name without extension, e.g. "jeugdhulp-2023-buurten"; also the Excel sheet name. */
  baseName: string;
  /** The dataset's attribution ("Bron: CBS, CC BY 4.0"), written into every file. */
  attribution: string;
  charts?: readonly DownloadChart[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function DownloadButtons({ table, baseName, attribution, charts = [] }: DownloadButtonsProps) {
  const { lang } = useI18n();
  const text = useDataText();
  const id = useId();
  const [error, setError] = useState('');

  const attempt = async (work: () => void | Promise<void>) => {
    setError('');
    try {
      await work();
    } catch (e) {
      setError(text('data.download.error', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  const csv = (numberFormat: CsvNumberFormat) =>
    attempt(() => {
      const content = toExportCsv(table, { numberFormat, attribution, words: exportWords(lang) });
      const suffix = numberFormat === 'nl' ? '' : '-intl';
      downloadBlob(new Blob([content], { type: 'text/csv;charset=utf-8' }), `${baseName}${suffix}.csv`);
    });

  const xlsx = () =>
    attempt(async () => {
      const bytes = await toXlsx(table, { sheetName: baseName, attribution, words: exportWords(lang) });
      downloadBlob(new Blob([bytes], { type: XLSX_TYPE }), `${baseName}.xlsx`);
    });

  const chartFile = (chart: DownloadChart, format: 'svg' | 'png') =>
    attempt(async () => {
      const svg = chart.svg();
      if (!svg) throw new Error(text('data.download.noChart', { chart: chart.label }));
      const content = svgWithAttribution(svg, attribution);
      const fileName = `${baseName}-${chart.name}.${format}`;
      if (format === 'svg') {
        downloadBlob(new Blob([content], { type: 'image/svg+xml;charset=utf-8' }), fileName);
      } else {
        const { width, height } = svgTextSize(content);
        downloadBlob(await svgToPng(content, width, height), fileName);
      }
    });

  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form section; fieldset would add a border and a legend
    <div className="download-buttons" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="download-label">
        {text('data.download.label')}
      </span>
      <button type="button" title={text('data.download.csvNlTitle')} onClick={() => csv('nl')}>
        {text('data.download.csvNl')}
      </button>
      <button type="button" title={text('data.download.csvIntlTitle')} onClick={() => csv('intl')}>
        {text('data.download.csvIntl')}
      </button>
      <button type="button" title={text('data.download.excelTitle')} onClick={xlsx}>
        {text('data.download.excel')}
      </button>
      {charts.map((chart) => (
        <span key={chart.name} className="download-chart">
          <span aria-hidden="true">{chart.label}:</span>
          {(['svg', 'png'] as const).map((format) => (
            <button key={format} type="button" onClick={() => chartFile(chart, format)}>
              {text(`data.download.${format}`)}
              <span className="visually-hidden"> {text('data.download.chart', { chart: chart.label })}</span>
            </button>
          ))}
        </span>
      ))}
      <p className="download-error" role="status">
        {error}
      </p>
    </div>
  );
}

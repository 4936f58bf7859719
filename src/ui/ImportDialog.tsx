import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { Category, ImportReport } from '../backend/wireTypes';
import { importFormats, type ImportFormat } from '../import/importSources';
import { countByTone, previewCollection, previewRows } from '../import/previewRows';
import { ColumnMappingForm } from './ColumnMappingForm';
import { DatabaseGettingReady } from './DatabaseStartNote';
import { ImportProgress } from './ImportProgress';
import { PopulationNote } from './PopulationNote';
import { WeightsNote } from './WeightsNote';
import { useImportSession } from './useImportSession';

interface Props {
  api: WijkkrachtApi;
  categories: Category[];
  onPreview(collection: FeatureCollection | null): void;
  onImported(report: ImportReport): void;
  onClose(): void;
}

// The table shows the first rows; the summary counts them all.
const tableLimit = 200;
const formatLabelKey: Record<ImportFormat, string> = {
  csv: 'import.formats.assets',
  geojson: 'import.formats.assets',
  kml: 'import.formats.assets',
  osm: 'import.formats.osm',
  'cbs-areas': 'import.formats.areas',
  'cbs-population': 'import.formats.population',
  'cbs-areas-population': 'import.formats.areasPopulation',
  'cbs-grid': 'import.formats.grid',
  'walk-network': 'import.formats.walkNetwork',
  'population-weights': 'import.formats.weights',
};

/** Choose a file, check the columns, see what will happen (table and map), then add it all or nothing. */
export function ImportDialog({ api, categories, onPreview, onImported, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { session, openFile, changeFormat, changeMapping, changeChoices, changeSourceName, commit } = useImportSession(api, categories);
  const { plan, report, busy, problem, done, choices } = session;
  const [dragging, setDragging] = useState(false);

  const rows = useMemo(() => (plan ? previewRows(plan, report) : []), [plan, report]);
  const counts = countByTone(rows);
  const errorCount = plan?.issues.filter((issue) => issue.severity === 'error').length ?? 0;
  const questionCount = plan?.questionedRows.length ?? 0;
  const writeCount = counts.add + counts.update;
  const canCommit = !busy && !done && plan !== null && report !== null && writeCount > 0;

  useEffect(() => {
    onPreview(plan && !done ? previewCollection(plan, choices) : null);
  }, [plan, choices, done, onPreview]);
  useEffect(() => () => onPreview(null), [onPreview]);

  const onCommit = async () => {
    const written = await commit();
    if (written) onImported(written);
  };

  return (
    <section className="panel import-dialog" role="dialog" aria-modal="false" aria-labelledby="import-title">
      <header className="panel-header">
        <h2 id="import-title">{t('import.title')}</h2>
        {/* While writing, closing would hide a write that goes on; wait for it. */}
        <button type="button" onClick={onClose} disabled={busy === 'writing'}>
          {done ? t('import.close') : t('import.cancel')}
        </button>
      </header>
      <DatabaseGettingReady />

      <label
        className={`file-drop${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file) void openFile(file);
        }}
      >
        <span className="button-like">{t('import.chooseFile')}</span>
        <input
          disabled={busy !== null}
          type="file"
          accept=".geojson,.json,.csv,.tsv,.txt,.kml,.osm,.gz"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void openFile(file);
            event.target.value = '';
          }}
        />
        <span className="hint">{session.fileName ?? t('import.fileHint')}</span>
        <span className="hint">{t('import.dropHere')}</span>
      </label>

      {busy && <ImportProgress phase={busy} fraction={session.progress} />}
      {problem && (
        <p className="form-error" role="alert">
          {t(problem.key, problem.params)}
        </p>
      )}

      {session.format && (
        <label className="format-choice">
          <span>{t('import.format')}</span>
          <select
            value={session.format}
            disabled={busy !== null || done !== null}
            onChange={(event) => void changeFormat(event.target.value as ImportFormat)}
          >
            {importFormats.map((format) => (
              <option key={format} value={format}>
                {t(formatLabelKey[format])} ({format})
              </option>
            ))}
          </select>
        </label>
      )}

      {session.tabular && plan && !done && (
        <label className="source-name">
          <span>{t('import.sourceName')}</span>
          {/* Re-imports of the same list update what this source added before. Applied on leaving the field. */}
          <input
            key={plan.source}
            defaultValue={plan.source}
            disabled={busy !== null}
            onBlur={(event) => {
              if (event.target.value.trim() && event.target.value.trim() !== plan.source) void changeSourceName(event.target.value);
            }}
          />
          <span className="hint">{t('import.sourceNameHint')}</span>
        </label>
      )}

      {session.tabular && session.mapping && !done && (
        <ColumnMappingForm
          format={session.tabular.format}
          columns={session.tabular.columns}
          mapping={session.mapping}
          categories={categories}
          disabled={busy !== null}
          onChange={(mapping) => void changeMapping(mapping)}
        />
      )}

      {plan && !done && (
        <div className="import-preview">
          <p className="import-summary" data-testid="import-summary">
            {t('import.summary', {
              add: counts.add,
              update: counts.update,
              unchanged: counts.same,
              skip: counts.skip + counts.question,
              error: counts.error,
            })}
          </p>
          {plan.attribution && <p className="hint">{t('import.attribution', { attribution: plan.attribution })}</p>}
          {(plan.target === 'area-population' || plan.target === 'areas-population' || plan.target === 'population-cells') && (
            <PopulationNote plan={plan} report={report} />
          )}
          {plan.target === 'population-weights' && <WeightsNote plan={plan} report={report} />}
          <p className="hint">{t('import.previewOnMap')}</p>
          {errorCount > 0 && (
            <div className="import-choice error">
              <p>{t('import.errorsBlock', { count: errorCount })}</p>
              <label>
                <input
                  type="checkbox"
                  disabled={busy !== null}
                  checked={choices.skipInvalid ?? false}
                  onChange={(event) => void changeChoices({ skipInvalid: event.target.checked })}
                />
                {t('import.skipErrors')}
              </label>
            </div>
          )}
          {questionCount > 0 && (
            <label className="import-choice">
              <input
                type="checkbox"
                disabled={busy !== null}
                checked={choices.includeQuestioned ?? false}
                onChange={(event) => void changeChoices({ includeQuestioned: event.target.checked })}
              />
              {t('import.includeOutside', { count: questionCount })}
            </label>
          )}
          <div className="import-table-wrap">
            <table className="import-table">
              <thead>
                <tr>
                  <th>{t('import.table.row')}</th>
                  <th>{t('import.table.name')}</th>
                  <th>{t('import.table.what')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, tableLimit).map((row, index) => (
                  <tr key={`${row.row}-${index}`} className={`tone-${row.tone}`}>
                    <td>{row.row}</td>
                    <td>{row.label}</td>
                    <td>{t(row.key, row.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > tableLimit && <p className="hint">{t('import.moreRows', { count: rows.length - tableLimit })}</p>}
          </div>
          {report && writeCount === 0 && <p className="hint">{t('import.nothingToDo')}</p>}
          <button type="button" className="primary" disabled={!canCommit} onClick={() => void onCommit()}>
            {counts.update > 0 ? t('import.confirmUpdate', { count: writeCount }) : t('import.confirm', { count: writeCount })}
          </button>
        </div>
      )}

      {done && (
        <p className="import-done" role="status">
          {t('import.done', { added: done.added, updated: done.updated })}
        </p>
      )}
      {done?.cells_by_weights !== undefined && (
        <p className="hint" data-testid="weights-done">
          {t('import.weights.done', { cells: done.cells_by_weights.toLocaleString(i18n.language) })}
        </p>
      )}
    </section>
  );
}

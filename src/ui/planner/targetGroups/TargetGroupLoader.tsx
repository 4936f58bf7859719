import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../../backend/api';
import type { TargetGroup, TargetGroupImportReport, TargetGroupRow } from '../../../backend/wireTypes';
import { readTargetGroupMembers } from '../../../import/formats/targetGroupMembers';
import { readText } from '../../../import/readText';
import { ImportFileError } from '../../../import/types';
import { useErrorText } from '../../useErrorText';

interface Props {
  api: WijkkrachtApi;
  werkgebiedId: string;
  groups: TargetGroup[];
  onSaved(report: TargetGroupImportReport): void;
}

/** Name, file, a preview by SQL (a dry run: counts rounded, problems by row), then "Toevoegen". */
export function TargetGroupLoader({ api, werkgebiedId, groups, onSaved }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const nameId = useId();
  const fileId = useId();
  const hintId = useId();
  const [name, setName] = useState('');
  const [rows, setRows] = useState<TargetGroupRow[] | null>(null);
  const [preview, setPreview] = useState<TargetGroupImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();
  const replacing = groups.some((group) => group.name === trimmed);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof ImportFileError ? t(error.key, error.params) : errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const previewOf = (file: File) =>
    attempt(async () => {
      setPreview(null);
      const read = readTargetGroupMembers(await readText(new Uint8Array(await file.arrayBuffer())), file.name);
      setRows(read);
      setPreview(await api.importTargetGroup({ werkgebiedId, name: trimmed || file.name, rows: read, dryRun: true }));
    });
  const save = () =>
    attempt(async () => {
      const report = await api.importTargetGroup({ werkgebiedId, name: trimmed, rows: rows!, dryRun: false });
      setRows(null);
      setPreview(null);
      setName('');
      onSaved(report);
    });
  const members = (count: number | null) => (count === null ? t('targetGroups.membersFew') : t('targetGroups.members', { count }));

  return (
    <form
      className="target-group-loader"
      aria-label={t('targetGroups.load')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h4>{t('targetGroups.load')}</h4>
      <label htmlFor={nameId}>{t('targetGroups.name')}</label>
      <input
        id={nameId}
        type="text"
        maxLength={100}
        value={name}
        placeholder={t('targetGroups.namePlaceholder')}
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor={fileId}>{t('targetGroups.file')}</label>
      <input
        id={fileId}
        type="file"
        accept=".csv,.txt,.geojson,.json"
        aria-describedby={hintId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void previewOf(file);
        }}
      />
      <p className="hint" id={hintId}>
        {t('targetGroups.fileHint')}
      </p>
      {preview && (
        <div className="notice" data-testid="target-group-preview" role="status">
          <p>{t('targetGroups.preview', { count: preview.areas_placed, members: members(preview.members_placed) })}</p>
          {preview.areas_by_pc4 > 0 && <p>{t('targetGroups.byPc4', { count: preview.areas_by_pc4 })}</p>}
          {preview.areas_outside > 0 && <p>{t('targetGroups.outside', { count: preview.areas_outside })}</p>}
          {preview.unknown_postcodes.length > 0 && (
            <p>{t('targetGroups.unknown', { postcodes: preview.unknown_postcodes.slice(0, 20).join(', ') })}</p>
          )}
          {preview.problems.length > 0 && (
            <>
              <p>{t('targetGroups.problems')}</p>
              <ul>
                {preview.problems.slice(0, 20).map((row) => (
                  <li key={row.row}>
                    {t('targetGroups.problemRow', {
                      row: row.row,
                      postcode: row.postcode,
                      problem: t(`targetGroups.problemKinds.${row.problem}`),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {replacing && <p className="hint">{t('targetGroups.replaceHint')}</p>}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !preview || preview.problems.length > 0 || trimmed === ''}>
        {t(replacing ? 'targetGroups.replace' : 'targetGroups.add')}
      </button>
    </form>
  );
}

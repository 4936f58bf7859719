import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../../backend/api';
import type { Werkgebied } from '../../../backend/wireTypes';
import { useAction } from '../../useAction';
import { useApiResource } from '../../useApiResource';
import { useErrorText } from '../../useErrorText';
import type { PlannerState } from '../plannerState';
import { TargetGroupFigures } from './TargetGroupFigures';
import { TargetGroupLoader } from './TargetGroupLoader';
import { PanelHeader } from '../../PanelHeader';

interface Props {
  api: WijkkrachtApi;
  werkgebied: Werkgebied | null;
  state: PlannerState;
  buurtNames: Map<string, string>;
  onClose(): void;
}

/** "Eigen doelgroepen": a programme's own people per postcode, private to the werkgebied's staff, and who of them lives within reach. */
export function TargetGroupsPanel({ api, werkgebied, state, buurtNames, onClose }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  const pickerId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const removing = useAction();
  const werkgebiedId = werkgebied?.id ?? null;
  const load = useCallback(
    () => (werkgebiedId ? api.listTargetGroups(werkgebiedId).then((list) => ({ werkgebiedId, list })) : Promise.resolve(null)),
    [api, werkgebiedId],
  );
  const groups = useApiResource(load);
  // Another werkgebied's list (still on its way out) is never shown under this one.
  const current = groups.value?.werkgebiedId === werkgebiedId ? groups.value : null;
  const list = current?.list ?? [];
  const group = list.find((item) => item.id === chosen) ?? list[0] ?? null;
  const members = (count: number | null) => (count === null ? t('targetGroups.membersFew') : t('targetGroups.members', { count }));

  return (
    <section className="comparison target-groups" aria-labelledby={titleId} data-testid="target-groups">
      <PanelHeader section titleId={titleId} title={t('targetGroups.title')} closeLabel={t('targetGroups.close')} onClose={onClose} />
      <p className="hint">{t('targetGroups.intro')}</p>
      <p className="hint">{t('targetGroups.privacy')}</p>
      {!werkgebied ? (
        <p className="notice">{t('targetGroups.chooseWerkgebied')}</p>
      ) : groups.error !== null ? (
        <p className="form-error" role="alert">
          {errorText(groups.error)}
        </p>
      ) : (
        <>
          {saved && (
            <p className="notice" role="status">
              {saved}
            </p>
          )}
          {current && list.length === 0 && <p className="notice">{t('targetGroups.none')}</p>}
          {group && (
            <>
              <label className="planner-field" htmlFor={pickerId}>
                {t('targetGroups.group')}
              </label>
              <select id={pickerId} value={group.id} onChange={(event) => setChosen(event.target.value)}>
                {list.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name} ({members(item.members)})
                  </option>
                ))}
              </select>
              <TargetGroupFigures api={api} group={group} state={state} buurtNames={buurtNames} />
              <button
                type="button"
                disabled={removing.busy}
                onClick={() => {
                  if (!window.confirm(t('targetGroups.removeConfirm', { name: group.name }))) return;
                  void removing
                    .run(async () => void (await api.deleteTargetGroup(group.id)))
                    .then((done) => {
                      if (!done) return;
                      setSaved(t('targetGroups.removed', { name: group.name }));
                      setChosen(null);
                      groups.reload();
                    });
                }}
              >
                {t('targetGroups.remove')}
              </button>
              {removing.error && (
                <p className="form-error" role="alert">
                  {removing.error}
                </p>
              )}
            </>
          )}
          {werkgebiedId && (
            <TargetGroupLoader
              key={werkgebiedId}
              api={api}
              werkgebiedId={werkgebiedId}
              groups={list}
              onSaved={(report) => {
                setSaved(t('targetGroups.added', { name: report.name }));
                setChosen(report.id ?? null);
                groups.reload();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

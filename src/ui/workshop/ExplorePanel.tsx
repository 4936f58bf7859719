import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../backend/wireTypes';
import type { ShapeDrawing } from '../../map/shapeDrawing';
import { categoryLabel } from '../categoryLabel';
import { DimensionPicker } from '../DimensionPicker';
import { DrawShapeControls } from '../drawing/DrawShapeControls';
import { CategoryPalette } from './CategoryPalette';
import { DraftSaveButtons } from './DraftSaveButtons';
import { isDrawingRoute, paletteCategories, routeCategory } from './paletteCategories';
import type { ContributionDraftState } from './useSessionDrafts';
import { contributionLocation, type ContributionDraft } from './workshopDrafts';

interface ExplorePanelProps {
  categories: Category[];
  contribution: ContributionDraftState;
  /** Drawing on the session's map, for "Teken een route"; null until the map is there. */
  drawing: ShapeDrawing | null;
  /** "Dank u wel", after the last contribution landed. */
  thanks: string | null;
}

/**
 * "Verkennen": tap a kind of place, tap the map, say why (or not), save. Three
 * taps and a few words; or draw a walking route point by point. What is typed
 * is stored as it is typed.
 */
export function ExplorePanel({ categories, contribution, drawing, thanks }: ExplorePanelProps) {
  const { t, i18n } = useTranslation();
  const ids = { story: useId(), name: useId() };
  const { draft, update, save, sending, waitingForNetwork, refusal, restoredFromEarlier } = contribution;
  const chosen = categories.find((category) => category.id === draft.category);
  const routeKind = categories.find((category) => category.id === routeCategory);
  const chooseAgain = () => update({ category: '', lon: null, lat: null, route: null });

  if (!draft.category) {
    return (
      <div className="phase-panel explore-panel">
        {thanks && (
          <p className="notice thanks" role="status">
            {thanks}
          </p>
        )}
        <CategoryPalette categories={paletteCategories(categories)} onChoose={(category) => update({ category })} />
        {routeKind && (
          <button
            type="button"
            className="palette-button draw-route-button"
            onClick={() => update({ category: routeCategory, lon: null, lat: null })}
          >
            <span className="palette-swatch route-swatch" style={{ borderColor: routeKind.color }} aria-hidden="true" />
            {t('workshop.explore.drawRoute')}
          </button>
        )}
      </div>
    );
  }

  const chosenLine = (
    <p className="chosen-category">
      <span className="palette-swatch" style={{ background: chosen?.color }} aria-hidden="true" />
      {t('workshop.explore.chosen', { category: categoryLabel(chosen, i18n.language) })}
    </p>
  );

  if (isDrawingRoute(draft)) {
    return (
      <div className="phase-panel explore-panel">
        {chosenLine}
        <DrawShapeControls
          drawing={drawing}
          kind="route"
          onFinished={(route) => update({ route: route.type === 'LineString' ? (route as ContributionDraft['route']) : null })}
          onStop={chooseAgain}
        />
      </div>
    );
  }

  if (!contributionLocation(draft)) {
    return (
      <div className="phase-panel explore-panel">
        {chosenLine}
        <p className="tap-map" role="status">
          {t('workshop.explore.tapMap')}
        </p>
        <button type="button" onClick={chooseAgain}>
          {t('workshop.explore.other')}
        </button>
      </div>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!sending) save();
  }

  return (
    <form className="phase-panel explore-panel" onSubmit={submit} noValidate>
      {chosenLine}
      {!draft.route && <p className="hint">{t('workshop.explore.moveHint')}</p>}
      {restoredFromEarlier && !sending && <p className="notice">{t('workshop.explore.draftRestored')}</p>}
      <label htmlFor={ids.story}>{t('workshop.explore.why')}</label>
      <textarea
        id={ids.story}
        rows={3}
        maxLength={5000}
        value={draft.story}
        readOnly={sending}
        placeholder={t('workshop.explore.whyPlaceholder')}
        onChange={(event) => update({ story: event.target.value })}
      />
      <DimensionPicker selected={draft.dimensions} onChange={(dimensions) => update({ dimensions })} />
      <label htmlFor={ids.name}>{t('workshop.explore.name')}</label>
      <input
        id={ids.name}
        maxLength={200}
        value={draft.name}
        readOnly={sending}
        placeholder={t(draft.route ? 'workshop.explore.routeNamePlaceholder' : 'workshop.explore.namePlaceholder')}
        onChange={(event) => update({ name: event.target.value })}
      />
      <DraftSaveButtons
        error={refusal}
        waitingForNetwork={waitingForNetwork}
        sending={sending}
        labels={{ save: t('workshop.explore.save'), saving: t('workshop.explore.saving'), other: t('workshop.explore.other') }}
        onOther={chooseAgain}
      />
    </form>
  );
}

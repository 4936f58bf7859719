import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { SessionAction } from '../../backend/sessionWireTypes';
import type { AssetFeature, Category } from '../../backend/wireTypes';
import { categoryLabel } from '../categoryLabel';
import { useDelivery } from './useDelivery';
import { useWorkshopDraft } from './useWorkshopDraft';
import { actionDrafts, contributionAsset, contributionDrafts } from './workshopDrafts';

/**
 * A new place in the session, from the palette to the database. Lives with the
 * session screen, not with the "verkennen" panel: a place still waiting for the
 * network is sent when it returns, whatever phase the room has moved on to.
 */
export function useContributionDraft(
  api: WijkkrachtApi,
  sessionId: string,
  categories: Category[],
  onSaved: (feature: AssetFeature) => void,
) {
  const { i18n } = useTranslation();
  const stored = useWorkshopDraft(contributionDrafts, sessionId);
  const delivery = useDelivery({
    draft: stored.draft,
    update: stored.update,
    send: (draft) =>
      api.addAsset(
        contributionAsset(
          draft,
          categoryLabel(
            categories.find((category) => category.id === draft.category),
            i18n.language,
          ),
        ),
      ),
    onDelivered: (feature) => {
      stored.reset();
      onSaved(feature);
    },
  });
  return { ...stored, ...delivery };
}

/** An action marked on the map ("acties"), kept and sent the same way. */
export function useActionDraft(api: WijkkrachtApi, sessionId: string, onSaved: (action: SessionAction) => void) {
  const stored = useWorkshopDraft(actionDrafts, sessionId);
  const delivery = useDelivery({
    draft: stored.draft,
    update: stored.update,
    send: (draft) => {
      if (draft.lon === null || draft.lat === null) throw new Error('an action needs a spot on the map');
      return api.addSessionAction({
        sessionId: draft.sessionId,
        lon: draft.lon,
        lat: draft.lat,
        body: draft.body.trim(),
        takenUpBy: draft.takenUpBy.trim() || undefined,
        idempotencyKey: draft.idempotencyKey,
      });
    },
    onDelivered: (action) => {
      stored.reset();
      onSaved(action);
    },
  });
  return { ...stored, ...delivery };
}

export type ContributionDraftState = ReturnType<typeof useContributionDraft>;
export type ActionDraftState = ReturnType<typeof useActionDraft>;

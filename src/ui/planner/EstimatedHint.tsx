import { useTranslation } from 'react-i18next';

/**
 * Under the planner's figures: that some cells are estimates, and how they were
 * spread — by the dwellings or buildings in them (population weights) or by area —
 * so a planner knows which method a figure rests on.
 */
export function EstimatedHint({ estimated, byWeights }: { estimated: number; byWeights: number }) {
  const { t, i18n } = useTranslation();
  const key =
    byWeights === 0 ? 'planner.estimatedHint' : byWeights >= estimated ? 'planner.estimatedAllWeightsHint' : 'planner.estimatedWeightsHint';
  return (
    <p className="hint" data-testid="estimated-hint">
      {t(key, { formatted: byWeights.toLocaleString(i18n.language) })}
    </p>
  );
}

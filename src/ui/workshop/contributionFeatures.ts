import type { SessionContributions } from '../../backend/sessionWireTypes';

export type Contribution = SessionContributions['features'][number];

/**
 * The features with their session properties (first name, counts). The wire
 * type intersects two arrays, which TypeScript's array methods read as the
 * first one's element type; this says which one is meant.
 */
export function contributionFeatures(collection: SessionContributions): Contribution[] {
  return collection.features as Contribution[];
}

/**
 * Who added each place, by its id, where the session shows first names. A
 * story told while adding a place is theirs; its own author_name is only set
 * when someone typed a name with it.
 */
export function firstNamesByPlace(collection: SessionContributions): Map<string, string | null> {
  return new Map(contributionFeatures(collection).map((feature) => [feature.id, feature.properties.first_name]));
}

import { defaultNearbyDistance, type NearbyDistance } from '../../domain/nearby';

/** Where "Wat is er in de buurt?" is asked from: a tap on the map, or what a search found (with its name). */
export interface NearbySpot {
  lon: number;
  lat: number;
  name?: string;
}

/** How far and what kind; kept by the Workspace while a place found is open, so "back" asks the same. */
export interface NearbyChoice {
  distance: NearbyDistance;
  /** A category id; '' for every kind. */
  category: string;
  /** Along paths and streets (assets_on_foot) instead of a straight line. */
  onFoot: boolean;
}

export const initialNearbyChoice: NearbyChoice = { distance: defaultNearbyDistance, category: '', onFoot: false };

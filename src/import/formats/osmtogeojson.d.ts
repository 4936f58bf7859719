/**
 * The part of osmtogeojson 2.2 (a CommonJS package without types) that the
 * OSM import uses. Without `flatProperties`, a feature's properties hold the
 * OSM type and id, the tags, and the relations the object is a member of.
 */
declare module 'osmtogeojson' {
  import type { Feature, Geometry } from 'geojson';

  /** Converts Overpass JSON (`{elements: [...]}`) or a parsed OSM XML document. */
  function osmtogeojson(data: object, options?: osmtogeojson.Options): osmtogeojson.OsmFeatureCollection;

  namespace osmtogeojson {
    interface Options {
      verbose?: boolean;
      flatProperties?: boolean;
    }

    interface RelationMembership {
      role: string;
      /** The relation's id: a number from Overpass JSON, a string from XML. */
      rel: number | string;
      reltags?: Record<string, string>;
    }

    interface OsmFeatureProperties {
      type: 'node' | 'way' | 'relation';
      id: number | string;
      tags: Record<string, string>;
      relations: RelationMembership[];
      meta: Record<string, string>;
      /** Set when members or nodes were missing, as at the edge of an extract. */
      tainted?: boolean;
    }

    /** A converted OSM object; its id is "node/123", "way/123" or "relation/123". */
    interface OsmFeature extends Feature<Geometry, OsmFeatureProperties> {
      id: string;
    }

    interface OsmFeatureCollection {
      type: 'FeatureCollection';
      features: OsmFeature[];
    }
  }

  export = osmtogeojson;
}

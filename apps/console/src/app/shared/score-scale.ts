// One colour scale for scores 0..100, shared by the map, its legend and the bar chart: five classes of
// a sequential blue-green ramp (ColorBrewer YlGnBu), distinguishable in colour-blind vision and print.

export interface ScoreClass {
  readonly min: number;
  readonly max: number;
  readonly color: string;
  /** Text colour with at least 4.5:1 contrast on `color`. */
  readonly ink: string;
  readonly label: string;
}

export const SCORE_CLASSES: readonly ScoreClass[] = [
  { min: 0, max: 20, color: '#ffffcc', ink: '#1a1a1a', label: '0–20' },
  { min: 20, max: 40, color: '#a1dab4', ink: '#1a1a1a', label: '20–40' },
  { min: 40, max: 60, color: '#41b6c4', ink: '#1a1a1a', label: '40–60' },
  { min: 60, max: 80, color: '#2c7fb8', ink: '#ffffff', label: '60–80' },
  { min: 80, max: 100, color: '#253494', ink: '#ffffff', label: '80–100' },
];

/** Marks without a score (no figures yet) are drawn in this neutral grey. */
export const NO_SCORE_COLOR = '#bdbdbd';

export function scoreClass(score: number | null | undefined): ScoreClass | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  return SCORE_CLASSES.find((c) => score < c.max) ?? SCORE_CLASSES[SCORE_CLASSES.length - 1];
}

export const scoreColor = (score: number | null | undefined): string =>
  scoreClass(score)?.color ?? NO_SCORE_COLOR;

// The report's colours, one source for the canvas, its tables and every section.

export type Rgb = readonly [number, number, number];

export const COLORS = {
  ink: [33, 37, 41],
  muted: [96, 104, 112],
  faint: [150, 156, 162],
  rule: [206, 212, 218],
  panel: [244, 246, 248],
  accent: [31, 58, 95],
  accentLight: [226, 233, 242],
  high: [176, 32, 38],
  medium: [214, 120, 20],
  low: [52, 112, 160],
  good: [36, 122, 64],
  white: [255, 255, 255],
} as const satisfies Record<string, Rgb>;

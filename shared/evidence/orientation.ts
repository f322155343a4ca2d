import type { Orientation } from './exif-summary.ts';

// EXIF orientation as a drawing transform. A camera held upright writes its pixels sideways and
// says "orientation 6"; once the metadata is gone the pixels themselves must be turned. The
// transform maps a source pixel (x, y) of a w×h picture to (a·x + c·y + e, b·x + d·y + f) in
// an output of width × height, the form of CanvasRenderingContext2D.setTransform.

export type OrientationTransform = {
  width: number;
  height: number;
  matrix: [a: number, b: number, c: number, d: number, e: number, f: number];
};

export function orientationTransform(o: Orientation, w: number, h: number): OrientationTransform {
  switch (o) {
    case 1:
      return { width: w, height: h, matrix: [1, 0, 0, 1, 0, 0] };
    case 2: // mirrored left to right
      return { width: w, height: h, matrix: [-1, 0, 0, 1, w, 0] };
    case 3: // upside down
      return { width: w, height: h, matrix: [-1, 0, 0, -1, w, h] };
    case 4: // mirrored top to bottom
      return { width: w, height: h, matrix: [1, 0, 0, -1, 0, h] };
    case 5: // mirrored along the main diagonal
      return { width: h, height: w, matrix: [0, 1, 1, 0, 0, 0] };
    case 6: // turned a quarter clockwise to be upright
      return { width: h, height: w, matrix: [0, 1, -1, 0, h, 0] };
    case 7: // mirrored along the other diagonal
      return { width: h, height: w, matrix: [0, -1, -1, 0, h, w] };
    case 8: // turned a quarter anticlockwise to be upright
      return { width: h, height: w, matrix: [0, -1, 1, 0, 0, w] };
  }
}

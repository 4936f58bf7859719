import { describe, expect, it } from 'vitest';
import { fitWithin, photoFileProblem, photoInputMaxBytes } from './photoRules';

describe('photoFileProblem', () => {
  it('lets a phone photo through, by its type or, when the browser gives none, by its name', () => {
    expect(photoFileProblem({ type: 'image/jpeg', size: 4_000_000, name: 'IMG_0001.JPG' })).toBeNull();
    expect(photoFileProblem({ type: '', size: 2_000_000, name: 'IMG_0002.HEIC' })).toBeNull();
  });

  it('refuses what is no image, and a file too large to be a photo', () => {
    expect(photoFileProblem({ type: 'application/pdf', size: 1000, name: 'folder.pdf' })).toBe('not_an_image');
    expect(photoFileProblem({ type: '', size: 1000, name: 'notes.txt' })).toBe('not_an_image');
    expect(photoFileProblem({ type: 'image/jpeg', size: photoInputMaxBytes + 1, name: 'huge.jpg' })).toBe('too_large');
  });
});

describe('fitWithin', () => {
  it('shrinks the longest side to the limit and keeps the proportions', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });

  it('leaves a small photo as it is', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});

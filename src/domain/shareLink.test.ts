import { describe, expect, it } from 'vitest';
import { appUrlFor, embedCode, shareUrl, shareViewFromSearch } from './shareLink';

const id = '3f2b6c1e-8a4d-4e2f-9b1c-0d5e6f7a8b9c';

describe('sharing a werkgebied', () => {
  it('reads a read-only link and an embed address, and nothing else', () => {
    expect(shareViewFromSearch(`?bekijk=${id}`)).toEqual({ kind: 'link', werkgebiedId: id });
    expect(shareViewFromSearch(`?soort=moestuin&ingebed=${id.toUpperCase()}`)).toEqual({ kind: 'embed', werkgebiedId: id });
    expect(shareViewFromSearch('?soort=moestuin')).toBeNull();
    expect(shareViewFromSearch('?bekijk=1%20or%201=1')).toBeNull();
    expect(shareViewFromSearch('')).toBeNull();
  });

  it('makes the address from the app page, with the filter when asked and nothing else of the page', () => {
    const page = 'https://kaart.example.nl/app/?soort=moestuin,sportclub&dimensie=meedoen&plek=x#kaart=16/52.1/4.5';
    expect(shareUrl(page, { kind: 'link', werkgebiedId: id }, '?soort=moestuin,sportclub&dimensie=meedoen&plek=x', true)).toBe(
      `https://kaart.example.nl/app/?bekijk=${id}&soort=moestuin%2Csportclub&dimensie=meedoen`,
    );
    expect(shareUrl(page, { kind: 'embed', werkgebiedId: id }, '?soort=moestuin', false)).toBe(
      `https://kaart.example.nl/app/?ingebed=${id}`,
    );
  });

  it('puts the address and a title into embed HTML that cannot break out of its attributes', () => {
    expect(embedCode(`https://kaart.example.nl/?ingebed=${id}`, 'Merenwijk "gezond" <b>')).toBe(
      `<iframe src="https://kaart.example.nl/?ingebed=${id}" title="Merenwijk &quot;gezond&quot; &lt;b&gt;" width="100%" height="480" style="border:0" loading="lazy"></iframe>`,
    );
  });

  it('leads from a share view back to the app with the same filter', () => {
    expect(appUrlFor(`https://kaart.example.nl/?ingebed=${id}&soort=moestuin`)).toBe('https://kaart.example.nl/?soort=moestuin');
  });
});

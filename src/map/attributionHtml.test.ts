import { describe, expect, it } from 'vitest';
import { attributionHtml } from './attributionHtml';

const link = (url: string, name: string) => `<a href="${url}" target="_blank" rel="noopener">${name}</a>`;
const osm = link('https://www.openstreetmap.org/copyright', 'OpenStreetMap');
const odbl = link('https://opendatacommons.org/licenses/odbl/', 'ODbL');
const ccBy = link('https://creativecommons.org/licenses/by/4.0/', 'CC BY 4.0');

describe('attributions on the map', () => {
  it('shows HTML from an imported attribution as text', () => {
    expect(attributionHtml(`<a href="https://evil">x</a> <b>bold</b> & 'quotes'`)).toBe(
      '&lt;a href=&quot;https://evil&quot;&gt;x&lt;/a&gt; &lt;b&gt;bold&lt;/b&gt; &amp; &#39;quotes&#39;',
    );
  });

  it('links known licence names to the addresses the app chose', () => {
    expect(attributionHtml('© OpenStreetMap-bijdragers (ODbL)')).toBe(`© ${osm}-bijdragers (${odbl})`);
    expect(attributionHtml('CBS en Kadaster (CC BY 4.0)')).toBe(`CBS en Kadaster (${ccBy})`);
    expect(attributionHtml('xODbL CC BY 4.01')).toBe('xODbL CC BY 4.01');
  });

  it('lets no markup through besides its own links, also around a known name', () => {
    const html = attributionHtml('<a href="https://evil/ODbL" onclick="x()">ODbL</a><img src=x onerror=alert(1)>');
    const withoutOwnLinks = html.replaceAll(odbl, '');
    expect(withoutOwnLinks).not.toMatch(/[<>"]/);
    expect(html).not.toContain('href="https://evil');
  });
});

import { describe, expect, it } from 'vitest';
import { joinUrl, routeFromHash, sessionHash, summaryHash } from './workshopRoute';

const id = '0b6f5c1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('workshop routes in the hash', () => {
  it('reads the session screen, with or beside the map view MapLibre keeps there', () => {
    expect(routeFromHash(`#workshop=${id}`)).toEqual({ name: 'session', sessionId: id });
    expect(routeFromHash(`#workshop=${id}&kaart=14/52.17/4.5`)).toEqual({ name: 'session', sessionId: id });
    expect(routeFromHash(`#kaart=14/52.17/4.5&workshop=${id}`)).toEqual({ name: 'session', sessionId: id });
  });

  it('reads the summary as a bare "verslag" key, also after MapLibre rewrote the hash', () => {
    expect(routeFromHash(summaryHash(id))).toEqual({ name: 'summary', sessionId: id });
    expect(routeFromHash(`#workshop=${id}&verslag&kaart=14/52.17/4.5`)).toEqual({ name: 'summary', sessionId: id });
  });

  it('reads the join code as typed; checking it is the join screen’s job', () => {
    expect(routeFromHash('#meedoen=ACK4DF')).toEqual({ name: 'join', code: 'ACK4DF' });
    expect(routeFromHash('#meedoen=')).toEqual({ name: 'join', code: '' });
  });

  it('lands on the map for anything else, a broken session id included', () => {
    expect(routeFromHash('')).toEqual({ name: 'map' });
    expect(routeFromHash('#kaart=14/52.17/4.5')).toEqual({ name: 'map' });
    expect(routeFromHash('#workshop=not-a-session')).toEqual({ name: 'map' });
  });

  it('writes what it reads', () => {
    expect(routeFromHash(sessionHash(id))).toEqual({ name: 'session', sessionId: id });
  });

  it('puts the app’s own address in the QR code, with the code to join', () => {
    expect(joinUrl({ origin: 'https://wijkkracht.example', pathname: '/app/' }, 'ACK4DF')).toBe(
      'https://wijkkracht.example/app/#meedoen=ACK4DF',
    );
  });
});

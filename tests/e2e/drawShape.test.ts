import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { DrawingDriver } from './drawingDriver';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const ommetje = {
  name: 'Ommetje rond de Kikkerplas',
  category: 'Wandelroute',
  dimensions: ['Lichaam', 'Meedoen'],
  story: 'Elke donderdag lopen we dit rondje met de buurvrouwen. Niet te lang, en er zijn bankjes.',
};

const speelveld = {
  name: 'Het grote grasveld',
  category: 'Park of groen',
  dimensions: ['Je goed voelen'],
  story: 'Hier spelen de kinderen na school, en ’s zomers zitten we hier met de buren.',
};

describe.skipIf(skip)('a resident draws a walking route and an area (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const places = new PlaceDriver(app);
  const drawing = new DrawingDriver(app);
  afterAll(async () => {
    await app.close();
  });

  describe('with a mouse on a shared screen', () => {
    beforeAll(async () => {
      await app.open(viewports.sharedScreen);
      await imports.startEmpty();
    });

    it('draws a route point by point, takes the last point away again, and finishes it', async () => {
      await places.startAddingPlace();
      await drawing.choose('Wandelroute');
      expect(await drawing.canUndo()).toBe(false);
      expect(await drawing.canFinish()).toBe(false);

      // West, through the centre of the map (where the route is looked for after a reload), then south-east.
      await drawing.clickPoint({ right: -200, down: 120 }, 1);
      expect(await drawing.canFinish()).toBe(false);
      await drawing.clickPoint({ right: 0, down: 0 }, 2);
      expect(await drawing.canFinish()).toBe(true);
      await drawing.clickPoint({ right: 160, down: 160 }, 3);
      await app.screenshotAtBothSizes('draw-route');

      // Not south-east after all: north-east.
      await drawing.undoLastPoint(2);
      await drawing.clickPoint({ right: 220, down: -140 }, 3);
      expect(await drawing.pointsText()).toBe('3 punten gezet Zet nog een punt, of tik op Klaar.');
      await drawing.finish();

      expect(await drawing.formTitle()).toBe('Nieuwe wandelroute');
      const shape = await drawing.drawnShape();
      expect(shape?.kind).toBe('route');
      expect(shape?.geometry.type).toBe('LineString');
      const [west, centre, last] = shape?.geometry.coordinates as number[][];
      expect(shape?.geometry.coordinates).toHaveLength(3);
      // The taken-away point lay south of the centre, the one set instead lies north of it.
      expect(west![0]).toBeLessThan(centre![0]!);
      expect(last![1]).toBeGreaterThan(centre![1]!);
    });

    it('saves the route with the same form as a place, and opens its details', async () => {
      await places.fillPlace(ommetje);
      await places.save();
      await app.waitForStatus('Opgeslagen. Dank u wel!');
      expect(await places.detailsHeading()).toBe(ommetje.name);
      expect(await drawing.drawnShape()).toBeNull();
    });

    it('after a reload, the route is on the map with its story', async () => {
      await app.reload();
      await places.openPlaceAtMapCentre();
      expect(await places.detailsHeading()).toBe(ommetje.name);
      expect(await places.storyTexts()).toEqual([ommetje.story]);
      expect(await app.textVisible('Wandelroute')).toBe(true);
      expect(app.pageErrors).toEqual([]);
    });
  });

  describe('by touch on a phone', () => {
    beforeAll(async () => {
      await app.openWithTouch(viewports.phone);
      await imports.startEmpty();
    });

    it('draws an area by tapping its corners; a tap close to the last corner adds a corner, it does not finish', async () => {
      await places.startAddingPlace();
      await drawing.choose('Gebied');
      // Around the centre of the map, above the drawing buttons (at the bottom on a phone).
      await drawing.tapPoint({ right: -120, down: -180 }, 1);
      await drawing.tapPoint({ right: 120, down: -180 }, 2);
      expect(await drawing.canFinish()).toBe(false);
      await drawing.tapPoint({ right: 120, down: 20 }, 3);
      expect(await drawing.canFinish()).toBe(true);
      // 18 px from the last corner: terra-draw would close the shape here by default (40 px).
      await drawing.tapPoint({ right: 105, down: 30 }, 4);
      await drawing.tapPoint({ right: -120, down: 20 }, 5);
      await app.screenshot('draw-area-phone-touch');
      await drawing.finish();

      expect(await drawing.formTitle()).toBe('Nieuw gebied');
      const shape = await drawing.drawnShape();
      expect(shape?.kind).toBe('area');
      expect(shape?.geometry.type).toBe('Polygon');
      // Five corners and the first again, closing the ring.
      const [ring] = shape?.geometry.coordinates as number[][][];
      expect(ring).toHaveLength(6);
      expect(ring![5]).toEqual(ring![0]);
    });

    it('loses no drawn area across a reload, and then saves it', async () => {
      await places.fillPlace({ ...speelveld, name: '' });
      await app.reload();
      expect(await drawing.formTitle()).toBe('Nieuw gebied');
      expect(await app.fieldValue('Waarom is deze plek belangrijk?')).toBe(speelveld.story);
      await app.screenshot('draw-area-phone-form-after-reload');
      await places.fillPlace(speelveld);
      await places.save();
      expect(await places.detailsHeading()).toBe(speelveld.name);
    });

    it('after a reload, tapping inside the area opens it', async () => {
      await app.reload();
      await places.openPlaceAtMapCentre();
      expect(await places.detailsHeading()).toBe(speelveld.name);
      expect(app.pageErrors).toEqual([]);
    });
  });
});

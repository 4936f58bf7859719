/**
 * A picture of the map for printing. MapLibre draws without
 * preserveDrawingBuffer, so its WebGL canvas can be read only in the task that
 * drew it; later it reads as empty, and a print (which lays the page out anew)
 * often shows a blank map (research-workshop.md §4). WijkMap alone may touch
 * the map, so this reads the canvas the one moment it is known to hold a frame:
 * MapLibre's own ResizeObserver redraws synchronously (resize, then redraw), and
 * an observer of the same element made after it runs right after, in the same task.
 */
export function captureMapPicture(mapElement: HTMLElement, timeoutMs = 1500): Promise<string | null> {
  const canvas = mapElement.querySelector('canvas');
  if (!canvas) return Promise.resolve(null);
  const widthBefore = mapElement.style.width;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (picture: string | null) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      mapElement.style.width = widthBefore;
      resolve(picture);
    };
    const observer = new ResizeObserver(() => {
      const picture = pictureOfDrawnCanvas(canvas);
      if (picture) finish(picture);
    });
    observer.observe(mapElement);
    // One pixel narrower: enough for MapLibre to resize and redraw, too little to see.
    mapElement.style.width = `${mapElement.getBoundingClientRect().width - 1}px`;
    const timer = setTimeout(() => finish(null), timeoutMs);
  });
}

/** The canvas as a PNG data URL, or null while it holds no drawn frame (the map's background is opaque). */
function pictureOfDrawnCanvas(canvas: HTMLCanvasElement): string | null {
  if (canvas.width === 0 || canvas.height === 0) return null;
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d');
  if (!context) return null;
  context.drawImage(canvas, 0, 0);
  const [, , , alpha] = context.getImageData(Math.floor(copy.width / 2), Math.floor(copy.height / 2), 1, 1).data;
  return alpha === 0 ? null : copy.toDataURL('image/png');
}

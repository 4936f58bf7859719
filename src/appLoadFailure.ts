import './appLoadFailure.css';

/**
 * The app's code could not be loaded or started (no network halfway, a page older than the files on
 * the server): without React and i18next, a plain message with a way out, in Dutch and English, so
 * nobody is left with a bare map and no buttons.
 */
export function showAppLoadFailure(error: unknown): void {
  console.error(error);
  const box = document.createElement('div');
  box.className = 'app-load-failure';
  box.setAttribute('role', 'alert');
  const dutch = document.createElement('p');
  dutch.textContent = 'De app kon niet helemaal laden. Controleer de internetverbinding en probeer het opnieuw.';
  const english = document.createElement('p');
  english.lang = 'en';
  english.textContent = 'The app could not load completely. Check the internet connection and try again.';
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Opnieuw proberen / Try again';
  retry.addEventListener('click', () => location.reload());
  box.append(dutch, english, retry);
  document.body.append(box);
}

// The background map: PDOK from the internet, or a map file kept on this device
// for when there is no internet. Dutch first, plain B1.

export const basemapNl = {
  open: 'Kaart',
  title: 'Achtergrondkaart',
  // Starts with what the button shows (WCAG 2.5.3, label in name).
  buttonName: 'Kaart: achtergrondkaart kiezen',
  intro:
    'Zonder internet is er geen kaart van PDOK. Laad daarom één keer een kaartbestand van uw regio (.pmtiles). De app bewaart het op dit apparaat en laat het zien als er geen internet is.',
  choose: 'Kaartbestand kiezen (.pmtiles)',
  loadFromNotice: 'Kaartbestand laden',
  storing: 'Het kaartbestand wordt bewaard…',
  storedFile: 'Op dit apparaat: {{name}} ({{size}} MB)',
  noneStored: 'Er staat nog geen kaartbestand op dit apparaat.',
  remove: 'Kaartbestand verwijderen',
  which: 'Welke kaart wilt u zien?',
  preferOnline: 'De kaart van internet (PDOK). Zonder internet: het kaartbestand.',
  preferStored: 'Altijd het kaartbestand op dit apparaat.',
  offlineStored: 'Geen internet: u ziet de kaart die op dit apparaat staat.',
  fontCredit: 'Letters op de kaart: Noto Sans (SIL Open Font License).',
  fontLicence: 'Licentie',
  close: 'Sluiten',
  errors: {
    empty: 'Dit bestand is leeg.',
    tooLarge: 'Dit kaartbestand is te groot. Het mag hoogstens 500 MB zijn. Maak een kaartbestand van een kleiner gebied.',
    notPmtiles: 'Dit is geen kaartbestand. Kies een bestand dat eindigt op .pmtiles.',
    oldVersion: 'Dit kaartbestand is van een oude soort. Maak het opnieuw met het programma pmtiles.',
    notVector: 'Dit kaartbestand bevat foto’s of plaatjes. De app kan alleen kaarten met lijnen en vlakken tonen (vector).',
    unknownLayers: 'De app kent de inhoud van dit kaartbestand niet. Gebruik een uitsnede van Protomaps.',
    unreadable: 'Dit kaartbestand is kapot of niet te lezen.',
    storeFailed: 'Het kaartbestand kon niet worden bewaard. Is er genoeg ruimte op dit apparaat?',
  },
};

export const basemapEn: typeof basemapNl = {
  open: 'Map',
  title: 'Background map',
  buttonName: 'Map: choose the background map',
  intro:
    'Without internet there is no PDOK map. So load a map file of your region once (.pmtiles). The app keeps it on this device and shows it when there is no internet.',
  choose: 'Choose a map file (.pmtiles)',
  loadFromNotice: 'Load a map file',
  storing: 'Keeping the map file…',
  storedFile: 'On this device: {{name}} ({{size}} MB)',
  noneStored: 'There is no map file on this device yet.',
  remove: 'Remove the map file',
  which: 'Which map do you want to see?',
  preferOnline: 'The map from the internet (PDOK). Without internet: the map file.',
  preferStored: 'Always the map file on this device.',
  offlineStored: 'No internet: you see the map kept on this device.',
  fontCredit: 'Letters on the map: Noto Sans (SIL Open Font License).',
  fontLicence: 'Licence',
  close: 'Close',
  errors: {
    empty: 'This file is empty.',
    tooLarge: 'This map file is too large. It may be at most 500 MB. Make a map file of a smaller area.',
    notPmtiles: 'This is not a map file. Choose a file ending in .pmtiles.',
    oldVersion: 'This map file is of an old kind. Make it again with the pmtiles program.',
    notVector: 'This map file holds photos or images. The app can only show maps of lines and areas (vector).',
    unknownLayers: 'The app does not know what is in this map file. Use an extract from Protomaps.',
    unreadable: 'This map file is broken or cannot be read.',
    storeFailed: 'The map file could not be kept. Is there enough space on this device?',
  },
};

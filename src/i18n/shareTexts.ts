// Sharing a werkgebied's map: the share dialog, the read-only link and the embed page. Dutch first, plain B1.

export const shareNl = {
  open: 'Delen',
  title: 'Kaart delen',
  embeddedIntro:
    'Deze kaart staat alleen op dit apparaat. Een link of een kaart op een website werkt pas met de gedeelde opslag (Supabase), die een organisatie voor de hele wijk instelt.',
  embeddedExport: 'Wat wel kan: de plekken downloaden en het bestand delen of openen in een ander programma.',
  toExport: 'Naar Gegevens downloaden',
  intro: 'Iedereen met de link ziet de kaart van een werkgebied, zonder iets te kunnen veranderen. Namen van bewoners staan er niet in.',
  werkgebied: 'Welk werkgebied',
  noWerkgebieden: 'Er is nog geen werkgebied. Een beheerder maakt het aan bij Werkgebieden.',
  withFilter: 'Met het filter dat nu aan staat',
  link: 'Link om te bekijken',
  embed: 'Code voor een website (iframe)',
  embedHint:
    'Plak deze code in een pagina van uw gemeente of programma. De kaart toont de plekken en wie de gegevens levert, zonder knoppen om te veranderen.',
  embedTitle: 'Kaart van {{name}} (Wijkkracht)',
  copy: 'Kopieer',
  copyLink: 'Kopieer de link',
  copyEmbed: 'Kopieer de code',
  copied: 'Gekopieerd.',
  copyFailed: 'Kopiëren lukt niet in deze browser. Selecteer de tekst en kopieer hem zelf.',
  openLink: 'Open de link',
  close: 'Sluiten',
  viewOnly: 'Alleen bekijken',
  joinIn: 'Doe mee in de app',
  openInApp: 'Open in Wijkkracht',
  unknownWerkgebied: 'Dit werkgebied bestaat niet (meer). Vraag om een nieuwe link.',
};

export const shareEn: typeof shareNl = {
  open: 'Share',
  title: 'Share the map',
  embeddedIntro:
    'This map is only on this device. A link, or a map on a website, needs the shared storage (Supabase), which an organisation sets up for the whole neighbourhood.',
  embeddedExport: 'What you can do: download the places and share the file or open it in another program.',
  toExport: 'Go to Download data',
  intro: 'Anyone with the link sees the map of a working area and cannot change anything. No resident is named in it.',
  werkgebied: 'Which working area',
  noWerkgebieden: 'There is no working area yet. An administrator creates one under Working areas.',
  withFilter: 'With the filter that is on now',
  link: 'Link to view',
  embed: 'Code for a website (iframe)',
  embedHint:
    'Paste this code into a page of your municipality or programme. The map shows the places and who provides the data, without buttons to change anything.',
  embedTitle: 'Map of {{name}} (Wijkkracht)',
  copy: 'Copy',
  copyLink: 'Copy the link',
  copyEmbed: 'Copy the code',
  copied: 'Copied.',
  copyFailed: 'Copying does not work in this browser. Select the text and copy it yourself.',
  openLink: 'Open the link',
  close: 'Close',
  viewOnly: 'View only',
  joinIn: 'Take part in the app',
  openInApp: 'Open in Wijkkracht',
  unknownWerkgebied: 'This working area does not exist (any more). Ask for a new link.',
};

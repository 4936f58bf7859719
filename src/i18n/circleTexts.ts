// Circles ("Cirkel met sleutelfiguur"): what the key person agrees to, how the
// public sees a circle, and withdrawing. Dutch first, plain B1.

export const circleNl = {
  consentTitle: 'Toestemming van de sleutelfiguur',
  consentExplained:
    'Iedereen ziet deze cirkel op de kaart in zijn buurt, niet op het adres. Naam en beschrijving zijn voor iedereen te lezen. Zet er geen telefoonnummer of e-mailadres bij: wie mee wil doen, vraagt het aan de begeleider.',
  consent: 'Ik ben de sleutelfiguur (of spreek namens haar of hem) en geef toestemming om deze cirkel zo op de kaart te zetten.',
  consentNeeded: 'Vink eerst de toestemming aan.',
  shownAt: {
    buurt: 'Deze cirkel staat op de kaart midden in zijn buurt, niet op het adres.',
    cell: 'Deze cirkel staat op de kaart in een vak van 100 bij 100 meter, niet op het adres.',
  },
  contact: 'Wilt u meedoen? Vraag het aan de begeleider van dit werkgebied.',
  insider: 'U ziet ook de precieze plek, omdat u de sleutelfiguur of begeleider bent. Anderen zien die niet.',
  withdraw: 'Toestemming intrekken',
  withdrawQuestion:
    'Weet u het zeker? De cirkel gaat van de kaart, met de verhalen erbij. In de geschiedenis blijft alleen staan dat er iets is veranderd. Dit kan niet ongedaan worden gemaakt.',
  withdrawConfirm: 'Ja, haal de cirkel weg',
  withdrawn: 'De toestemming is ingetrokken. De cirkel staat niet meer op de kaart.',
};

export const circleEn: typeof circleNl = {
  consentTitle: "The key person's consent",
  consentExplained:
    'Everyone sees this circle on the map in its neighbourhood, not at its address. Its name and description can be read by all. Add no phone number or e-mail address: whoever wants to join asks the facilitator.',
  consent: 'I am the key person (or speak for them) and agree to put this circle on the map this way.',
  consentNeeded: 'Tick the consent first.',
  shownAt: {
    buurt: 'This circle is shown in the middle of its neighbourhood, not at its address.',
    cell: 'This circle is shown in a square of 100 by 100 metres, not at its address.',
  },
  contact: "Would you like to join? Ask this area's facilitator.",
  insider: 'You also see the exact place because you are the key person or a facilitator. Others do not.',
  withdraw: 'Withdraw consent',
  withdrawQuestion:
    'Are you sure? The circle leaves the map, with its stories. The history keeps only that something changed. This cannot be undone.',
  withdrawConfirm: 'Yes, remove the circle',
  withdrawn: 'Consent withdrawn. The circle is no longer on the map.',
};

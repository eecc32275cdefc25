import { AP_URL, listWith, type Words } from './words.js';

/** Dutch, at language level B1. */
export const NL: Words = {
  lang: 'nl',
  title: 'Inzage in uw gegevens',
  intro:
    'U heeft gevraagd welke gegevens Samenhang over u heeft. Dat is uw recht (AVG artikel 15). In dit overzicht leest u welke meldingen over u gaan, wie ze heeft gezien, waarom, en hoe lang we ze bewaren.',
  generated: (date) => `Gemaakt op ${date}.`,
  print: 'Afdrukken / opslaan als PDF',
  requester: {
    self: 'U vraagt dit overzicht voor uzelf.',
    parent: 'Een ouder vraagt dit overzicht voor een kind.',
    guardian: 'Een voogd vraagt dit overzicht voor een kind.',
    representative: 'Een vertegenwoordiger vraagt dit overzicht.',
  },
  mustCheck:
    'Let op: de functionaris gegevensbescherming moet dit overzicht controleren voordat het wordt verstuurd. Het gaat over iemand anders dan de aanvrager.',
  checkedBy: (who) => `Gecontroleerd door ${who}.`,
  subjectAdult:
    'Deze persoon is 16 jaar of ouder. Vanaf 16 jaar vraagt iemand in de regel zelf om inzage. De functionaris gegevensbescherming beslist of de ouder of voogd dit overzicht krijgt.',
  yourData: 'Uw gegevens',
  name: 'Naam',
  birthDate: 'Geboortedatum',
  noPersonHeld: 'Wij bewaren geen naam en geboortedatum van u (meer).',
  signalsHeading: (n) => (n === 1 ? 'Eén melding over u' : `${n} meldingen over u`),
  noSignals: 'Er zijn geen meldingen over u.',
  signalHeading: (category, agency, date) => `${category} — ${agency}, ${date}`,
  roleSubject: 'Deze melding gaat over u.',
  roleRelated: 'Deze melding gaat over iemand anders. U wordt erin genoemd.',
  source: 'Van wie komt de melding',
  what: 'Soort melding',
  severityLabel: 'Hoe ernstig',
  summary: 'Wat er staat',
  address: 'Adres',
  purposeLabel: 'Waarvoor',
  basisLabel: 'Waarom dit mag',
  outcomeLabel: 'Wat er gedeeld is',
  recipientsLabel: 'Wie het heeft gezien',
  retentionLabel: 'Hoe lang we het bewaren',
  retention: (months, until) => `${months} maanden na de melding, dus tot uiterlijk ${until}.`,
  assumption: 'Deze regel gaat uit van een wet die nog niet is aangenomen.',
  sent: (who, times, first, last) =>
    times === 1
      ? `Gestuurd naar ${who} op ${first}.`
      : `Gestuurd naar ${who}: ${times} keer, van ${first} tot ${last}.`,
  viewed: (who, times, viewers, first, last) =>
    `Bekeken door ${viewers === 1 ? 'een medewerker' : `${viewers} medewerkers`} van ${who}: ${times === 1 ? `op ${first}` : `${times} keer, van ${first} tot ${last}`}.`,
  showed: (fields) => `Daarbij te zien: ${fields}.`,
  nothingOfYou: 'Daarbij was niets over u te zien.',
  notShown: 'Niemand heeft deze melding gezien.',
  relatedNoCopy:
    'De tekst van deze melding gaat over iemand anders. Die krijgt u niet. Wel staat hierboven wat er over u te zien was.',
  withheldHeading: 'Wat niet in dit overzicht staat',
  withheld: {
    others: (n) =>
      `${n === 1 ? 'Eén melding' : `${n} meldingen`} over andere mensen uit hetzelfde gezin. Die gegevens zijn van hen (AVG artikel 15 lid 4).`,
    reporter: () =>
      'Wie een zorg heeft gemeld. Dat houden we geheim om die persoon te beschermen (Jeugdwet artikel 7.3.11, AVG artikel 23).',
    'requester-involved': (n) =>
      `${n === 1 ? 'Eén melding' : `${n} meldingen`} waarin de aanvrager zelf wordt genoemd. Die geven we niet aan de aanvrager, om het kind te beschermen (UAVG artikel 41, Jeugdwet artikel 7.3.11).`,
  },
  rightsHeading: 'Uw rechten',
  rights: [
    'Kloppen uw gegevens niet? Dan kunt u vragen ze te verbeteren (AVG artikel 16).',
    'U kunt vragen uw gegevens te wissen (AVG artikel 17).',
    'U kunt bezwaar maken tegen het gebruik van uw gegevens (AVG artikel 21).',
  ],
  complaint: `Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens: ${AP_URL}.`,
  sendTo: (contact) => `Stuur uw verzoek naar: ${contact}. U krijgt binnen een maand antwoord.`,
  humanJudgement:
    'Dit overzicht is automatisch gemaakt. Een medewerker kijkt of er iets moet worden weggelaten om anderen te beschermen.',
  categories: {
    DOMESTIC_VIOLENCE: 'Huiselijk geweld',
    CHILD_ABUSE: 'Kindermishandeling',
    AGGRESSION: 'Agressie',
    HOUSING_NUISANCE: 'Overlast in de woonomgeving',
    PSYCHIATRIC_CRISIS: 'Psychische crisis',
    ADDICTION: 'Verslaving',
    DEBT: 'Schulden',
    HOUSING_PROBLEM: 'Problemen met wonen',
    DIVORCE_CONFLICT: 'Conflict bij scheiding',
    CRIMINAL_CASE: 'Strafzaak',
    SCHOOL_ABSENCE: 'Schoolverzuim',
    OTHER: 'Andere zorg',
  },
  severities: { LOW: 'laag', MEDIUM: 'gemiddeld', HIGH: 'hoog', ACUTE: 'acuut gevaar' },
  purposes: {
    SAFETY_ASSESSMENT:
      'Beoordelen of u en uw gezin veilig zijn, zodat hulpverleners samen kunnen helpen als dat nodig is.',
    ACCESS_REQUEST: 'Uw verzoek om inzage.',
  },
  outcomes: {
    DISCLOSE: 'De inhoud van de melding is gedeeld.',
    INDEX: 'Alleen gedeeld dat er een melding is, niet de inhoud.',
    HOLD: 'Alleen gedeeld dat er een melding is. Een medewerker beoordeelt of meer mag.',
    DENY: 'Niets gedeeld.',
  },
  rules: {
    R0: 'Er ontbrak iets of er ging iets mis. Daarom is niets gedeeld.',
    R1: 'Het veiligheidsteam heeft deze melding zelf gemaakt. Het mag die gebruiken voor zijn taak in de wet.',
    R2: 'Er is geen regel die delen van de inhoud toestaat. Daarom is alleen gedeeld dat er een melding is.',
    R3: 'De organisatie heeft volgens de meldcode besloten huiselijk geweld of kindermishandeling te melden. De wet staat dat toe.',
    R5: 'Gegevens over gezondheid zijn extra beschermd. Daarom is alleen gedeeld dat er een melding is.',
    R6: 'Er was acuut gevaar. Delen mag dan om iemands leven of gezondheid te beschermen.',
    R7: 'De politie mag deze gegevens delen volgens de Wet politiegegevens.',
    R8: 'Gegevens over een strafzaak zijn extra beschermd. Daarom is alleen gedeeld dat er een melding is.',
    R9: 'U heeft toestemming gegeven om dit te delen.',
    R14: 'De bewaartermijn is voorbij. Daarom is niets meer gedeeld.',
    R15: 'U heeft uw toestemming ingetrokken of bezwaar gemaakt. Een medewerker beoordeelt wat er mag.',
    'HUMAN-UPHELD': 'Een medewerker heeft bekeken of delen terecht was, en vond van wel.',
    'HUMAN-WITHDRAW': 'Een medewerker heeft besloten dat delen niet terecht was. Het is teruggetrokken.',
    'HUMAN-WITHDRAWN': 'Een medewerker heeft besloten dat delen niet terecht was. Het is teruggetrokken.',
    'HUMAN-RELEASE': 'Een medewerker heeft beoordeeld dat de inhoud toch gedeeld mag worden.',
    'HUMAN-DENY': 'Een medewerker heeft beoordeeld dat de inhoud niet gedeeld mag worden.',
  },
  unknownRule: 'De wet die hierbij hoort staat tussen haakjes.',
  fields: {
    agency: 'van welke organisatie',
    category: 'soort melding',
    severity: 'hoe ernstig',
    observedAt: 'datum',
    expiresAt: 'einddatum',
    legalGround: 'reden om te delen',
    contact: 'contactpersoon van de organisatie',
    summary: 'wat er staat',
    address: 'adres',
    'subject.name': 'uw naam',
    'subject.birthDate': 'uw geboortedatum',
    relatedPersons: 'uw naam, geboortedatum en relatie tot de ander',
  },
  list: listWith('en'),
};

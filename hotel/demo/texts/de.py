"""German texts of the demo catalogue: departments, services and packages."""

DEPARTMENTS = {
    "reception": "Rezeption",
    "housekeeping": "Housekeeping",
    "kids-club": "Kinderclub",
    "restaurant": "Restaurant",
    "excursions": "Ausflugsschalter",
    "transport": "Fahrdienst",
    "wellness": "Wellness und Pools",
    "stables": "Reitstall und Bauernhof",
    "boat-house": "Bootshaus",
    "sports": "Sport",
    "entertainment": "Unterhaltung",
}

SERVICES = {
    "crib": (
        "Babybett im Zimmer",
        (
            "Ein Babybett aus Holz mit frischer Matratze, Spannbettlaken und leichter Decke. "
            "Unser Housekeeping stellt es am Anreisetag auf, bevor Sie Ihr Zimmer beziehen. "
            "Es eignet sich für Babys bis etwa zwei Jahre, und wir stellen es gern in eine "
            "andere Ecke des Zimmers, wenn Sie das möchten."
        ),
    ),
    "stroller": (
        "Kinderwagen-Verleih",
        (
            "Ein geländegängiger Kinderwagen mit Sonnendach, Regenschutz und Korb, robust "
            "genug für die Kieswege rund um den See. Sie erhalten ihn ab 8:00 Uhr an der "
            "Rezeption und geben ihn am letzten gebuchten Tag bis 20:00 Uhr dort zurück. "
            "Geeignet für Kinder von sechs Monaten bis etwa vier Jahren."
        ),
    ),
    "kids-animation": (
        "Kinderanimation",
        (
            "Unser Animationsteam bietet zwei Stunden Spiele, Basteln, Schatzsuchen und "
            "Kinderschminken auf der Wiese hinter dem Kinderclub – bei Regen geht es nach "
            "drinnen. Die Kinder spielen in Altersgruppen; Eltern können sie abgeben oder "
            "dabeibleiben und zuschauen. Bitte denken Sie an Sonnenhut und Trinkflasche."
        ),
    ),
    "kids-party": (
        "Kinderparty",
        (
            "Jeden Mittwoch- und Samstagnachmittag feiert der Kinderclub eine Mottoparty "
            "(Piraten, Waldtiere oder Zirkus) mit Musik, Spielen, einer kleinen Show und "
            "Kuchen, geleitet von unserem Animationsteam, während die Eltern nebenan auf der "
            "Terrasse entspannen. Hat Ihr Kind während des Aufenthalts Geburtstag, sagen Sie "
            "uns vorher Bescheid – dann gibt es ein Ständchen und ein kleines Geschenk."
        ),
    ),
    "children-pool": (
        "Planschzeit im beheizten Kinderbecken",
        (
            "Eine Stunde im flachen Innenbecken bei 32 °C, mit Schwimmhilfen, Wasserspielzeug "
            "und einer Aufsicht, die die ganze Zeit am Beckenrand steht. Kinder unter sechs "
            "Jahren brauchen eine erwachsene Begleitperson im Wasser; Schwimmwindeln gibt es "
            "an der Poolrezeption. Wir halten die Gruppen klein, damit die Kleinen genug "
            "Platz zum Planschen haben."
        ),
    ),
    "kids-club": (
        "Betreute Zeit im Kinderclub",
        (
            "Drei Stunden im Kinderclub mit ausgebildeten Betreuerinnen und Betreuern: "
            "Spielplatz, Kletterwand für Anfänger, Bauklötze und eine Leseecke für ruhigere "
            "Momente. Ein gesunder Snack und Getränke sind inbegriffen; bitte informieren Sie "
            "das Team beim Bringen Ihres Kindes über eventuelle Allergien."
        ),
    ),
    "babysitting": (
        "Babysitting",
        (
            "Eine unserer geprüften Babysitterinnen betreut Ihre Kinder in Ihrem Zimmer, "
            "während Sie in Ruhe zu Abend essen oder einen Abend für sich genießen. Nennen "
            "Sie uns Datum, Beginn und die gewünschte Anzahl Stunden; die Rezeption bestätigt, "
            "sobald eine Betreuung eingeteilt ist. Der Stundensatz gilt für bis zu drei "
            "Kinder einer Familie."
        ),
    ),
    "paediatrician": (
        "Kinderarztbesuch",
        (
            "Fühlt sich Ihr Kind nicht wohl, organisiert die Rezeption einen Besuch der "
            "Kinderärztin aus dem Dorf – in Ihrem Zimmer oder in der Praxis, zehn Autominuten "
            "entfernt. Beschreiben Sie kurz die Beschwerden, damit sich die Ärztin vorbereiten "
            "kann. Der Preis deckt die Untersuchung; Medikamente bezahlen Sie in der Apotheke. "
            "Im Notfall rufen Sie sofort die Rezeption unter der 9 an oder wählen die 112."
        ),
    ),
    "childrens-menu": (
        "Kindermenü",
        (
            "Mittag- und Abendessen in Kinderportionen von unserer Kinderkarte, etwa Nudeln "
            "mit Tomatensoße, Fischstäbchen mit Kartoffeln oder die Gemüsesuppe des Tages, "
            "jeweils mit Nachtisch. Hochstuhl und Buntstifte warten schon am Tisch. Babys bis "
            "zwei Jahre essen kostenlos; bitte nennen Sie Ihrer Servicekraft eventuelle "
            "Allergien."
        ),
    ),
    "family-excursion": (
        "Familienausflug",
        (
            "Ein Halbtagesausflug im Kleinbus zu einem Milchbauernhof im Nachbartal: Die "
            "Kinder helfen beim Füttern der Kälber, alle probieren frischen Käse, und danach "
            "geht es auf einem leichten Spaziergang zu einem Wasserfall. Ein Guide des Hotels "
            "führt die Gruppe, und der Weg ist kinderwagentauglich. Bitte festes Schuhwerk "
            "und Regenjacken mitbringen."
        ),
    ),
    "sports-equipment": (
        "Sportausrüstung: Mountainbike",
        (
            "Ein frisch gewartetes Mountainbike mit Helm, Schloss und einer Karte der "
            "markierten Wege rund um den See und hinauf zum Kiefernkamm. Sie holen es an der "
            "Sporthütte bei den Tennisplätzen ab, wo das Team den Sattel einstellt und eine "
            "Route vorschlägt. Die Rahmen passen ab einer Körpergröße von etwa 1,45 m."
        ),
    ),
    "kids-equipment": (
        "Ausstattungsset für Kleinkinder",
        (
            "Ein Set für Babys und Kleinkinder: Flaschenwärmer, Babybadewanne, "
            "Wickelunterlage, Bettgitter und Babyfon. Das Housekeeping bringt es am ersten "
            "gebuchten Tag in Ihr Zimmer und holt es nach dem letzten wieder ab – so reisen "
            "Sie mit leichtem Gepäck."
        ),
    ),
    "transfer": (
        "Privater Transfer",
        (
            "Unser Fahrer erwartet Sie mit Namensschild am Flughafen oder Bahnhof und bringt "
            "Sie in einem geräumigen Van mit Platz für Gepäck und Kinderwagen ans Ziel; "
            "Kindersitze bauen wir kostenlos ein. Nennen Sie uns Abholort, Ziel, Flug- oder "
            "Zugnummer und die Anzahl der Personen; die Rezeption bestätigt die Abholzeit. "
            "Der Preis gilt für eine Fahrt mit bis zu sieben Personen."
        ),
    ),
    "group-excursion": (
        "Tagesausflug in der Gruppe",
        (
            "Ein ganzer Tag im Reisebus mit Reiseleitung: vormittags die Altstadt am Fluss, "
            "mittags ein Essen in einem Gasthof mit Familientradition und nachmittags mit der "
            "Seilbahn hinauf zum Aussichtspunkt. Mittagessen und Seilbahntickets sind "
            "inbegriffen; der Bus fährt pünktlich um 8:30 Uhr am Haupteingang ab. Tragen Sie "
            "bequeme Schuhe und nehmen Sie für oben eine warme Jacke mit."
        ),
    ),
    "private-tour": (
        "Private Führung",
        (
            "Ein halber Tag mit eigenem Guide und Auto, ganz nach Ihren Interessen: Burgen, "
            "Weinkeller, Wandern, Fotografie oder regionales Handwerk. Nennen Sie uns Ihre "
            "Interessen, die Zahl der Personen und den Abholort, und der Ausflugsschalter "
            "schickt Ihnen eine Route zur Bestätigung. Der Preis gilt für die ganze Gruppe "
            "mit bis zu sechs Personen."
        ),
    ),
    "disco-night": (
        "Disco-Abend",
        (
            "Freitag- und Samstagabend wird die Kellerbar zur Tanzfläche – mit DJ, Lichtshow "
            "und aktuellen Hits und Klassikern bis 1:00 Uhr. Im Eintritt ist ein Getränk "
            "Ihrer Wahl enthalten. Einlass ab 16 Jahren; bitte bringen Sie einen Ausweis mit."
        ),
    ),
    "event-tickets": (
        "Tickets für Veranstaltungen in der Region",
        (
            "Die Rezeption besorgt Ihnen Tickets für Konzerte, Sommerfestivals, die "
            "Freilichtbühne am See und Spiele in der nahen Stadt. Nennen Sie uns Veranstaltung "
            "und Datum; wir prüfen die Plätze und bestätigen, bevor etwas auf Ihr Zimmer "
            "gebucht wird. Der angezeigte Preis gilt für einen Standardplatz – kostet Ihre "
            "Veranstaltung mehr oder weniger, sagen wir es Ihnen vor der Buchung."
        ),
    ),
    "car-rental": (
        "Mietwagen",
        (
            "Ein kompakter Fünfsitzer mit Automatikgetriebe, vollem Tank und unbegrenzten "
            "Kilometern in der Region, für Sie vor dem Hotel geparkt. Wer fährt, braucht "
            "einen Führerschein, der seit mindestens einem Jahr besteht, und eine Kreditkarte "
            "für die Kaution; Kindersitze und eine Dachbox gibt es auf Anfrage."
        ),
    ),
    "scooter-rental": (
        "Motorroller-Verleih",
        (
            "Ein 125-cm³-Roller mit zwei Helmen, Topcase und einer Karte ruhiger Landstraßen, "
            "ab 9:00 Uhr bereit am Schalter des Fahrdiensts. Sie brauchen einen Führerschein "
            "für Krafträder bis 125 cm³. Die erste Tankfüllung ist inbegriffen; bitte geben "
            "Sie den Schlüssel bis 19:00 Uhr zurück."
        ),
    ),
    "fishing-trip": (
        "Angeltour mit Begleitung",
        (
            "Fahren Sie im Morgengrauen mit unserem Bootshauswart zu seinen Lieblingsplätzen "
            "für Barsch, Hecht und Forelle. Ruten, Köder, der Tagesangelschein und ein heißes "
            "Getränk sind inbegriffen, und wenn Sie möchten, grillt die Küche Ihren Fang zum "
            "Abendessen. Ziehen Sie sich warm an: Frühmorgens ist es auf dem Wasser kühl."
        ),
    ),
    "horse-riding": (
        "Ausritt",
        (
            "Neunzig Minuten auf ruhigen Pferden über Waldwege und am Seeufer entlang, "
            "begleitet von einer Reitlehrerin unseres Stalls. Anfänger bekommen vorher eine "
            "kurze Einführung auf dem Reitplatz; Helme und Sicherheitswesten werden gestellt. "
            "Bitte lange Hosen und feste Schuhe tragen; Reiterinnen und Reiter müssen "
            "mindestens 8 Jahre alt sein und weniger als 95 kg wiegen."
        ),
    ),
    "pony-ride": (
        "Ponyreiten für die Kleinen",
        (
            "Die kleinen Reiter sitzen auf einem unserer sanften Ponys, das ein Pferdepfleger "
            "durch den Obstgarten führt, während ein Elternteil nebenhergeht. Danach striegeln "
            "die Kinder ihr Pony und geben ihm eine Karotte. Helme in kleinen Größen werden "
            "gestellt."
        ),
    ),
    "boat-trip": (
        "Bootsfahrt auf dem See",
        (
            "Eine Stunde auf unserem leisen Elektroboot hinüber zur fernen Bucht und zurück, "
            "während der Kapitän vom See, seinen Inseln und den Vögeln erzählt, die dort "
            "nisten. An kühleren Tagen liegen Decken an Bord, und ein zusammengeklappter "
            "Kinderwagen hat Platz. Bitte seien Sie zehn Minuten vor der Abfahrt am Steg des "
            "Hotels."
        ),
    ),
    "boat-rental": (
        "Ruderboot-Verleih",
        (
            "Nehmen Sie eines unserer vier Ruderboote für eine Stunde und erkunden Sie in "
            "Ihrem eigenen Tempo den Schilfgürtel und die kleine Insel. Jedes Boot bietet "
            "Platz für bis zu vier Personen, mit Schwimmwesten für Erwachsene und Kinder, und "
            "das Team vom Bootshaus zeigt Ihnen vor dem Ablegen den sicheren Bereich. Kinder "
            "unter 14 Jahren fahren nur mit einem Erwachsenen hinaus."
        ),
    ),
    "sauna": (
        "Saunabesuch",
        (
            "Zwei Stunden im Saunahaus am See mit finnischer Sauna, Dampfbad, Tauchbecken "
            "und einem Ruheraum mit Blick aufs Wasser. Handtücher, Bademäntel und Kräutertee "
            "liegen bereit. Zutritt ab 16 Jahren; bitte setzen Sie sich in der Sauna auf Ihr "
            "Handtuch."
        ),
    ),
    "bath-house": (
        "Privates Badehaus",
        (
            "Das hölzerne Badehaus am Ufer, ganz für Ihre Gruppe: ein holzbeheizter Badezuber "
            "mit etwa 38 °C, eine kleine Sauna und eine Terrasse über dem Wasser. Das "
            "Wellness-Team heizt vorher ein und legt Handtücher und einen Krug kaltes Wasser "
            "bereit. Der Preis gilt pro Termin für bis zu sechs Personen; Kinder sind in "
            "Begleitung ihrer Eltern willkommen."
        ),
    ),
    "paintball": (
        "Paintball im Wald",
        (
            "Zwei Teams spielen „Capture the Flag“ in einem eingezäunten, markierten Teil des "
            "Kiefernwalds. Ein Schiedsrichter unseres Sportteams erklärt die Regeln und achtet "
            "auf die Sicherheit. Markierer, Masken, Overalls und 200 Farbkugeln pro Person "
            "sind inbegriffen. Mindestalter 14 Jahre; bei Minderjährigen muss ein Elternteil "
            "die Haftungserklärung unterschreiben."
        ),
    ),
    "petting-zoo": (
        "Besuch im Streichelzoo",
        (
            "Lernen Sie im Streichelzoo neben dem Reitstall Ziegen, Kaninchen, Schafe und "
            "unsere beiden Esel kennen. Eine Tierpflegerin erzählt den Kindern, wie jedes Tier "
            "heißt und was es erlebt hat. Am Eingang gibt es Tüten mit passendem Futter. "
            "Tragen Sie Schuhe, die schmutzig werden dürfen."
        ),
    ),
    "mini-farm": (
        "Ein Morgen auf dem Minibauernhof",
        (
            "Begleiten Sie den Bauern auf seiner Morgenrunde: Eier bei den Hühnern einsammeln, "
            "eine Ziege melken und im Küchengarten Gemüse ernten, das das Restaurant am selben "
            "Tag kocht. Kinder jeden Alters machen gemeinsam mit ihren Eltern mit, und in der "
            "Scheune warten Gummistiefel in vielen Größen."
        ),
    ),
}

PACKAGES = {
    "family": (
        "Familienpaket",
        (
            "Alles, was eine Familie für einen entspannten Aufenthalt braucht: vom Babybett, "
            "das bei Ihrer Ankunft bereitsteht, über Zeit im Kinderclub und Babysitting bis "
            "zum Kindermenü. Als Teil des Pakets gebuchte Leistungen erhalten Sie zu einem "
            "reduzierten Preis."
        ),
    ),
    "outdoor": (
        "Outdoor-Paket",
        (
            "Für Gäste, die hinaus möchten und die Region entdecken wollen: Transfers, "
            "Tagesausflüge in der Gruppe und private Führungen, ein eigenes Auto oder ein "
            "Motorroller, Disco-Abende und Tickets für Veranstaltungen in der Region. Als "
            "Paket gebucht, sparen Sie bei jeder Leistung."
        ),
    ),
    "nature": (
        "Natur-Extras",
        (
            "See, Wald und Bauernhof beginnen direkt vor der Tür: Angeln im Morgengrauen, "
            "Reiten und Rudern, Saunaabende, Paintball zwischen den Kiefern und Vormittage "
            "bei den Tieren. Als Paket kombiniert, zahlen Sie weniger."
        ),
    ),
}

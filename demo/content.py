# ruff: noqa: E501  (prose and one-line data records read better unwrapped)
"""The demo's content as plain Python data: no models, no Django, nothing generated here.

Every record has a stable natural key (a slug, a ``key`` or an inventory number) so the
loader can find it again and update it instead of adding a duplicate. The people are
invented; the neighbourhoods, coordinates and history around them are real.

References between records use keys:
- ``community``: a key in COMMUNITIES
- people (``narrators``, ``interviewer``, ``brought_by``): keys in PEOPLE
- ``places``: keys in PLACES; ``languages``: codes seeded by stories/migrations/0002
- ``recording``: a key in RECORDINGS
- depot references: an inventory number ("BK-2019-0007", see DEPOT_ITEMS) or a pair
  (collection slug, n): the n-th generated item of that collection (see DEPOT_GENERATOR)
- ``licence``: a member name of stories.models.choices.Licence (e.g. "CC_BY_NC_SA")
- ``access``: a value of core.choices.AccessLevel
- ``status``: a value of stories.models.choices.ObjectStatus
- story ``body`` items, as tuples:
    ("p", text)                               a paragraph (plain text, escaped by the loader)
    ("quote", text, speaker)                  the teller's words
    ("image", caption, alt_text)              a generated image
    ("clip", recording key, start, end, caption)
    ("object", heritage object slug, note)
    ("depot", depot reference, note)
"""

# --------------------------------------------------------------------------------------
# Site pages
# --------------------------------------------------------------------------------------

HOME = {
    "intro": (
        "<p><b>Brengkunst</b> is kunst die gebracht is, niet gehaald. Rotterdammers brengen "
        "hun verhalen en voorwerpen naar het depot: over aanmonsteren in Mindelo, een pension "
        "op Katendrecht, de eerste nacht in de stad. Zij vertellen, wij luisteren, en het depot "
        "legt hun verhalen naast de collectie.</p>"
    ),
    "intro_en": (
        "<p><b>Brengkunst</b> means art that was brought, not taken. Rotterdammers bring "
        "their stories and objects to the depot: signing on as a sailor in Mindelo, a boarding "
        "house on Katendrecht, a first night in the city. They tell, we listen, and the depot "
        "places their stories next to the collection.</p>"
    ),
    "image": {"caption": "Brengkunst · verhalen uit Rotterdam", "palette": "depot"},
}

COMMUNITY_INDEX = {
    "slug": "gemeenschappen",
    "title": "Gemeenschappen",
    "intro": (
        "<p>Gemeenschappen beheren hier hun eigen erfgoed. Community-curatoren kiezen welke "
        "verhalen en voorwerpen worden getoond, en hoe.</p>"
    ),
}

CONTRIBUTE = {
    "slug": "bijdragen",
    "title": "Vertel je verhaal",
    "intro": (
        "<p>Heb je een verhaal, een foto, een opname of een voorwerp dat bij jouw gemeenschap hoort? "
        "Stuur het hier in. De curatoren van je gemeenschap lezen alles en nemen contact op als je "
        "een e-mailadres achterlaat.</p>"
    ),
    "consent_text": (
        "<p>Ik geef toestemming om mijn verhaal en bestanden te gebruiken voor de doelen die ik hieronder "
        "aankruis. Ik kan die toestemming altijd intrekken; dan halen de curatoren het verhaal offline.</p>"
    ),
    "consent_text_version": "2026-1",
    "thank_you_text": "<p>Dank je wel! De curatoren van je gemeenschap bekijken je bijdrage.</p>",
}

DEPOT_INDEX = {
    "slug": "depot",
    "title": "Depot",
    "intro": (
        "<p>De catalogus van het depot: textiel, foto's, keramiek, prenten en gebruiksvoorwerpen, "
        "met de verhalen en voorwerpen die Rotterdammers eraan verbinden.</p>"
    ),
}

# --------------------------------------------------------------------------------------
# Places (real coordinates, WGS84, rounded to about 10 m)
# --------------------------------------------------------------------------------------

PLACES = [
    {"key": "katendrecht", "name": "Katendrecht", "municipality": "Rotterdam", "lat": "51.899600", "lon": "4.485500"},
    {
        "key": "afrikaanderwijk",
        "name": "Afrikaanderwijk",
        "municipality": "Rotterdam",
        "lat": "51.895900",
        "lon": "4.501800",
    },
    {
        "key": "delfshaven",
        "name": "Historisch Delfshaven",
        "municipality": "Rotterdam",
        "lat": "51.907500",
        "lon": "4.446500",
    },
    {"key": "spangen", "name": "Spangen", "municipality": "Rotterdam", "lat": "51.917000", "lon": "4.433000"},
    {"key": "feijenoord", "name": "Feijenoord", "municipality": "Rotterdam", "lat": "51.903000", "lon": "4.506000"},
    {"key": "charlois", "name": "Charlois", "municipality": "Rotterdam", "lat": "51.886000", "lon": "4.473000"},
    {"key": "oude-westen", "name": "Oude Westen", "municipality": "Rotterdam", "lat": "51.917000", "lon": "4.466000"},
    {"key": "crooswijk", "name": "Crooswijk", "municipality": "Rotterdam", "lat": "51.929000", "lon": "4.496000"},
    {"key": "kop-van-zuid", "name": "Kop van Zuid", "municipality": "Rotterdam", "lat": "51.905500", "lon": "4.488000"},
    {"key": "hillesluis", "name": "Hillesluis", "municipality": "Rotterdam", "lat": "51.892000", "lon": "4.513000"},
    {"key": "tarwewijk", "name": "Tarwewijk", "municipality": "Rotterdam", "lat": "51.887000", "lon": "4.488000"},
    {
        "key": "bospolder",
        "name": "Bospolder-Tussendijken",
        "municipality": "Rotterdam",
        "lat": "51.910000",
        "lon": "4.435000",
    },
    {
        "key": "west-kruiskade",
        "name": "West-Kruiskade",
        "municipality": "Rotterdam",
        "lat": "51.921000",
        "lon": "4.464000",
    },
    {"key": "maashaven", "name": "Maashaven", "municipality": "Rotterdam", "lat": "51.895000", "lon": "4.479000"},
    {
        "key": "heijplaat",
        "name": "Heijplaat (RDM-terrein)",
        "municipality": "Rotterdam",
        "lat": "51.895000",
        "lon": "4.423000",
    },
    {
        "key": "wilton-fijenoord",
        "name": "Werf Wilton-Fijenoord",
        "municipality": "Schiedam",
        "lat": "51.903000",
        "lon": "4.400000",
    },
    {
        "key": "museumpark",
        "name": "Depot Boijmans Van Beuningen, Museumpark",
        "municipality": "Rotterdam",
        "lat": "51.914000",
        "lon": "4.473000",
    },
    {"key": "zuiderpark", "name": "Zuiderpark", "municipality": "Rotterdam", "lat": "51.877000", "lon": "4.491000"},
    {"key": "coolsingel", "name": "Coolsingel", "municipality": "Rotterdam", "lat": "51.920500", "lon": "4.479500"},
    {
        "key": "mindelo",
        "name": "Mindelo, São Vicente",
        "municipality": "",
        "country": "Kaapverdië",
        "lat": "16.890100",
        "lon": "-24.980400",
    },
    {
        "key": "paramaribo",
        "name": "Paramaribo",
        "municipality": "",
        "country": "Suriname",
        "lat": "5.852000",
        "lon": "-55.203800",
    },
    {
        "key": "willemstad",
        "name": "Willemstad",
        "municipality": "",
        "country": "Curaçao",
        "lat": "12.109100",
        "lon": "-68.931600",
    },
    {"key": "nador", "name": "Nador", "municipality": "", "country": "Marokko", "lat": "35.168100", "lon": "-2.933500"},
    {
        "key": "yozgat",
        "name": "Yozgat",
        "municipality": "",
        "country": "Turkije",
        "lat": "39.818100",
        "lon": "34.814700",
    },
    {
        "key": "baoan",
        "name": "Bao'an, Guangdong",
        "municipality": "Shenzhen",
        "country": "China",
        "lat": "22.555000",
        "lon": "113.883000",
    },
]

# --------------------------------------------------------------------------------------
# People (invented). name_display: full | pseudonym | anonymous
# --------------------------------------------------------------------------------------

PEOPLE = [
    # interviewers
    {
        "key": "marleen-verhoef",
        "full_name": "Marleen Verhoef",
        "bio": "Vrijwilliger bij het verhalenhuis op Katendrecht; interviewt sinds 2012 oud-havenwerkers en hun families.",
    },
    {
        "key": "sandra-monteiro",
        "full_name": "Sandra Monteiro",
        "bio": "Community-curator van de Kaapverdiaanse Rotterdammers; dochter van een zeeman uit São Nicolau.",
    },
    {
        "key": "ricardo-pinas",
        "full_name": "Ricardo Pinas",
        "bio": "Historicus en verteller uit Feijenoord; verzamelt verhalen van de Surinaamse migratie van de jaren zeventig.",
    },
    {
        "key": "elif-aksoy",
        "full_name": "Elif Aksoy",
        "bio": "Documentairemaker uit Spangen; interviewt de eerste generatie Turkse Rotterdammers in het Turks en het Nederlands.",
    },
    {
        "key": "nadia-el-khattabi",
        "full_name": "Nadia El Khattabi",
        "bio": "Community-curator van de Marokkaanse Rotterdammers; spreekt Darija, Tarifit en Nederlands.",
    },
    # Kaapverdiaanse Rotterdammers
    {
        "key": "maria-fortes",
        "full_name": "Maria da Luz Fortes",
        "bio": "Kwam in 1972 naar Rotterdam; zong veertig jaar in het koor van haar parochie in Delfshaven.",
    },
    {
        "key": "armando-tavares",
        "full_name": "Armando Tavares",
        "bio": "Monsterde in 1967 aan in Mindelo en voer twaalf jaar op Nederlandse vrachtschepen.",
    },
    {"key": "jose-semedo", "full_name": "José Lopes Semedo", "name_display": "pseudonym", "pseudonym": "Tio Zé"},
    {
        "key": "fatima-gomes",
        "full_name": "Fátima Gomes",
        "bio": "Werkte als schoonmaakster bij rederijkantoren aan de Boompjes en later als wijkverpleegkundige.",
    },
    {
        "key": "nelson-ramos",
        "full_name": "Nelson Ramos",
        "bio": "Geboren in Rotterdam in 1979; speelt cavaquinho en gitaar in een morna-ensemble.",
    },
    # Surinaamse Rotterdammers
    {
        "key": "hilda-wijngaarde",
        "full_name": "Hilda Wijngaarde",
        "bio": "Naaister en koto-kenner; kwam in november 1974 met twee koffers en een naaimachine.",
    },
    {
        "key": "ronald-sabajo",
        "full_name": "Ronald Sabajo",
        "bio": "Buschauffeur bij de RET van 1976 tot 2011; woont in Hillesluis.",
    },
    {
        "key": "soenita-ramdin",
        "full_name": "Soenita Ramdin",
        "bio": "Had dertig jaar een rotishop op de West-Kruiskade.",
    },
    {
        "key": "sarmin-kromodikoro",
        "full_name": "Sarmin Kromodikoro",
        "bio": "Javaans-Surinaamse Rotterdammer; gamelanspeler en trouwambtenaar van de eigen vereniging.",
    },
    {"key": "ingrid-v", "full_name": "Ingrid Vroom", "name_display": "anonymous"},
    {
        "key": "marcia-doelwijt",
        "full_name": "Marcia Doelwijt",
        "bio": "Verpleegkundige, kwam in 1975 op haar negentiende naar Rotterdam.",
    },
    # Katendrecht (Chinese zeelieden en havenarbeiders)
    {
        "key": "annie-chong",
        "full_name": "Annie Chong",
        "bio": "Dochter van een pensionhouder op de Delistraat; geboren op Katendrecht in 1938.",
    },
    {
        "key": "william-tsang",
        "full_name": "William Tsang",
        "bio": "Kleinzoon van een stoker die in 1920 op Katendrecht kwam wonen.",
    },
    {
        "key": "lai-ying-wong",
        "full_name": "Lai Ying Wong",
        "bio": "Had met haar man een van de eerste Chinees-Indische restaurants op de Kaap.",
    },
    {"key": "chen-anonymous", "full_name": "Chen Kwok Wah", "name_display": "anonymous"},
    {"key": "peter-lie", "full_name": "Peter Lie", "name_display": "pseudonym", "pseudonym": "Ah Pin"},
    # Turkse gastarbeiders in Rotterdam-West
    {
        "key": "mehmet-yildiz",
        "full_name": "Mehmet Yıldız",
        "bio": "Kwam in 1965 uit Yozgat naar Rotterdam; lasser op de werf in Schiedam tot 1983.",
    },
    {
        "key": "huseyin-demir",
        "full_name": "Hüseyin Demir",
        "bio": "Woonde van 1966 tot 1972 in pensions in Rotterdam-West en Zuid.",
    },
    {
        "key": "ayse-kaya",
        "full_name": "Ayşe Kaya",
        "bio": "Kwam in 1979 met haar vier kinderen naar Spangen; werkte in een schoonmaakploeg.",
    },
    {"key": "emine-celik", "full_name": "Emine Çelik", "name_display": "pseudonym", "pseudonym": "Emine H."},
    {
        "key": "osman-arslan",
        "full_name": "Osman Arslan",
        "bio": "Medeoprichter van een moskeevereniging in Rotterdam-West.",
    },
    # Antilliaanse / Curaçaose Rotterdammers
    {
        "key": "giselle-rosaria",
        "full_name": "Giselle Rosaria",
        "bio": "Danste in 1984 mee in de eerste optocht van het Zomercarnaval.",
    },
    {
        "key": "edsel-martina",
        "full_name": "Edsel Martina",
        "bio": "Kwam in 1961 als student naar Delft en bleef in Rotterdam wonen.",
    },
    {"key": "ramon-koolman", "full_name": "Ramon Koolman", "bio": "Tambú-speler en docent; woont in Charlois."},
    {
        "key": "shirley-isenia",
        "full_name": "Shirley Isenia",
        "bio": "Kokkin; werkte op de raffinaderij in Curaçao tot die in 1985 werd overgedragen.",
    },
    {"key": "jurich-a", "full_name": "Jurich Anthony", "name_display": "anonymous"},
    # Marokkaanse Rotterdammers
    {
        "key": "mohamed-el-amrani",
        "full_name": "Mohamed El Amrani",
        "bio": "Kwam in 1970 uit de omgeving van Nador; havenarbeider bij een stuwadoor tot 2002.",
    },
    {
        "key": "fatima-bouzian",
        "full_name": "Fatima Bouzian",
        "bio": "Staat sinds 1991 met stoffen op de Afrikaandermarkt.",
    },
    {"key": "khadija-azzouz", "full_name": "Khadija Azzouz", "name_display": "pseudonym", "pseudonym": "Khadija A."},
    {
        "key": "abdelkader-ouali",
        "full_name": "Abdelkader Ouali",
        "bio": "Leraar Tamazight en voorzitter van een Amazigh-culturele vereniging.",
    },
    {"key": "samira-anonymous", "full_name": "Samira Haddouchi", "name_display": "anonymous"},
    {
        "key": "youssef-el-idrissi",
        "full_name": "Youssef El Idrissi",
        "bio": "Zoon van een havenarbeider; geboren in de Afrikaanderwijk in 1978.",
    },
]

# --------------------------------------------------------------------------------------
# Communities
# --------------------------------------------------------------------------------------

COMMUNITIES = [
    {
        "key": "kaapverdiaans",
        "slug": "kaapverdiaanse-rotterdammers",
        "title": "Kaapverdiaanse Rotterdammers",
        "short_description": "Zeelieden, muzikanten en hun families: sinds de jaren zestig de grootste Kaapverdische gemeenschap van Nederland.",
        "intro": (
            "<p>In de jaren zestig monsterden jonge mannen uit Kaapverdië aan op Nederlandse "
            "schepen. Velen bleven in Rotterdam; hun vrouwen en kinderen volgden. In Delfshaven, "
            "het Oude Westen en Bospolder klinkt nog altijd <i>morna</i> en <i>funaná</i>.</p>"
        ),
        "palette": "kaapverdiaans",
    },
    {
        "key": "surinaams",
        "slug": "surinaamse-rotterdammers",
        "title": "Surinaamse Rotterdammers",
        "short_description": "Verhalen van aankomst, werk en feest, van Paramaribo naar Zuid en de West-Kruiskade.",
        "intro": (
            "<p>Rond de onafhankelijkheid van Suriname in 1975 kwamen tienduizenden Surinamers naar "
            "Nederland. In Rotterdam vonden zij hun weg naar Zuid, naar de West-Kruiskade en naar "
            "elkaar: Creoolse, Hindostaanse, Javaanse en Chinese Surinamers, elk met eigen verhalen.</p>"
        ),
        "palette": "surinaams",
    },
    {
        "key": "katendrecht",
        "slug": "katendrecht-chinese-zeelieden",
        "title": "Katendrecht (Chinese zeelieden en havenarbeiders)",
        "short_description": "De eerste Chinese wijk van het vasteland van Europa: stokers, pensionhouders en pindakoekjesverkopers op de Kaap.",
        "intro": (
            "<p>Vanaf 1911 woonden Chinese stokers en havenarbeiders op Katendrecht. In de "
            "crisisjaren verkochten werkloze zeelieden pindakoekjes op straat. Hun kinderen en "
            "kleinkinderen vertellen over pensions, mahjong en de eerste Chinese restaurants.</p>"
        ),
        "palette": "katendrecht",
    },
    {
        "key": "turks",
        "slug": "turkse-gastarbeiders-rotterdam-west",
        "title": "Turkse gastarbeiders in Rotterdam-West",
        "short_description": "Lassers, havenwerkers en hun gezinnen: de eerste generatie na het wervingsakkoord van 1964.",
        "intro": (
            "<p>Na het wervingsakkoord tussen Nederland en Turkije in 1964 kwamen mannen uit "
            "Anatolië werken op de werven en in de fabrieken. Zij woonden in overvolle pensions, "
            "haalden later hun gezinnen over en bouwden in Spangen, Delfshaven en het Oude Westen "
            "moskeeën, koffiehuizen en verenigingen op.</p>"
        ),
        "palette": "turks",
    },
    {
        "key": "antilliaans",
        "slug": "antilliaanse-curacaose-rotterdammers",
        "title": "Antilliaanse en Curaçaose Rotterdammers",
        "short_description": "Studenten, raffinaderijwerkers en carnavalsmakers, met Papiamentu als taal van thuis.",
        "intro": (
            "<p>Eerst kwamen de studenten, in de jaren vijftig en zestig. Toen Shell in 1985 de "
            "raffinaderij op Curaçao verliet, volgden gezinnen op zoek naar werk. Zij brachten "
            "tambú, <i>seú</i> en in 1984 het Zomercarnaval naar Rotterdam.</p>"
        ),
        "palette": "antilliaans",
    },
    {
        "key": "marokkaans",
        "slug": "marokkaanse-rotterdammers",
        "title": "Marokkaanse Rotterdammers",
        "short_description": "Havenarbeiders uit de Rif, de vrouwen die volgden en een markt die alles verbindt.",
        "intro": (
            "<p>Na het wervingsverdrag met Marokko in 1969 kwamen mannen uit de Rif en het "
            "binnenland naar de Rotterdamse haven. De Afrikaanderwijk werd hun buurt, de "
            "Afrikaandermarkt hun ontmoetingsplek. Thuis spreekt men Darija, Tarifit en Nederlands.</p>"
        ),
        "palette": "marokkaans",
    },
]

# --------------------------------------------------------------------------------------
# Recordings: short generated audio (see media_files.speech_like_wav)
# --------------------------------------------------------------------------------------

RECORDINGS = [
    {
        "key": "morna",
        "community": "kaapverdiaans",
        "title": "Maria da Luz Fortes zingt een morna (fragment)",
        "seconds": 9,
        "language": "kea",
        "voice": "sung",
    },
    {
        "key": "keti-koti",
        "community": "surinaams",
        "title": "Hilda Wijngaarde over Keti Koti (fragment)",
        "seconds": 8,
        "language": "srn",
        "voice": "female",
    },
    {
        "key": "pension",
        "community": "katendrecht",
        "title": "Annie Chong over het pension van haar vader (fragment)",
        "seconds": 8,
        "language": "nl",
        "voice": "female",
    },
    {
        "key": "eerste-nacht",
        "community": "turks",
        "title": "Mehmet Yıldız over zijn eerste nacht in Rotterdam (fragment)",
        "seconds": 10,
        "language": "tr",
        "voice": "male",
    },
    {
        "key": "carnaval",
        "community": "antilliaans",
        "title": "Giselle Rosaria over het eerste Zomercarnaval (fragment)",
        "seconds": 7,
        "language": "pap",
        "voice": "female",
    },
    {
        "key": "markt",
        "community": "marokkaans",
        "title": "Fatima Bouzian op de Afrikaandermarkt (fragment)",
        "seconds": 8,
        "language": "ary",
        "voice": "female",
    },
]

# An optional short video, made only when ffmpeg is on PATH.
VIDEO = {
    "key": "carnaval-video",
    "community": "antilliaans",
    "title": "Zomercarnaval, testbeeld van de optocht (demo-video)",
    "seconds": 4,
    "language": "pap",
}

# --------------------------------------------------------------------------------------
# Depot catalogue: five collections, hand-written records plus generated ones
# --------------------------------------------------------------------------------------

DEPOT_COLLECTIONS = [
    {
        "slug": "textiel-en-mode",
        "name": "Textiel en mode",
        "name_en": "Textiles and fashion",
        "description": "Kleding, hoofddoeken, kant en weefsels uit Rotterdamse huishoudens en ateliers.",
        "size": 44,
    },
    {
        "slug": "fotografie",
        "name": "Fotografie",
        "name_en": "Photography",
        "description": "Studioportretten, havenfoto's, kiekjes en dia's, 1890 tot nu.",
        "size": 46,
    },
    {
        "slug": "keramiek-en-glas",
        "name": "Keramiek en glas",
        "name_en": "Ceramics and glass",
        "description": "Aardewerk, porselein en glas: serviesgoed, sierobjecten en alledaags gebruiksgoed.",
        "size": 38,
    },
    {
        "slug": "prenten-en-tekeningen",
        "name": "Prenten en tekeningen",
        "name_en": "Prints and drawings",
        "description": "Tekeningen, affiches, houtsneden en zeefdrukken, van havengezichten tot feestaffiches.",
        "size": 40,
    },
    {
        "slug": "design-en-gebruiksvoorwerpen",
        "name": "Design en gebruiksvoorwerpen",
        "name_en": "Design and everyday objects",
        "description": "Muziekinstrumenten, keukengerei, koffers, gereedschap en meubels.",
        "size": 32,
    },
]

# Hand-written catalogue records: the heritage objects that were registered point here.
DEPOT_ITEMS = [
    {
        "inventory_number": "BK-2019-0007",
        "collection": "design-en-gebruiksvoorwerpen",
        "title": "Cavaquinho, Kaapverdië",
        "title_en": "Cavaquinho, Cape Verde",
        "maker": "Onbekende bouwer, Mindelo",
        "maker_role": "instrumentmaker",
        "date_text": "circa 1955",
        "object_type": "snaarinstrument",
        "medium": "hout (ceder, mahonie), metalen snaren",
        "dimensions": "l 54 cm × b 17 cm × d 7 cm",
        "description": "Viersnarige cavaquinho met handgesneden kop; meegebracht door een Kaapverdische zeeman.",
        "rights": "Publiek domein",
    },
    {
        "inventory_number": "BK-2021-0113",
        "collection": "textiel-en-mode",
        "title": "Angisa, gevouwen hoofddoek",
        "title_en": "Angisa, folded headscarf",
        "maker": "Hilda Wijngaarde",
        "maker_role": "vouwster",
        "date_text": "1 juli 1993",
        "object_type": "hoofddoek",
        "medium": "katoen, gesteven en gevouwen",
        "dimensions": "h 24 cm × b 30 cm",
        "description": "Angisa in de vouw 'Mi na ala ten' (ik ben er altijd), gedragen bij Keti Koti.",
        "rights": "Auteursrecht voorbehouden",
    },
    {
        "inventory_number": "BK-2016-0042",
        "collection": "design-en-gebruiksvoorwerpen",
        "title": "Blikken trommel voor pindakoekjes",
        "title_en": "Tin box for peanut biscuits",
        "maker": "Onbekend",
        "maker_role": "maker",
        "date_text": "jaren 30",
        "object_type": "trommel",
        "medium": "blik, bedrukt",
        "dimensions": "h 12 cm × Ø 21 cm",
        "description": "Trommel waarin pindakoekjes op Katendrecht en in het centrum werden verkocht.",
        "rights": "Publiek domein",
    },
    {
        "inventory_number": "BK-2018-0390",
        "collection": "design-en-gebruiksvoorwerpen",
        "title": "Bağlama (saz)",
        "title_en": "Bağlama (saz)",
        "maker": "Onbekende bouwer, Yozgat",
        "maker_role": "instrumentmaker",
        "date_text": "circa 1960",
        "object_type": "snaarinstrument",
        "medium": "moerbeihout, sparrenhout, metalen snaren",
        "dimensions": "l 98 cm × b 24 cm",
        "description": "Langhalsluit, in 1965 in een koffer meegenomen van Yozgat naar Rotterdam.",
        "rights": "Publiek domein",
    },
    {
        "inventory_number": "BK-2020-0015",
        "collection": "textiel-en-mode",
        "title": "Carnavalskostuum 'Reina di Laman'",
        "title_en": "Carnival costume 'Reina di Laman'",
        "maker": "Giselle Rosaria",
        "maker_role": "ontwerper",
        "date_text": "1986",
        "object_type": "kostuum",
        "medium": "satijn, pailletten, veren, ijzerdraad",
        "dimensions": "h 210 cm × b 160 cm",
        "description": "Kostuum voor de optocht van het Rotterdamse Zomercarnaval van 1986.",
        "rights": "Auteursrecht voorbehouden",
    },
    {
        "inventory_number": "BK-2022-0201",
        "collection": "textiel-en-mode",
        "title": "Handira, bruiloftsdeken uit de Rif",
        "title_en": "Handira, wedding blanket from the Rif",
        "maker": "Onbekende weefster, omgeving Nador",
        "maker_role": "weefster",
        "date_text": "1968-1972",
        "object_type": "deken",
        "medium": "wol, katoen, pailletten",
        "dimensions": "l 190 cm × b 110 cm",
        "description": "Geweven bruiloftsdeken met pailletten, meegebracht in de jaren zeventig.",
        "rights": "Publiek domein",
    },
]

# Vocabulary for generating the rest of each collection, deterministically.
# Object types are (nl, en, [media], dimensions template); motifs are (nl, en).
DEPOT_GENERATOR = {
    "seed": 20240607,
    "acquisition_years": (1935, 2023),
    "makers": {
        "textiel-en-mode": [
            ("Onbekend", "maker"),
            ("Atelier Maasoever", "atelier"),
            ("Johanna Verschoor", "ontwerper"),
            ("Naaiatelier De Rozenburg", "atelier"),
            ("Kantwerkster uit Vlaardingen", "kantwerkster"),
            ("Maria Tavares", "naaister"),
            ("Confectiefabriek Zuidwijk", "fabrikant"),
        ],
        "fotografie": [
            ("Onbekend", "fotograaf"),
            ("Fotostudio Hillesluis", "fotostudio"),
            ("Cor van Dalen", "fotograaf"),
            ("Henny Blom", "fotograaf"),
            ("Fotopersbureau De Maas", "persbureau"),
            ("Studio Kaap", "fotostudio"),
            ("Ahmet Korkmaz", "amateurfotograaf"),
        ],
        "keramiek-en-glas": [
            ("Onbekend", "maker"),
            ("Pottenbakkerij De Ketel", "pottenbakkerij"),
            ("Glasblazerij Schie", "glasblazerij"),
            ("Willem Schoenmaker", "keramist"),
            ("Aardewerkfabriek Overmaas", "fabrikant"),
            ("Lies Dorrestijn", "ontwerper"),
        ],
        "prenten-en-tekeningen": [
            ("Onbekend", "tekenaar"),
            ("Arie Kalf", "tekenaar"),
            ("Drukkerij Wyt & Zonen", "drukker"),
            ("Truus Hofland", "graficus"),
            ("Ontwerpbureau Rijnhaven", "ontwerper"),
            ("Karel Smit", "houtsnijder"),
        ],
        "design-en-gebruiksvoorwerpen": [
            ("Onbekend", "maker"),
            ("Smederij Delfshaven", "smid"),
            ("Meubelmakerij Crooswijk", "meubelmaker"),
            ("Fabriek Maasmetaal", "fabrikant"),
            ("Gerrit Oosterhout", "ontwerper"),
            ("Instrumentmakerij Kruiskade", "instrumentmaker"),
        ],
    },
    "object_types": {
        "textiel-en-mode": [
            ("Hoofddoek", "Headscarf", ["katoen, bedrukt", "zijde", "batik op katoen"], "{a} × {b} cm"),
            ("Jurk", "Dress", ["katoen", "rayon", "wol, machinaal gebreid"], "l {c} cm"),
            ("Zakdoek", "Handkerchief", ["linnen, geborduurd", "katoen"], "{a} × {a} cm"),
            ("Schort", "Apron", ["katoen, bedrukt", "linnen"], "l {c} cm"),
            ("Sjaal", "Shawl", ["wol", "zijde, geweven", "katoen, gehaakt"], "{c} × {a} cm"),
            ("Kussensloop", "Pillowcase", ["katoen, geborduurd", "linnen"], "{a} × {b} cm"),
            ("Tafelkleed", "Tablecloth", ["katoen, haakwerk", "damast"], "{c} × {c} cm"),
        ],
        "fotografie": [
            ("Studioportret", "Studio portrait", ["zilvergelatinedruk", "albuminedruk"], "{s} × {t} cm"),
            ("Havenfoto", "Harbour photograph", ["zilvergelatinedruk", "negatief op film"], "{s} × {t} cm"),
            ("Kleurendia", "Colour slide", ["kleurendiapositief"], "5 × 5 cm"),
            ("Kiekje", "Snapshot", ["zilvergelatinedruk, gekartelde rand", "kleurenafdruk"], "{s} × {t} cm"),
            ("Persfoto", "Press photograph", ["zilvergelatinedruk"], "{s} × {t} cm"),
            ("Fotoalbumblad", "Photo album page", ["karton met opgeplakte foto's"], "{a} × {b} cm"),
        ],
        "keramiek-en-glas": [
            ("Kom", "Bowl", ["aardewerk, beschilderd", "porselein"], "h {s} cm × Ø {t} cm"),
            ("Bord", "Plate", ["aardewerk, tinglazuur", "porselein, bedrukt"], "Ø {a} cm"),
            ("Theeglas", "Tea glass", ["geperst glas", "glas, vergulde rand"], "h {s} cm"),
            ("Vaas", "Vase", ["steengoed", "glas, mondgeblazen"], "h {a} cm"),
            ("Kan", "Jug", ["aardewerk", "steengoed, zoutglazuur"], "h {a} cm"),
            ("Tegel", "Tile", ["aardewerk, beschilderd"], "{s} × {s} cm"),
        ],
        "prenten-en-tekeningen": [
            ("Tekening", "Drawing", ["potlood op papier", "pen en inkt", "houtskool"], "{a} × {b} cm"),
            ("Affiche", "Poster", ["offset op papier", "zeefdruk"], "{c} × {b} cm"),
            ("Houtsnede", "Woodcut", ["houtsnede op japans papier"], "{a} × {b} cm"),
            ("Zeefdruk", "Screen print", ["zeefdruk op karton"], "{a} × {b} cm"),
            ("Ansichtkaart", "Postcard", ["lichtdruk", "offset"], "9 × 14 cm"),
            ("Aquarel", "Watercolour", ["waterverf op papier"], "{a} × {b} cm"),
        ],
        "design-en-gebruiksvoorwerpen": [
            ("Koffer", "Suitcase", ["karton, leer", "hout, ijzerbeslag", "vulkanfiber"], "{c} × {a} × {s} cm"),
            ("Theepot", "Teapot", ["emaille", "koper"], "h {s} cm"),
            ("Radio", "Radio", ["bakeliet", "hout, stof"], "{a} × {b} × {s} cm"),
            ("Stoel", "Chair", ["hout, biezen zitting", "buismetaal"], "h {c} cm"),
            ("Trommel", "Drum", ["hout, geitenvel", "blik"], "h {a} cm × Ø {b} cm"),
            ("Gereedschapskist", "Toolbox", ["hout", "staal"], "{b} × {s} × {s} cm"),
            ("Kookpot", "Cooking pot", ["aluminium", "gietijzer"], "Ø {a} cm"),
        ],
    },
    "motifs": [
        ("met bloemranken", "with floral tendrils"),
        ("met havengezicht", "with harbour view"),
        ("met geometrisch patroon", "with geometric pattern"),
        ("met schip", "with ship"),
        ("met opschrift", "with inscription"),
        ("van de Maashaven", "of the Maashaven"),
        ("met vogels", "with birds"),
        ("met portret van een vrouw", "with portrait of a woman"),
        ("met portret van een zeeman", "with portrait of a sailor"),
        ("met sterrenmotief", "with star motif"),
        ("van de Kop van Zuid", "of the Kop van Zuid"),
        ("met blauwe rand", "with blue border"),
        ("met feestelijke optocht", "with festive procession"),
        ("met palmbladeren", "with palm leaves"),
        ("met Arabisch schrift", "with Arabic script"),
        ("met Chinese karakters", "with Chinese characters"),
        ("van Katendrecht", "of Katendrecht"),
        ("met ruitpatroon", "with check pattern"),
        ("met tulpen", "with tulips"),
        ("zonder decoratie", "without decoration"),
    ],
    # date_text templates; the loader derives year_from/year_to with stories.services.dates
    "dates": ["circa {y}", "{y}", "{y}-{y2}", "jaren {d}", "{y}"],
    "year_range": (1890, 2015),
    "rights": ["Publiek domein", "Auteursrecht voorbehouden", "Rechten onbekend"],
}

# --------------------------------------------------------------------------------------
# Heritage objects: what communities brought ("brengkunst")
# --------------------------------------------------------------------------------------

HERITAGE_OBJECTS = [
    # Kaapverdiaanse Rotterdammers
    {
        "slug": "cavaquinho-van-mijn-grootvader",
        "community": "kaapverdiaans",
        "title": "Cavaquinho van mijn grootvader",
        "summary": "Een kleine gitaar met vier snaren, in 1967 meegenomen aan boord van een vrachtschip uit Mindelo.",
        "description": [
            "De cavaquinho speelt de ritmische akkoorden in morna en coladeira. Deze werd gebouwd in Mindelo en ging twaalf jaar mee over zee.",
            "De kop is met de hand gesneden; op de achterkant staan de initialen A.T. in het hout gekrast.",
        ],
        "provenance": "Gebouwd in Mindelo rond 1955, gekocht door Armando Tavares in 1966. Mee aan boord tot 1979, daarna in de huiskamer aan de Schiedamseweg. In 2019 door zijn kleinzoon Nelson Ramos naar het depot gebracht.",
        "brought_by": "nelson-ramos",
        "brought_on": "2019-03-14",
        "status": "registered",
        "depot_item": "BK-2019-0007",
        "depot_links": [(("design-en-gebruiksvoorwerpen", 4), "same_kind", "Ander snaarinstrument uit de collectie")],
        "images": [
            ("De cavaquinho op tafel in het depot", "Kleine houten gitaar met vier snaren op een lichte tafel"),
            ("Initialen A.T. op de achterkant", "Detail van de houten achterkant met ingekraste letters A en T"),
        ],
        "tags": ["muziek", "zeevaart"],
        "access": "public",
        "licence": "CC_BY_NC",
    },
    {
        "slug": "monsterboekje-armando-tavares",
        "community": "kaapverdiaans",
        "title": "Monsterboekje van Armando Tavares",
        "summary": "Het zeemansboekje met stempels van twaalf jaar varen: Rotterdam, Lagos, Buenos Aires, Mindelo.",
        "description": [
            "Een monsterboekje registreerde elke aanmonstering en afmonstering van een zeeman. Dit exemplaar staat vol stempels van rederijen en havens."
        ],
        "provenance": "Eigendom van Armando Tavares; tot 2020 bewaard in een sigarenkist. Hij bracht het zelf naar het depot.",
        "brought_by": "armando-tavares",
        "brought_on": "2020-10-02",
        "status": "brought",
        "depot_links": [(("fotografie", 2), "mentions", "Havenfoto uit dezelfde jaren")],
        "images": [
            (
                "Opengeslagen monsterboekje met stempels",
                "Klein boekje met vergeelde pagina's vol ronde en rechthoekige stempels",
            )
        ],
        "tags": ["zeevaart", "werk", "migratie"],
        "access": "public",
        "licence": "RS_INC_EDU",
    },
    {
        "slug": "koffer-uit-mindelo",
        "community": "kaapverdiaans",
        "title": "Koffer uit Mindelo",
        "summary": "Een houten koffer met ijzerbeslag, aangeboden door een familie uit Delfshaven.",
        "description": [
            "De koffer is nog niet in het depot: de familie en de curator bespreken of hij in bruikleen kan komen."
        ],
        "provenance": "Meegenomen door een zeeman in 1969; sindsdien op zolder in Delfshaven.",
        "brought_by": "jose-semedo",
        "brought_on": "2023-05-20",
        "status": "offered",
        "images": [("Houten koffer op een zolder", "Donkere houten koffer met metalen hoeken op een houten vloer")],
        "tags": ["migratie", "familie"],
        "access": "community",
        "licence": "RS_INC",
    },
    # Surinaamse Rotterdammers
    {
        "slug": "kotomisi-van-tante-hilda",
        "community": "surinaams",
        "title": "Kotomisi van tante Hilda",
        "summary": "Een koto met wijde rok en jak, genaaid in 1974 en gedragen op elke Keti Koti sinds.",
        "description": [
            "De koto is de traditionele dracht van Creoolse vrouwen. De stof, het aantal rokken en de angisa vertellen wie je bent en waar je naartoe gaat.",
            "Hilda naaide deze koto in Paramaribo, vlak voor haar vertrek.",
        ],
        "provenance": "Genaaid door Hilda Wijngaarde in 1974. In bruikleen gegeven aan het depot voor tien jaar.",
        "brought_by": "hilda-wijngaarde",
        "brought_on": "2021-06-28",
        "status": "on_loan",
        "depot_links": [
            ("BK-2021-0113", "same_kind", "De angisa die bij deze koto hoort"),
            (("textiel-en-mode", 1), "same_kind", ""),
        ],
        "images": [
            ("De koto op een paspop in het depot", "Wijde geblokte rok met een kort jak op een paspop"),
            ("Detail van de stof", "Close-up van geruite katoenen stof in rood, geel en blauw"),
        ],
        "tags": ["textiel", "keti koti", "feest"],
        "access": "public",
        "licence": "CC_BY_NC_SA",
    },
    {
        "slug": "angisa-gevouwen-voor-keti-koti",
        "community": "surinaams",
        "title": "Angisa gevouwen voor Keti Koti",
        "summary": "Een gesteven hoofddoek in de vouw 'Mi na ala ten': ik ben er altijd.",
        "description": [
            "Met de vouw van een angisa gaven vrouwen boodschappen door die alleen ingewijden konden lezen."
        ],
        "provenance": "Gevouwen door Hilda Wijngaarde voor Keti Koti 1993 en sindsdien bewaard in een hoedendoos.",
        "brought_by": "hilda-wijngaarde",
        "brought_on": "2021-06-28",
        "status": "registered",
        "depot_item": "BK-2021-0113",
        "images": [("De angisa van voren", "Gesteven witte hoofddoek met geruite rand, in punten gevouwen")],
        "tags": ["textiel", "keti koti"],
        "access": "public",
        "licence": "CC_BY_NC_SA",
    },
    {
        "slug": "tawa-uit-nickerie",
        "community": "surinaams",
        "title": "Tawa uit Nickerie",
        "summary": "De gietijzeren bakplaat waarop dertig jaar lang roti werd gebakken aan de West-Kruiskade.",
        "description": ["Op een tawa bak je roti: het platte brood dat in Rotterdam synoniem werd met Surinaams eten."],
        "provenance": "Meegenomen door de moeder van Soenita Ramdin uit Nickerie in 1975; tot 2012 in gebruik in de rotishop.",
        "brought_by": "soenita-ramdin",
        "brought_on": "2022-02-11",
        "status": "donated",
        "depot_links": [(("design-en-gebruiksvoorwerpen", 6), "same_kind", "")],
        "images": [
            ("Zwarte bakplaat met houten handvat", "Ronde zwarte ijzeren plaat met een versleten houten handvat")
        ],
        "tags": ["eten", "werk"],
        "access": "public",
        "licence": "CC_BY",
    },
    # Katendrecht
    {
        "slug": "blikken-trommel-pindakoekjes",
        "community": "katendrecht",
        "title": "Blikken trommel van de pindakoekjesverkoper",
        "summary": "In deze trommel droeg een werkloze stoker in de jaren dertig zijn pindakoekjes door de stad.",
        "description": [
            "'Pinda, pinda, lekka lekka': zo riepen de Chinese verkopers in de crisisjaren. De koekjes werden 's nachts gebakken in de pensions op Katendrecht."
        ],
        "provenance": "Van de oom van William Tsang, die tot 1940 op de Kaap woonde. Bewaard door de familie in Den Haag en in 2016 gebracht.",
        "brought_by": "william-tsang",
        "brought_on": "2016-09-09",
        "status": "registered",
        "depot_item": "BK-2016-0042",
        "images": [("Blikken trommel met deksel", "Ronde, gedeukte blikken trommel met vervaagde rode opdruk")],
        "tags": ["eten", "crisis", "werk"],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "mahjongspel-uit-het-pension",
        "community": "katendrecht",
        "title": "Mahjongspel uit het pension",
        "summary": "Stenen van been en bamboe, waarmee zeelieden op zaterdagavond speelden in het pension aan de Delistraat.",
        "description": [
            "Het spel is compleet op twee stenen na. In het kistje zit een briefje met de puntentelling in het Kantonees."
        ],
        "provenance": "Uit het pension van de vader van Annie Chong, Delistraat, 1930-1968.",
        "brought_by": "annie-chong",
        "brought_on": "2018-04-21",
        "status": "brought",
        "images": [
            (
                "Mahjongstenen in een houten kist",
                "Rijen kleine witte stenen met gekleurde tekens in een open houten kist",
            )
        ],
        "tags": ["spel", "wonen"],
        "access": "public",
        "licence": "CC_BY_NC",
    },
    {
        "slug": "foto-stokers-1925",
        "community": "katendrecht",
        "title": "Foto van de stokers, 1925",
        "summary": "Twaalf mannen in hemd voor een kolenbunker: de enige foto van de ploeg van grootvader Tsang.",
        "description": [
            "Stokers hielden de ketels van stoomschepen op druk. Het was zwaar en heet werk, vaak gedaan door Chinese zeelieden."
        ],
        "provenance": "Afgedrukt bij een fotograaf in de Maashaven; twee afdrukken bekend. Deze komt van de familie Tsang.",
        "brought_by": "william-tsang",
        "brought_on": "2019-11-05",
        "status": "on_loan",
        "depot_links": [(("fotografie", 5), "same_kind", "Havenfoto uit dezelfde periode")],
        "images": [
            ("Groepsfoto van stokers", "Zwart-witfoto van twaalf mannen in hemd die voor een muur van kolen staan")
        ],
        "tags": ["zeevaart", "werk"],
        "access": "public",
        "licence": "RS_UND",
    },
    # Turkse gastarbeiders
    {
        "slug": "baglama-uit-yozgat",
        "community": "turks",
        "title": "Bağlama uit Yozgat",
        "summary": "De saz die Mehmet Yıldız in 1965 meenam: het enige dat hij van thuis had.",
        "description": [
            "In het pension speelde Mehmet 's avonds voor de mannen die heimwee hadden. Later speelde hij op bruiloften in heel Rotterdam-West."
        ],
        "provenance": "Gebouwd in Yozgat rond 1960. In 1965 mee naar Rotterdam, in 2018 door de familie naar het depot gebracht.",
        "brought_by": "mehmet-yildiz",
        "brought_on": "2018-10-29",
        "status": "registered",
        "depot_item": "BK-2018-0390",
        "images": [("De bağlama met zijn lange hals", "Peervormige luit met een lange houten hals en zeven snaren")],
        "tags": ["muziek", "gastarbeid", "heimwee"],
        "access": "public",
        "licence": "CC_BY_SA",
    },
    {
        "slug": "koffer-van-de-eerste-reis",
        "community": "turks",
        "title": "Koffer van de eerste reis",
        "summary": "Een kartonnen koffer, met touw dichtgebonden, die de trein van Istanbul naar Rotterdam overleefde.",
        "description": [
            "In de koffer zaten twee overhemden, een gebedskleed, een foto van zijn moeder en een zak gedroogde abrikozen."
        ],
        "provenance": "Gebruikt door Hüseyin Demir in 1966; geschonken aan het depot in 2017.",
        "brought_by": "huseyin-demir",
        "brought_on": "2017-08-16",
        "status": "donated",
        "depot_links": [(("design-en-gebruiksvoorwerpen", 0), "same_kind", "Ook een koffer van een migrant")],
        "images": [("Kartonnen koffer met touw", "Bruine kartonnen koffer, dichtgebonden met een dik touw")],
        "tags": ["migratie", "gastarbeid", "reizen"],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "lasbril-wilton-fijenoord",
        "community": "turks",
        "title": "Lasbril van Wilton-Fijenoord",
        "summary": "De lasbril waarmee Mehmet achttien jaar scheepsrompen aaneenlaste.",
        "description": ["De lasbril werd kort in het depot getoond en ging daarna terug naar de familie."],
        "provenance": "Mee naar huis genomen in 1983, toen de werf zijn afdeling sloot.",
        "brought_by": "mehmet-yildiz",
        "brought_on": "2019-01-15",
        "status": "returned",
        "images": [
            ("Zwarte lasbril met donkere glazen", "Oude leren lasbril met twee ronde donkere glazen en een elastiek")
        ],
        "tags": ["werk", "werf"],
        "access": "public",
        "licence": "RS_INC",
    },
    # Antilliaanse / Curaçaose Rotterdammers
    {
        "slug": "carnavalskostuum-1986",
        "community": "antilliaans",
        "title": "Carnavalskostuum uit 1986",
        "summary": "Twee meter veren en pailletten: het kostuum van de 'Reina di Laman', koningin van de zee.",
        "description": [
            "Giselle Rosaria ontwierp het kostuum zelf en naaide er drie maanden aan, 's avonds na haar werk."
        ],
        "provenance": "Gedragen in de optocht van 1986 en daarna bewaard in een kast in Charlois.",
        "brought_by": "giselle-rosaria",
        "brought_on": "2020-07-25",
        "status": "registered",
        "depot_item": "BK-2020-0015",
        "depot_links": [(("prenten-en-tekeningen", 3), "mentions", "Affiche van een Zomercarnaval")],
        "images": [
            ("Het kostuum uitgespreid", "Groot blauw en zilver kostuum met een waaier van veren"),
            ("Detail van de pailletten", "Close-up van honderden kleine zilveren en blauwe pailletten"),
        ],
        "tags": ["carnaval", "feest", "textiel"],
        "access": "public",
        "licence": "CC_BY_NC_ND",
    },
    {
        "slug": "tambu-trom",
        "community": "antilliaans",
        "title": "Tambú-trom",
        "summary": "Een trom van een oud vat en geitenvel, waarop Ramon Koolman les geeft in Charlois.",
        "description": ["Tambú was lange tijd verboden op Curaçao. Voor Ramon is de trom een stem van de voorouders."],
        "provenance": "Gebouwd door Ramon Koolman in 1998 naar het voorbeeld van zijn grootvaders trom.",
        "brought_by": "ramon-koolman",
        "brought_on": "2022-07-01",
        "status": "brought",
        "images": [("De tambú in het buurthuis", "Trom van een houten vat met een strak gespannen lichte huid")],
        "tags": ["muziek", "tambú"],
        "access": "public",
        "licence": "CC_BY_SA",
    },
    {
        "slug": "studentenplakboek-1962",
        "community": "antilliaans",
        "title": "Studentenplakboek 1962",
        "summary": "Knipsels, menu's en foto's van Antilliaanse studenten in Delft en Rotterdam.",
        "description": [
            "Het plakboek is nog niet bekeken door het depot; de curator inventariseert eerst wie erin staat."
        ],
        "provenance": "Bijgehouden door Edsel Martina en zijn huisgenoten, 1961-1965.",
        "brought_by": "edsel-martina",
        "brought_on": "2024-01-19",
        "status": "offered",
        "images": [("Opengeslagen plakboek", "Groot album met opgeplakte zwart-witfoto's en krantenknipsels")],
        "tags": ["studie", "migratie"],
        "access": "staff",
        "licence": "RS_CNE",
    },
    # Marokkaanse Rotterdammers
    {
        "slug": "handira-uit-de-rif",
        "community": "marokkaans",
        "title": "Handira uit de Rif",
        "summary": "De bruiloftsdeken met pailletten die Khadija's moeder in 1972 meebracht naar de Afrikaanderwijk.",
        "description": [
            "Een handira wordt door de vrouwen van de familie geweven en bij de bruiloft om de bruid geslagen. Daarna is het een deken, een wandkleed, een herinnering."
        ],
        "provenance": "Geweven in de omgeving van Nador, 1968-1972. In 2022 door de dochter naar het depot gebracht.",
        "brought_by": "khadija-azzouz",
        "brought_on": "2022-03-08",
        "status": "registered",
        "depot_item": "BK-2022-0201",
        "images": [("De handira uitgespreid", "Lange witte wollen deken met rijen zilveren pailletten")],
        "tags": ["textiel", "bruiloft", "familie"],
        "access": "public",
        "licence": "CC_BY_NC_SA",
    },
    {
        "slug": "tajine-van-mijn-moeder",
        "community": "marokkaans",
        "title": "Tajine van mijn moeder",
        "summary": "Een aardewerken tajine met een barst, gelijmd in 1985 en nooit meer op het vuur gezet.",
        "description": ["De tajine staat voor de eerste jaren in Rotterdam: koken voor tien op een tweepitsstel."],
        "provenance": "Gekocht op de markt in Nador in 1976, geschonken in 2021.",
        "brought_by": "youssef-el-idrissi",
        "brought_on": "2021-04-12",
        "status": "donated",
        "depot_links": [(("keramiek-en-glas", 2), "same_kind", "")],
        "images": [("Tajine met kegelvormig deksel", "Roodbruine aardewerken schaal met een hoog puntig deksel")],
        "tags": ["eten", "familie"],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "theeglazen-uit-nador",
        "community": "marokkaans",
        "title": "Theeglazen uit Nador",
        "summary": "Zes glazen met gouden rand, waaruit op de markt muntthee werd geschonken.",
        "description": ["Fatima Bouzian schonk thee voor klanten die lang twijfelden over een stof."],
        "provenance": "Gebruikt aan de marktkraam van Fatima Bouzian sinds 1991.",
        "brought_by": "fatima-bouzian",
        "brought_on": "2023-09-30",
        "status": "brought",
        "depot_links": [(("keramiek-en-glas", 5), "same_kind", "")],
        "images": [
            ("Zes theeglazen op een dienblad", "Zes kleine glazen met goudkleurige versiering op een metalen blad")
        ],
        "tags": ["markt", "eten"],
        "access": "public",
        "licence": "CC_BY",
    },
]

# --------------------------------------------------------------------------------------
# Stories
# --------------------------------------------------------------------------------------

EMBARGO_DATE = "2031-07-01"  # fixed, so a second run changes nothing

STORIES = [
    # ---------------------------------------------------------------- Kaapverdiaans
    {
        "slug": "aangemonsterd-in-mindelo",
        "community": "kaapverdiaans",
        "title": "Aangemonsterd in Mindelo",
        "summary": "Armando Tavares was negentien toen hij in 1967 aan boord ging van een Nederlands vrachtschip. Hij vertelt over de haven van Mindelo, de kolenstof en de eerste keer dat hij de Maas op voer.",
        "pull_quote": "In Mindelo keken alle jongens naar zee. Wie een schip had, had een toekomst.",
        "narrators": ["armando-tavares"],
        "interviewer": "sandra-monteiro",
        "recorded": "12 mei 2019",
        "period": (1966, 1979),
        "places": ["mindelo", "maashaven", "delfshaven"],
        "languages": ["kea", "nl"],
        "tags": ["zeevaart", "migratie", "werk"],
        "body": [
            (
                "p",
                "De agent van de rederij kwam één keer per maand naar Mindelo. Wie papieren had en sterk was, mocht mee. Armando had geen papieren, maar wel een oom die de agent kende.",
            ),
            (
                "quote",
                "Ik had één broek, één trui en de cavaquinho van mijn vader. Meer paste er niet in mijn tas.",
                "Armando Tavares",
            ),
            (
                "p",
                "Het schip voer via Las Palmas naar Rotterdam. In februari 1967 zag hij voor het eerst sneeuw op de kade van de Maashaven. Hij dacht dat het zout was.",
            ),
            ("object", "cavaquinho-van-mijn-grootvader", "De cavaquinho ging twaalf jaar mee aan boord."),
            (
                "p",
                "Twaalf jaar voer hij op vrachtschepen naar West-Afrika en Zuid-Amerika. Tussen de reizen woonde hij in een kamer in Delfshaven, met drie andere mannen van São Vicente.",
            ),
        ],
        "related_communities": ["katendrecht"],
        "objects": ["cavaquinho-van-mijn-grootvader", "monsterboekje-armando-tavares"],
        "depot": [(("fotografie", 2), "depicts", "Een vrachtschip in de Maashaven, jaren zestig")],
        "access": "public",
        "licence": "CC_BY_NC_SA",
    },
    {
        "slug": "morna-in-de-keuken",
        "community": "kaapverdiaans",
        "title": "Morna in de keuken aan de Schiedamseweg",
        "summary": "Maria da Luz Fortes zong morna's terwijl ze kookte. Haar kinderen leerden de liedjes voordat ze Nederlands spraken.",
        "pull_quote": "Morna is sodade: heimwee naar iets wat je misschien nooit had.",
        "narrators": ["maria-fortes"],
        "interviewer": "sandra-monteiro",
        "recorded": "3 maart 2018",
        "period": (1972, 1995),
        "places": ["bospolder", "delfshaven"],
        "languages": ["kea", "pt", "nl"],
        "tags": ["muziek", "familie", "sodade"],
        "recording": "morna",
        "body": [
            (
                "p",
                "In 1972 kwam Maria naar Rotterdam, drie jaar na haar man. De flat aan de Schiedamseweg had een keuken van twee bij twee meter. Daar zong ze.",
            ),
            ("clip", "morna", "0:01", "0:06", "Maria zingt het begin van een morna uit São Vicente."),
            (
                "quote",
                "Mijn dochter vroeg: mama, waarom is het liedje zo verdrietig? Ik zei: omdat het over thuis gaat.",
                "Maria da Luz Fortes",
            ),
            (
                "p",
                "Op zaterdag kwamen de buren uit de portiek. Iemand had een gitaar, iemand een cavaquinho. De platen die in die jaren in Rotterdam werden opgenomen, gingen over de hele wereld naar Kaapverdianen die ook ver van huis waren.",
            ),
            (
                "image",
                "Keukentafel met een gitaar en een pan cachupa",
                "Getekende impressie van een kleine keuken met een gitaar tegen de tafel",
            ),
        ],
        "objects": ["cavaquinho-van-mijn-grootvader"],
        "depot": [(("design-en-gebruiksvoorwerpen", 4), "same_kind", "Snaarinstrument")],
        "access": "public",
        "licence": "CC_BY_NC",
    },
    {
        "slug": "cachupa-op-zondag",
        "community": "kaapverdiaans",
        "title": "Cachupa op zondag",
        "summary": "Maïs, bonen, vis of vlees, en een hele nacht geduld. Fátima Gomes over het gerecht dat iedere Kaapverdiaanse familie anders maakt.",
        "pull_quote": "Cachupa maak je niet voor jezelf. Cachupa maak je voor wie er komt.",
        "narrators": ["fatima-gomes"],
        "interviewer": "marleen-verhoef",
        "recorded": "jaren 90",
        "period": (1975, 2010),
        "places": ["oude-westen"],
        "languages": ["nl", "kea"],
        "tags": ["eten", "familie"],
        "body": [
            (
                "p",
                "In de jaren zeventig was er in Rotterdam geen gestampte maïs te koop. Fátima's moeder stampte zelf, met een vijzel die ze uit Praia had meegenomen.",
            ),
            ("quote", "Op zaterdagavond ging de pan op het vuur. Op zondag na de mis was hij leeg.", "Fátima Gomes"),
            (
                "p",
                "De cachupa van de volgende ochtend, gebakken met een ei, heet cachupa refogada. Volgens Fátima is die nog beter dan de eerste.",
            ),
        ],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "brieven-naar-sao-vicente",
        "community": "kaapverdiaans",
        "title": "Brieven naar São Vicente",
        "summary": "Elke maand een brief en een postwissel. Tio Zé over geld sturen, geld missen en de brieven die nooit aankwamen.",
        "pull_quote": "Ik schreef dat alles goed ging. Dat schreef iedereen.",
        "narrators": ["jose-semedo"],
        "interviewer": "sandra-monteiro",
        "recorded": "circa 1985",
        "period": (1968, 1985),
        "places": ["delfshaven", "mindelo"],
        "languages": ["kea", "pt"],
        "tags": ["migratie", "familie", "geld"],
        "body": [
            (
                "p",
                "Deze opname is gemaakt op een cassettebandje, in een huiskamer in Delfshaven. De familie bewaarde het bandje dertig jaar en bracht het in 2020 naar het verhalenhuis.",
            ),
            (
                "quote",
                "Van elke honderd gulden stuurde ik er zestig naar huis. Mijn moeder bouwde er een huis van, kamer voor kamer.",
                "Tio Zé",
            ),
            (
                "p",
                "Tio Zé wilde niet met zijn eigen naam in de catalogus. 'Mijn kinderen weten wie ik ben,' zei hij. 'Dat is genoeg.'",
            ),
        ],
        "related_communities": ["surinaams"],
        "access": "public",
        "licence": "RS_INC",
    },
    {
        "slug": "de-nacht-van-5-juli-1975",
        "community": "kaapverdiaans",
        "title": "De nacht van 5 juli 1975",
        "summary": "Toen Kaapverdië onafhankelijk werd, vierden honderden Kaapverdianen feest in een zaal in Rotterdam-West. Nelson Ramos tekende het verhaal op van zijn grootouders.",
        "pull_quote": "Er waren meer vlaggen dan mensen. Iedereen had er één genaaid.",
        "narrators": ["nelson-ramos", "maria-fortes"],
        "interviewer": "sandra-monteiro",
        "recorded": "5 juli 2015",
        "period": (1975, 1975),
        "places": ["bospolder"],
        "languages": ["nl", "kea"],
        "tags": ["onafhankelijkheid", "feest", "muziek"],
        "body": [
            (
                "p",
                "Veertig jaar na de onafhankelijkheid vroeg Nelson zijn grootmoeder om te vertellen over die nacht. Ze begon te zingen voordat ze begon te praten.",
            ),
            (
                "quote",
                "We dansten tot de ochtend. Om zes uur moesten de mannen naar de haven, in hun nette kleren.",
                "Maria da Luz Fortes",
            ),
            (
                "image",
                "Blauwe, witte en rode vlaggetjes boven een feestzaal",
                "Getekende vlaggenlijn boven een zaal met dansende mensen",
            ),
            (
                "p",
                "Nelson speelt nu zelf in een morna-ensemble. Elk jaar op 5 juli spelen ze het lied dat die nacht het vaakst werd gezongen.",
            ),
        ],
        "access": "public",
        "licence": "CC_BY_SA",
    },
    {
        "slug": "schoonmaken-bij-de-reders",
        "community": "kaapverdiaans",
        "title": "Schoonmaken bij de reders",
        "summary": "Om vijf uur 's ochtends de kantoren aan de Boompjes, om negen uur de kinderen naar school. Fátima Gomes over de vrouwen die de stad schoonhielden.",
        "pull_quote": "De heren kenden mijn naam niet. Ik kende al hun bureaus.",
        "narrators": ["fatima-gomes"],
        "interviewer": "sandra-monteiro",
        "recorded": "14 november 2021",
        "period": (1974, 1992),
        "places": ["kop-van-zuid", "oude-westen"],
        "languages": ["nl"],
        "tags": ["werk", "vrouwen"],
        "body": [
            (
                "p",
                "Dit verhaal is alleen zichtbaar voor leden van de gemeenschap: Fátima vertelt ook over collega's die nog leven.",
            ),
            (
                "quote",
                "We waren met twaalf vrouwen, allemaal van de eilanden. We zongen op de trap, zachtjes, zodat de portier het niet hoorde.",
                "Fátima Gomes",
            ),
            (
                "p",
                "Later volgde Fátima een opleiding tot wijkverpleegkundige. Ze werkte tot haar pensioen in het Oude Westen.",
            ),
        ],
        "access": "community",
        "licence": "RS_INC",
    },
    {
        "slug": "sailing-under-three-flags",
        "community": "kaapverdiaans",
        "title": "Sailing under three flags",
        "summary": "Armando Tavares sailed under the Dutch, Liberian and Panamanian flags. In English, the language of the ships, he tells about crews from twenty countries and the one word everyone knew.",
        "pull_quote": "On board nobody asked where you were from. They asked if you could work.",
        "narrators": ["armando-tavares"],
        "interviewer": "marleen-verhoef",
        "recorded": "8 October 2019",
        "period": (1967, 1979),
        "places": ["maashaven", "katendrecht"],
        "languages": ["en"],
        "tags": ["zeevaart", "werk", "taal"],
        "body": [
            (
                "p",
                "Armando learned his English from the bosun, a man from Hong Kong who had sailed out of Rotterdam since before the war. The bosun taught him knots, curses and how to play mahjong.",
            ),
            (
                "quote",
                "We had Cape Verdeans, Chinese, Dutch, Spanish. The word everybody knew was coffee.",
                "Armando Tavares",
            ),
            (
                "p",
                "On shore leave the crew went to Katendrecht, where the boarding houses and bars knew sailors from every flag.",
            ),
        ],
        "related_communities": ["katendrecht"],
        "depot": [(("fotografie", 7), "mentions", "")],
        "access": "public",
        "licence": "CC_BY",
    },
    # ---------------------------------------------------------------- Surinaams
    {
        "slug": "aankomst-november-1974",
        "community": "surinaams",
        "title": "Aankomst, november 1974",
        "summary": "Hilda Wijngaarde landde op Schiphol met twee koffers en een naaimachine. Een neef haalde haar op en bracht haar naar een flat in Feijenoord.",
        "pull_quote": "Het was vier uur 's middags en al donker. Ik dacht: hier gaat de zon vroeg naar bed.",
        "narrators": ["hilda-wijngaarde"],
        "interviewer": "ricardo-pinas",
        "recorded": "21 september 2017",
        "period": (1974, 1976),
        "places": ["paramaribo", "feijenoord"],
        "languages": ["nl", "srn"],
        "tags": ["migratie", "onafhankelijkheid"],
        "body": [
            (
                "p",
                "In 1974 en 1975, in de aanloop naar de onafhankelijkheid, vertrokken tienduizenden Surinamers naar Nederland. Hilda was een van hen.",
            ),
            (
                "quote",
                "Mijn moeder zei: ga, dan heb je een paspoort dat overal geldt. Ik ging, maar mijn hart bleef op de Waterkant.",
                "Hilda Wijngaarde",
            ),
            (
                "p",
                "De eerste maanden sliep ze met drie nichten in één kamer. Binnen een jaar naaide ze kleding voor de halve portiek.",
            ),
        ],
        "objects": ["kotomisi-van-tante-hilda"],
        "access": "public",
        "licence": "CC_BY_NC_SA",
    },
    {
        "slug": "de-koto-van-mijn-grootmoeder",
        "community": "surinaams",
        "title": "De koto van mijn grootmoeder",
        "summary": "Hoe je een angisa vouwt, welke stof je draagt naar een begrafenis en welke naar een verjaardag: Hilda leerde het van haar grootmoeder en geeft het door.",
        "pull_quote": "Een koto draag je niet. Een koto spreekt.",
        "narrators": ["hilda-wijngaarde"],
        "interviewer": "ricardo-pinas",
        "recorded": "1 juli 2021",
        "period": (1950, 2021),
        "places": ["paramaribo", "feijenoord"],
        "languages": ["nl", "srn"],
        "tags": ["textiel", "keti koti", "familie"],
        "body": [
            (
                "p",
                "De koto ontstond in de tijd van de slavernij. Vrouwen maakten er een eigen taal van, met stoffen, kleuren en de vouw van de angisa.",
            ),
            ("object", "angisa-gevouwen-voor-keti-koti", "De angisa 'Mi na ala ten', gevouwen door Hilda."),
            (
                "quote",
                "Mijn grootmoeder vouwde elke ochtend haar angisa voor de spiegel. Als ze boos was, zag de hele straat het.",
                "Hilda Wijngaarde",
            ),
            (
                "image",
                "Hilda vouwt een angisa aan de keukentafel",
                "Getekende impressie van handen die een gesteven doek vouwen",
            ),
            ("depot", "BK-2021-0113", "Het depot registreerde de angisa in 2021."),
        ],
        "objects": ["kotomisi-van-tante-hilda", "angisa-gevouwen-voor-keti-koti"],
        "depot": [("BK-2021-0113", "depicts", ""), (("textiel-en-mode", 1), "same_kind", "")],
        "access": "public",
        "licence": "CC_BY_NC_SA",
    },
    {
        "slug": "keti-koti-in-zuid",
        "community": "surinaams",
        "title": "Keti Koti in Zuid",
        "summary": "Op 1 juli viert Rotterdam de afschaffing van de slavernij. Hilda vertelt hoe het feest groeide van een bijeenkomst in een buurthuis tot een dag voor de hele stad.",
        "pull_quote": "Keti Koti betekent: de ketenen zijn gebroken. Maar je moet ze wel blijven noemen.",
        "narrators": ["hilda-wijngaarde", "marcia-doelwijt"],
        "interviewer": "ricardo-pinas",
        "recorded": "1 juli 2022",
        "period": (1980, 2022),
        "places": ["zuiderpark", "afrikaanderwijk"],
        "languages": ["srn", "nl"],
        "tags": ["keti koti", "feest", "herdenking"],
        "recording": "keti-koti",
        "body": [
            (
                "p",
                "In de jaren tachtig kwamen een paar families bijeen in een buurthuis in Zuid. Er werd gekookt, gezongen en herdacht.",
            ),
            ("clip", "keti-koti", "0:02", "0:07", "Hilda over de eerste vieringen."),
            (
                "quote",
                "We droegen onze koto's en de Hollanders op straat dachten dat het carnaval was.",
                "Marcia Doelwijt",
            ),
            (
                "p",
                "Nu trekt de viering duizenden bezoekers. Hilda zit elk jaar in de tent waar vrouwen leren angisa's vouwen.",
            ),
        ],
        "related_communities": ["antilliaans"],
        "objects": ["kotomisi-van-tante-hilda"],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "roti-op-de-west-kruiskade",
        "community": "surinaams",
        "title": "Roti op de West-Kruiskade",
        "summary": "Dertig jaar stond Soenita Ramdin achter de tawa. Over klanten uit de hele stad, lange nachten en de geur die je nooit meer uit je haar krijgt.",
        "pull_quote": "Iedereen kwam: havenwerkers, studenten, agenten. Voor roti is iedereen gelijk.",
        "narrators": ["soenita-ramdin"],
        "interviewer": "ricardo-pinas",
        "recorded": "circa 2014",
        "period": (1982, 2012),
        "places": ["west-kruiskade", "oude-westen"],
        "languages": ["nl"],
        "tags": ["eten", "werk", "ondernemen"],
        "body": [
            (
                "p",
                "De West-Kruiskade werd in de jaren tachtig de straat van de Surinaamse, Chinese en Kaapverdiaanse winkels. De rotishop van Soenita's ouders was een van de eerste.",
            ),
            (
                "quote",
                "Mijn moeder bakte, mijn vader sneed, ik rekende af. Op zaterdag stond de rij tot op de hoek.",
                "Soenita Ramdin",
            ),
            ("object", "tawa-uit-nickerie", "De tawa staat nu in het depot."),
            ("p", "In 2012 sloot de zaak. De tawa ging eerst naar de zolder en in 2022 naar het depot."),
        ],
        "objects": ["tawa-uit-nickerie"],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "javaanse-bruiloft-in-hillesluis",
        "community": "surinaams",
        "title": "Een Javaanse bruiloft in Hillesluis",
        "summary": "Gamelan in een gymzaal en slametan op de tweede verdieping. Sarmin Kromodikoro over Javaans-Surinaamse feesten in Rotterdam-Zuid.",
        "pull_quote": "De gamelan moest met vier man de trap op. Daarna speelde hij de hele nacht.",
        "narrators": ["sarmin-kromodikoro"],
        "interviewer": "ricardo-pinas",
        "recorded": "voorjaar 1983",
        "period": (1976, 1990),
        "places": ["hillesluis"],
        "languages": ["jv", "nl"],
        "tags": ["bruiloft", "muziek", "feest"],
        "body": [
            (
                "p",
                "De Javanen in Suriname kwamen tussen 1890 en 1939 als contractarbeiders uit Nederlands-Indië. Hun kinderen en kleinkinderen kwamen in de jaren zeventig naar Nederland.",
            ),
            (
                "quote",
                "Mijn vader zei: in Suriname waren we Javanen, in Holland zijn we Surinamers. Hier zijn we allebei.",
                "Sarmin Kromodikoro",
            ),
            (
                "p",
                "De opname is gemaakt tijdens een bruiloft in 1983, op een draagbare cassetterecorder. Op de achtergrond klinkt de gamelan.",
            ),
        ],
        "access": "public",
        "licence": "RS_INC_EDU",
    },
    {
        "slug": "winti-in-feijenoord",
        "community": "surinaams",
        "title": "Winti in een flat in Feijenoord",
        "summary": "Over de oude Afro-Surinaamse religie, die lang verborgen werd gehouden, en hoe die een plek vond in een Rotterdamse flat.",
        "pull_quote": "Mijn oma zei: de goden zijn mee in het vliegtuig gekomen. Ze hadden geen kaartje nodig.",
        "narrators": ["ingrid-v"],
        "interviewer": "ricardo-pinas",
        "recorded": "circa 2016",
        "period": (1975, 2016),
        "places": ["feijenoord"],
        "languages": ["srn", "nl"],
        "tags": ["religie", "familie"],
        "body": [
            (
                "p",
                "De verteller wil anoniem blijven. Het verhaal is alleen zichtbaar voor leden van de gemeenschap, op haar verzoek.",
            ),
            (
                "quote",
                "Op zondag ging mijn moeder naar de kerk. Op vrijdagavond kwam de familie voor iets anders.",
                "Anoniem",
            ),
            (
                "p",
                "Winti werd tot 1971 in Suriname bij wet onderdrukt. In Rotterdam kregen de rituelen een nieuwe vorm, tussen de flats en het Zuiderpark.",
            ),
        ],
        "access": "community",
        "licence": "RS_INC",
    },
    {
        "slug": "two-passports-one-kitchen",
        "community": "surinaams",
        "title": "Two passports, one kitchen",
        "summary": "Marcia Doelwijt came to Rotterdam in 1975 to train as a nurse. In English, for her grandchildren abroad, she tells how her kitchen became the place where both countries met.",
        "pull_quote": "My mother sent pom in a tin every Christmas. Customs never opened it; they could smell it was love.",
        "narrators": ["marcia-doelwijt"],
        "interviewer": "marleen-verhoef",
        "recorded": "24 December 2020",
        "period": (1975, 2020),
        "places": ["crooswijk", "paramaribo"],
        "languages": ["en", "nl"],
        "tags": ["eten", "familie", "zorg"],
        "body": [
            (
                "p",
                "Marcia trained at a nursing school in Rotterdam and worked nights for thirty years. Her flat in Crooswijk had a kitchen the size of a cupboard.",
            ),
            (
                "quote",
                "At the hospital I was Dutch. In my kitchen I was from Paramaribo. Both were true.",
                "Marcia Doelwijt",
            ),
            ("p", "She recorded this story for her grandchildren in Canada, who speak English better than Dutch."),
        ],
        "access": "public",
        "licence": "CC_BY",
    },
    # ---------------------------------------------------------------- Katendrecht
    {
        "slug": "stoker-in-het-ruim",
        "community": "katendrecht",
        "title": "Stoker in het ruim",
        "summary": "William Tsang vertelt het verhaal van zijn grootvader, die in 1920 als stoker op Katendrecht kwam. Over hitte, kolenstof en een pension vol mannen uit Bao'an.",
        "pull_quote": "Mijn grootvader zei: boven was de zee, beneden was de hel. Wij werkten beneden.",
        "narrators": ["william-tsang"],
        "interviewer": "marleen-verhoef",
        "recorded": "16 januari 2016",
        "period": (1911, 1940),
        "places": ["katendrecht", "baoan"],
        "languages": ["nl", "zh"],
        "tags": ["zeevaart", "werk", "migratie"],
        "body": [
            (
                "p",
                "Vanaf 1911 namen Nederlandse rederijen Chinese zeelieden aan, eerst als stakingsbrekers, later omdat ze goedkoper waren. Velen kwamen uit Bao'an, bij Hongkong.",
            ),
            ("quote", "Hij had handen als leer. Als kind mocht ik zijn littekens tellen.", "William Tsang"),
            (
                "p",
                "Tussen twee reizen woonden de stokers in pensions op Katendrecht. Zo ontstond daar de eerste Chinese wijk van het Europese vasteland.",
            ),
            ("object", "foto-stokers-1925", "De enige foto van de ploeg van grootvader Tsang."),
        ],
        "related_communities": ["kaapverdiaans"],
        "objects": ["foto-stokers-1925"],
        "depot": [(("fotografie", 5), "same_kind", "Havenfoto uit de jaren twintig")],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "pinda-pinda-lekka-lekka",
        "community": "katendrecht",
        "title": "Pinda, pinda, lekka lekka",
        "summary": "In de crisisjaren verloren honderden Chinese zeelieden hun werk. Ze bakten pindakoekjes en verkochten ze op straat. Een roep die heel Rotterdam kende.",
        "pull_quote": "Mijn oom liep elke dag van de Kaap naar de Coolsingel en terug. Met een trommel vol koekjes en een lege maag.",
        "narrators": ["william-tsang", "annie-chong"],
        "interviewer": "marleen-verhoef",
        "recorded": "circa 2000",
        "period": (1930, 1940),
        "places": ["katendrecht", "coolsingel"],
        "languages": ["nl"],
        "tags": ["crisis", "eten", "werk"],
        "body": [
            (
                "p",
                "Door de wereldcrisis lagen in de jaren dertig veel schepen stil. De Chinese stokers werden als eersten ontslagen en kregen geen steun.",
            ),
            (
                "quote",
                "Ze bakten 's nachts, met zes man in één keuken. 's Ochtends roken de hele Delistraat naar pinda's.",
                "Annie Chong",
            ),
            ("object", "blikken-trommel-pindakoekjes", "De trommel van de oom van William Tsang."),
            (
                "p",
                "De roep 'pinda, pinda, lekka lekka' werd een Rotterdamse uitdrukking. Weinigen weten nog wie hem riepen, en waarom.",
            ),
        ],
        "objects": ["blikken-trommel-pindakoekjes"],
        "depot": [("BK-2016-0042", "depicts", "")],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "het-pension-van-mijn-vader",
        "community": "katendrecht",
        "title": "Het pension van mijn vader aan de Delistraat",
        "summary": "Annie Chong groeide op tussen twintig zeelieden. Haar vader was pensionhouder, tolk, bankier en soms rechter.",
        "pull_quote": "Ik had twintig ooms. Geen van hen was familie, en allemaal waren ze het.",
        "narrators": ["annie-chong"],
        "interviewer": "marleen-verhoef",
        "recorded": "21 april 2018",
        "period": (1938, 1968),
        "places": ["katendrecht"],
        "languages": ["nl", "zh"],
        "tags": ["wonen", "familie", "zeevaart"],
        "recording": "pension",
        "body": [
            (
                "p",
                "Het pension had drie verdiepingen en één badkamer. Op de bovenste verdieping sliepen de mannen die op een schip wachtten.",
            ),
            ("clip", "pension", "0:01", "0:05", "Annie over de zaterdagavonden."),
            (
                "quote",
                "Mijn vader bewaarde hun geld in een kist onder zijn bed. Niemand heeft ooit een cent gemist.",
                "Annie Chong",
            ),
            ("object", "mahjongspel-uit-het-pension", "Het mahjongspel van de zaterdagavonden."),
            (
                "image",
                "De Delistraat in de jaren vijftig",
                "Getekende impressie van een straat met smalle huizen en Chinese opschriften",
            ),
        ],
        "objects": ["mahjongspel-uit-het-pension"],
        "access": "public",
        "licence": "CC_BY_NC",
    },
    {
        "slug": "papieren-die-niemand-mocht-zien",
        "community": "katendrecht",
        "title": "Papieren die niemand mocht zien",
        "summary": "Een verteller over familieleden die zonder geldige papieren in Nederland bleven, en over de angst die generaties meegaat. Alleen voor medewerkers en curatoren.",
        "pull_quote": "We spraken er thuis nooit over. Pas na zijn begrafenis vonden we de brieven.",
        "narrators": ["chen-anonymous"],
        "interviewer": "marleen-verhoef",
        "recorded": "2 februari 2023",
        "period": (1936, 1960),
        "places": ["katendrecht"],
        "languages": ["nl", "zh"],
        "tags": ["migratie", "crisis"],
        "body": [
            (
                "p",
                "Dit verhaal is op verzoek van de verteller alleen zichtbaar voor museummedewerkers en de curatoren van de gemeenschap. Het wordt gebruikt voor onderzoek en niet gepubliceerd.",
            ),
            ("quote", "Mijn oom had twee namen. Eén voor de politie en één voor ons.", "Anoniem"),
        ],
        "access": "staff",
        "licence": "RS_INC",
        "content_warning": "Dit verhaal gaat over uitzetting en angst voor de overheid.",
    },
    {
        "slug": "mahjong-op-zaterdagavond",
        "community": "katendrecht",
        "title": "Mahjong op zaterdagavond",
        "summary": "Het klikken van de stenen, de rook, de ruzies over de puntentelling. Ah Pin herinnert zich de zaterdagavonden in de pensions.",
        "pull_quote": "Als kind mocht ik de stenen schudden. Dat was het mooiste werk van de week.",
        "narrators": ["peter-lie"],
        "interviewer": "marleen-verhoef",
        "recorded": "jaren 80",
        "period": (1950, 1965),
        "places": ["katendrecht"],
        "languages": ["nl"],
        "tags": ["spel", "wonen"],
        "body": [
            ("p", "Ah Pin is het pseudoniem van een verteller die als kind in een pension op de Kaap woonde."),
            ("quote", "De mannen speelden om centen. Als er een schip binnenkwam, speelden ze om guldens.", "Ah Pin"),
            ("object", "mahjongspel-uit-het-pension", ""),
        ],
        "objects": ["mahjongspel-uit-het-pension"],
        "access": "public",
        "licence": "CC_BY_NC",
    },
    {
        "slug": "het-eerste-chinese-restaurant-op-de-kaap",
        "community": "katendrecht",
        "title": "Het eerste Chinese restaurant op de Kaap",
        "summary": "Na de oorlog begonnen oud-zeelieden eethuizen voor hun landgenoten. Lai Ying Wong vertelt hoe Rotterdammers leerden om nasi en tjap tjoy te bestellen.",
        "pull_quote": "Eerst kookten we voor de zeelieden. Toen kwamen de Hollanders, en die wilden alles met saus.",
        "narrators": ["lai-ying-wong"],
        "interviewer": "marleen-verhoef",
        "recorded": "circa 1995",
        "period": (1947, 1975),
        "places": ["katendrecht", "west-kruiskade"],
        "languages": ["nl", "zh"],
        "tags": ["eten", "ondernemen"],
        "body": [
            (
                "p",
                "Lai Ying kwam in 1955 naar Rotterdam, om te trouwen met een oud-stoker die een eethuis had op Katendrecht.",
            ),
            ("quote", "Het menu stond op één bord aan de muur. De prijzen veranderden met het weer.", "Lai Ying Wong"),
            (
                "p",
                "Toen Katendrecht in de jaren zeventig veranderde, verhuisden veel Chinese zaken naar de West-Kruiskade, waar nu Rotterdams Chinatown is.",
            ),
        ],
        "related_communities": ["surinaams"],
        "depot": [(("keramiek-en-glas", 8), "same_kind", "")],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "a-dutch-chinese-childhood",
        "community": "katendrecht",
        "title": "A Dutch-Chinese childhood on the Kaap",
        "summary": "Annie Chong, born on Katendrecht in 1938, on growing up between Cantonese at home, Rotterdam dialect in the street and Dutch at school.",
        "pull_quote": "At home I was Ah Nee, at school I was Annie, and in the street I was that Chinese girl.",
        "narrators": ["annie-chong"],
        "interviewer": "marleen-verhoef",
        "recorded": "10 June 2018",
        "period": (1938, 1956),
        "places": ["katendrecht"],
        "languages": ["en", "nl"],
        "tags": ["taal", "familie", "jeugd"],
        "body": [
            (
                "p",
                "Annie recorded this story in English for a visiting group of students from Hong Kong. She switched to Rotterdam dialect twice, when she laughed.",
            ),
            ("quote", "My father spoke six languages, none of them well, and all of them loud.", "Annie Chong"),
        ],
        "access": "public",
        "licence": "CC_BY",
    },
    # ---------------------------------------------------------------- Turks
    {
        "slug": "mijn-eerste-nacht-in-rotterdam",
        "community": "turks",
        "title": "Mijn eerste nacht in Rotterdam",
        "summary": "Mehmet Yıldız kwam in 1965 met de trein uit Istanbul. Een tolk bracht hem naar een pension met stapelbedden. Hij sliep niet.",
        "pull_quote": "Ik lag wakker en luisterde naar de schepen. Ik dacht: morgen begint mijn leven.",
        "narrators": ["mehmet-yildiz"],
        "interviewer": "elif-aksoy",
        "recorded": "29 oktober 2018",
        "period": (1965, 1966),
        "places": ["yozgat", "oude-westen"],
        "languages": ["tr", "nl"],
        "tags": ["gastarbeid", "migratie", "wonen"],
        "recording": "eerste-nacht",
        "body": [
            (
                "p",
                "Na het wervingsakkoord van 1964 selecteerden Nederlandse bedrijven in Turkije zelf hun arbeiders. Mehmet werd gekeurd in Istanbul: tanden, ogen, handen.",
            ),
            ("clip", "eerste-nacht", "0:02", "0:08", "Mehmet over de treinreis en de aankomst."),
            (
                "quote",
                "De dokter keek naar mijn handen en zei: goed, lasser. Ik had nog nooit gelast.",
                "Mehmet Yıldız",
            ),
            ("object", "baglama-uit-yozgat", "De bağlama reisde mee in de koffer."),
            (
                "p",
                "De eerste nacht bracht hij door in een pension in het Oude Westen, met elf mannen uit vijf verschillende dorpen.",
            ),
        ],
        "related_communities": ["marokkaans"],
        "objects": ["baglama-uit-yozgat", "koffer-van-de-eerste-reis"],
        "access": "public",
        "licence": "CC_BY_SA",
    },
    {
        "slug": "dertig-man-in-een-pension",
        "community": "turks",
        "title": "Dertig man in één pension",
        "summary": "Hüseyin Demir over het leven in de pensions: bedden in ploegendienst, koken op een gasstel en een huisbaas die elke week meer vroeg.",
        "pull_quote": "Als ik uit de nachtdienst kwam, was mijn bed nog warm van de man van de dagdienst.",
        "narrators": ["huseyin-demir"],
        "interviewer": "elif-aksoy",
        "recorded": "jaren 70",
        "period": (1966, 1972),
        "places": ["afrikaanderwijk", "delfshaven"],
        "languages": ["tr"],
        "tags": ["wonen", "gastarbeid"],
        "body": [
            (
                "p",
                "Deze opname komt van een bandje dat Hüseyin in de jaren zeventig maakte voor zijn familie in Turkije, als gesproken brief. Elif Aksoy vertaalde het.",
            ),
            ("quote", "We waren met dertig man en één wc. We hadden een rooster, zoals op een schip.", "Hüseyin Demir"),
            (
                "p",
                "De pensions waren vaak in handen van huisjesmelkers. Pas in de jaren zeventig kwamen er regels voor het aantal mensen per woning.",
            ),
        ],
        "related_communities": ["marokkaans"],
        "access": "public",
        "licence": "RS_INC_EDU",
    },
    {
        "slug": "augustus-1972",
        "community": "turks",
        "title": "Augustus 1972",
        "summary": "In augustus 1972 werden in de Afrikaanderwijk pensions van Turkse arbeiders aangevallen. Hüseyin Demir woonde er en vertelt wat hij zag.",
        "pull_quote": "We zaten met de lichten uit in de achterkamer. Buiten riepen ze dat we weg moesten.",
        "narrators": ["huseyin-demir"],
        "interviewer": "elif-aksoy",
        "recorded": "12 augustus 2012",
        "period": (1972, 1972),
        "places": ["afrikaanderwijk"],
        "languages": ["tr", "nl"],
        "tags": ["discriminatie", "wonen", "gastarbeid"],
        "body": [
            (
                "p",
                "Na een conflict over de uitzetting van een Nederlands gezin door een Turkse pensionhouder braken in de Afrikaanderwijk dagenlang rellen uit. Pensions werden bestormd, inboedels op straat gegooid.",
            ),
            (
                "quote",
                "Een Nederlandse buurvrouw liet ons door haar tuin ontsnappen. Haar naam heb ik nooit geweten.",
                "Hüseyin Demir",
            ),
            ("p", "Veertig jaar later, in 2012, vertelde Hüseyin dit verhaal voor het eerst voor een microfoon."),
        ],
        "related_communities": ["marokkaans"],
        "access": "public",
        "licence": "CC_BY_NC_ND",
        "content_warning": "Dit verhaal gaat over racistisch geweld.",
    },
    {
        "slug": "lassen-bij-wilton-fijenoord",
        "community": "turks",
        "title": "Lassen bij Wilton-Fijenoord",
        "summary": "Achttien jaar laste Mehmet scheepsrompen aaneen op de werf in Schiedam. Over vakmanschap, lawaai en de collega's die bleven en die teruggingen.",
        "pull_quote": "Een goede las zie je niet. Je ziet alleen een schip dat niet lekt.",
        "narrators": ["mehmet-yildiz"],
        "interviewer": "elif-aksoy",
        "recorded": "15 januari 2019",
        "period": (1965, 1983),
        "places": ["wilton-fijenoord", "heijplaat"],
        "languages": ["nl", "tr"],
        "tags": ["werk", "werf", "gastarbeid"],
        "body": [
            (
                "p",
                "De scheepswerven in Rotterdam en Schiedam draaiden in de jaren zestig op volle toeren. Er waren te weinig Nederlandse arbeiders voor het zware werk.",
            ),
            (
                "quote",
                "Mijn voorman sprak geen Turks en ik geen Nederlands. Na een week verstonden we elkaar met onze handen.",
                "Mehmet Yıldız",
            ),
            ("object", "lasbril-wilton-fijenoord", "De lasbril ging na de tentoonstelling terug naar de familie."),
            (
                "image",
                "Vonken bij een scheepsromp",
                "Getekende impressie van een lasser naast een hoge stalen wand met vonken",
            ),
        ],
        "objects": ["lasbril-wilton-fijenoord"],
        "depot": [(("prenten-en-tekeningen", 1), "mentions", "Tekening van een werf")],
        "access": "public",
        "licence": "CC_BY_SA",
    },
    {
        "slug": "de-koffer-die-nooit-werd-uitgepakt",
        "community": "turks",
        "title": "De koffer die nooit werd uitgepakt",
        "summary": "Hüseyin wilde twee jaar blijven. De koffer bleef klaarstaan onder zijn bed, vijftig jaar lang.",
        "pull_quote": "Elk jaar zei ik: volgend jaar ga ik terug. Mijn kinderen lachen er nu om.",
        "narrators": ["huseyin-demir"],
        "interviewer": "elif-aksoy",
        "recorded": "16 augustus 2017",
        "period": (1966, 2017),
        "places": ["spangen", "yozgat"],
        "languages": ["tr", "nl"],
        "tags": ["migratie", "heimwee", "familie"],
        "body": [
            ("p", "De meeste gastarbeiders dachten dat ze tijdelijk kwamen. De Nederlandse overheid dacht dat ook."),
            ("object", "koffer-van-de-eerste-reis", "De koffer staat nu in het depot."),
            (
                "quote",
                "De koffer was mijn belofte aan mijn moeder. Ik heb hem gebroken, maar ik heb hem bewaard.",
                "Hüseyin Demir",
            ),
        ],
        "objects": ["koffer-van-de-eerste-reis"],
        "depot": [(("design-en-gebruiksvoorwerpen", 0), "same_kind", "")],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "een-moskee-in-een-oude-garage",
        "community": "turks",
        "title": "Een moskee in een oude garage",
        "summary": "In 1976 huurden twintig mannen een garage in Rotterdam-West en legden er tapijten neer. Osman Arslan over de eerste gebedsruimtes.",
        "pull_quote": "We hadden geen minaret. We hadden een kachel en een kompas.",
        "narrators": ["osman-arslan"],
        "interviewer": "elif-aksoy",
        "recorded": "circa 2005",
        "period": (1976, 2001),
        "places": ["spangen", "delfshaven"],
        "languages": ["tr"],
        "tags": ["religie", "vereniging"],
        "body": [
            (
                "p",
                "De eerste moskeeën in Rotterdam zaten in oude scholen, kerken, winkels en garages. Pas later kwamen er gebouwen die als moskee waren ontworpen.",
            ),
            (
                "quote",
                "Op vrijdag paste niet iedereen erin. Dan baden we ook op de stoep, ook in de regen.",
                "Osman Arslan",
            ),
        ],
        "related_communities": ["marokkaans"],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "mijn-moeder-kwam-in-1979",
        "community": "turks",
        "title": "Mijn moeder kwam in 1979",
        "summary": "Ayşe Kaya kwam met vier kinderen naar een man die ze zes jaar nauwelijks had gezien. Het verhaal is opgenomen, maar op haar verzoek pas later te lezen.",
        "pull_quote": "Mijn man wachtte op het perron met een bos bloemen. Ik herkende hem niet meer.",
        "narrators": ["ayse-kaya", "emine-celik"],
        "interviewer": "elif-aksoy",
        "recorded": "8 maart 2024",
        "period": (1979, 1990),
        "places": ["spangen"],
        "languages": ["tr", "nl"],
        "tags": ["gezinshereniging", "vrouwen", "familie"],
        "body": [
            (
                "p",
                "Eind jaren zeventig haalden veel Turkse arbeiders hun gezinnen naar Nederland. Voor de vrouwen begon een nieuw leven in een land waarvan ze de taal niet spraken.",
            ),
            (
                "quote",
                "De eerste winter ging ik niet naar buiten. Mijn dochter deed de boodschappen, zij was negen.",
                "Emine H.",
            ),
            (
                "p",
                "Ayşe wil dat haar verhaal pas na een embargo openbaar wordt, wanneer haar kleinkinderen oud genoeg zijn om het eerst zelf te horen.",
            ),
        ],
        "embargo": EMBARGO_DATE,
        "access": "public",
        "licence": "CC_BY_NC_ND",
    },
    # ---------------------------------------------------------------- Antilliaans
    {
        "slug": "het-eerste-zomercarnaval",
        "community": "antilliaans",
        "title": "Het eerste Zomercarnaval, 1984",
        "summary": "Een paar honderd mensen, een vrachtwagen met een geluidsinstallatie en heel veel lef. Giselle Rosaria danste mee in de eerste optocht.",
        "pull_quote": "De Rotterdammers stonden stil op de stoep en keken. Aan het eind dansten ze mee.",
        "narrators": ["giselle-rosaria"],
        "interviewer": "marleen-verhoef",
        "recorded": "25 juli 2020",
        "period": (1984, 1986),
        "places": ["coolsingel", "charlois"],
        "languages": ["pap", "nl"],
        "tags": ["carnaval", "feest", "muziek"],
        "recording": "carnaval",
        "body": [
            (
                "p",
                "Het Rotterdamse Zomercarnaval begon in 1984 als een initiatief van Antilliaanse Rotterdammers. Nu is het een van de grootste straatfeesten van Nederland.",
            ),
            ("clip", "carnaval", "0:01", "0:05", "Giselle over de ochtend van de eerste optocht."),
            ("quote", "We hadden niet genoeg veren. We plukten de kussens van mijn tante.", "Giselle Rosaria"),
            ("object", "carnavalskostuum-1986", "Het kostuum van 1986."),
            (
                "image",
                "Optocht over de Coolsingel",
                "Getekende impressie van dansende mensen in kostuums met veren op een brede straat",
            ),
        ],
        "related_communities": ["surinaams", "kaapverdiaans"],
        "objects": ["carnavalskostuum-1986"],
        "depot": [("BK-2020-0015", "depicts", ""), (("prenten-en-tekeningen", 3), "mentions", "Feestaffiche")],
        "access": "public",
        "licence": "CC_BY_NC",
    },
    {
        "slug": "studeren-in-de-kou",
        "community": "antilliaans",
        "title": "Studeren in de kou",
        "summary": "Edsel Martina kwam in 1961 met een beurs naar Delft. Over kamers zonder verwarming, de Antilliaanse studentenvereniging en de eerste keer schaatsen.",
        "pull_quote": "Ik had een jas gekocht in Willemstad. Hij was gemaakt voor een Hollandse zomer.",
        "narrators": ["edsel-martina"],
        "interviewer": "marleen-verhoef",
        "recorded": "jaren 60",
        "period": (1961, 1967),
        "places": ["willemstad", "crooswijk"],
        "languages": ["nl", "pap"],
        "tags": ["studie", "migratie"],
        "body": [
            (
                "p",
                "In de jaren vijftig en zestig kwamen vooral studenten van de Antillen naar Nederland. Ze waren met weinig en kenden elkaar allemaal.",
            ),
            (
                "quote",
                "Op zondag kookten we met z'n tienen op één pit. Keshi yená met kaas uit de Hollandse supermarkt: bijna zoals thuis.",
                "Edsel Martina",
            ),
            (
                "p",
                "Deze opname is gemaakt in de jaren zestig, op een bandrecorder van de vereniging. Edsel vond hem terug in 2023.",
            ),
        ],
        "objects": ["studentenplakboek-1962"],
        "access": "public",
        "licence": "RS_UND",
    },
    {
        "slug": "tambu-in-charlois",
        "community": "antilliaans",
        "title": "Tambú in Charlois",
        "summary": "Tambú was op Curaçao lang verboden. In een buurthuis in Charlois leert Ramon Koolman kinderen spelen, zingen en luisteren.",
        "pull_quote": "De trom onthoudt wat de mensen moesten vergeten.",
        "narrators": ["ramon-koolman"],
        "interviewer": "marleen-verhoef",
        "recorded": "1 juli 2022",
        "period": (1998, 2022),
        "places": ["charlois"],
        "languages": ["pap", "nl"],
        "tags": ["muziek", "tambú", "herdenking"],
        "body": [
            (
                "p",
                "Tambú is muziek, dans en nieuws tegelijk: in de liedjes werden vroeger schandalen en verzet bezongen. De koloniale overheid verbood het herhaaldelijk.",
            ),
            ("object", "tambu-trom", "De trom die Ramon zelf bouwde."),
            ("quote", "Ik leer de kinderen eerst stil te zijn. Dan pas mogen ze slaan.", "Ramon Koolman"),
        ],
        "objects": ["tambu-trom"],
        "depot": [(("design-en-gebruiksvoorwerpen", 9), "same_kind", "")],
        "access": "public",
        "licence": "CC_BY_SA",
    },
    {
        "slug": "van-de-raffinaderij-naar-de-maashaven",
        "community": "antilliaans",
        "title": "Van de raffinaderij naar de Maashaven",
        "summary": "Toen de raffinaderij op Curaçao in 1985 werd overgedragen, verloren duizenden mensen hun werk. Shirley Isenia vertrok met haar twee zonen naar Rotterdam.",
        "pull_quote": "Op het eiland rook alles naar olie. In Rotterdam ook. Dat was het enige wat hetzelfde was.",
        "narrators": ["shirley-isenia"],
        "interviewer": "marleen-verhoef",
        "recorded": "14 maart 2019",
        "period": (1985, 1995),
        "places": ["willemstad", "maashaven", "tarwewijk"],
        "languages": ["pap", "nl"],
        "tags": ["werk", "migratie", "haven"],
        "body": [
            (
                "p",
                "Na het vertrek van Shell in 1985 groeide de migratie van Curaçao naar Nederland sterk. Veel gezinnen kwamen naar Rotterdam-Zuid.",
            ),
            (
                "quote",
                "Ik kookte op de raffinaderij voor vierhonderd man. Hier kookte ik voor mijn jongens en voor de halve straat.",
                "Shirley Isenia",
            ),
            ("p", "Shirley vond werk in een bedrijfskantine in de haven. Ze werkte er tot haar pensioen."),
        ],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "kabritu-stoba-bij-tante-shirley",
        "community": "antilliaans",
        "title": "Kabritu stobá bij tante Shirley",
        "summary": "Gestoofde geit, funchi en pan bati: Shirley Isenia over het eten dat haar keuken in de Tarwewijk beroemd maakte.",
        "pull_quote": "Geitenvlees kopen in Rotterdam in 1986? Ik moest naar een boer in Barendrecht.",
        "narrators": ["shirley-isenia"],
        "interviewer": "marleen-verhoef",
        "recorded": "circa 2010",
        "period": (1986, 2010),
        "places": ["tarwewijk"],
        "languages": ["pap", "nl"],
        "tags": ["eten", "familie"],
        "body": [
            ("p", "De buren roken de stoofpot al vanaf de trap. Op verjaardagen kookte Shirley voor zestig mensen."),
            ("quote", "Funchi moet je roeren tot je arm zeer doet. Dan is hij goed.", "Shirley Isenia"),
        ],
        "related_communities": ["surinaams"],
        "depot": [(("keramiek-en-glas", 11), "same_kind", "")],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "dia-di-bandera-in-het-buurthuis",
        "community": "antilliaans",
        "title": "Dia di Bandera in het buurthuis",
        "summary": "Op 2 juli viert Curaçao de Dag van de Vlag. In een buurthuis in Charlois zingen kinderen het volkslied dat hun ouders alleen van verjaardagen kennen.",
        "pull_quote": "Mijn zoon is in Rotterdam geboren en zingt het volkslied beter dan ik.",
        "narrators": ["jurich-a"],
        "interviewer": "marleen-verhoef",
        "recorded": "2 juli 2019",
        "period": (2010, 2019),
        "places": ["charlois"],
        "languages": ["pap"],
        "tags": ["feest", "taal", "jeugd"],
        "body": [
            (
                "p",
                "Dit verhaal is alleen zichtbaar voor leden van de gemeenschap; de verteller wil anoniem blijven en vertelt over kinderen in de buurt.",
            ),
            ("quote", "We hangen de vlag uit het raam. De buren vragen elk jaar welk land dat is.", "Anoniem"),
        ],
        "access": "community",
        "licence": "RS_INC",
    },
    {
        "slug": "island-time-in-a-rotterdam-winter",
        "community": "antilliaans",
        "title": "Island time in a Rotterdam winter",
        "summary": "Giselle Rosaria on being late, being early and being cold: a story in English about two ideas of time, recorded for an exhibition on the Kop van Zuid.",
        "pull_quote": "In Willemstad the party starts when people arrive. In Rotterdam people arrive when the party starts.",
        "narrators": ["giselle-rosaria"],
        "interviewer": "marleen-verhoef",
        "recorded": "February 2020",
        "period": (1984, 2020),
        "places": ["kop-van-zuid", "willemstad"],
        "languages": ["en", "pap"],
        "tags": ["taal", "humor"],
        "body": [
            (
                "p",
                "Giselle tells this story often, and every time a little differently. This is the version she recorded in English for an exhibition.",
            ),
            (
                "quote",
                "My Dutch boss gave me a watch. I gave him a hammock. We both learned something.",
                "Giselle Rosaria",
            ),
        ],
        "access": "public",
        "licence": "CC_BY",
    },
    # ---------------------------------------------------------------- Marokkaans
    {
        "slug": "van-nador-naar-de-afrikaanderwijk",
        "community": "marokkaans",
        "title": "Van Nador naar de Afrikaanderwijk",
        "summary": "Mohamed El Amrani kwam in 1970 naar Rotterdam. Hij werkte dertig jaar in de haven en woonde al die tijd binnen vijfhonderd meter van de Afrikaandermarkt.",
        "pull_quote": "Ik kende elke kraan in de haven bij naam. Mijn buren kende ik pas na tien jaar.",
        "narrators": ["mohamed-el-amrani"],
        "interviewer": "nadia-el-khattabi",
        "recorded": "10 mei 2017",
        "period": (1970, 2002),
        "places": ["nador", "afrikaanderwijk", "maashaven"],
        "languages": ["ary", "zgh", "nl"],
        "tags": ["gastarbeid", "haven", "migratie"],
        "body": [
            (
                "p",
                "Na het wervingsverdrag met Marokko van 1969 kwamen veel mannen uit de Rif, vaak uit de omgeving van Nador en Al Hoceima. Velen spraken thuis Tarifit, een Amazigh-taal.",
            ),
            (
                "quote",
                "De eerste week sjouwde ik zakken cacao. Mijn handen roken een maand lang naar chocola.",
                "Mohamed El Amrani",
            ),
            (
                "p",
                "Mohamed werkte bij een stuwadoor aan de Maashaven en later op de containerterminal. Hij ging in 2002 met pensioen.",
            ),
        ],
        "related_communities": ["turks"],
        "depot": [(("fotografie", 10), "mentions", "Havenfoto van de Maashaven")],
        "access": "public",
        "licence": "CC_BY_SA",
    },
    {
        "slug": "op-de-afrikaandermarkt",
        "community": "marokkaans",
        "title": "Op de Afrikaandermarkt",
        "summary": "Fatima Bouzian staat sinds 1991 met stoffen op de markt. Over klanten uit veertig landen, onderhandelen in vijf talen en thee voor wie twijfelt.",
        "pull_quote": "Op de markt spreekt iedereen dezelfde taal: hoeveel?",
        "narrators": ["fatima-bouzian"],
        "interviewer": "nadia-el-khattabi",
        "recorded": "30 september 2023",
        "period": (1991, 2023),
        "places": ["afrikaanderwijk"],
        "languages": ["ary", "nl"],
        "tags": ["markt", "textiel", "ondernemen"],
        "recording": "markt",
        "body": [
            (
                "p",
                "De Afrikaandermarkt is een van de grootste markten van Rotterdam. Op woensdag en zaterdag komt de hele wereld naar Zuid.",
            ),
            ("clip", "markt", "0:01", "0:06", "Fatima op een zaterdagochtend aan haar kraam."),
            (
                "quote",
                "Een Surinaamse vrouw zoekt stof voor een koto, een Kaapverdiaanse voor een doop, een Marokkaanse voor een bruiloft. Ik heb voor iedereen iets.",
                "Fatima Bouzian",
            ),
            ("object", "theeglazen-uit-nador", "De theeglazen van de kraam."),
            (
                "image",
                "Stoffen en theeglazen aan een marktkraam",
                "Getekende impressie van rollen gekleurde stof en kleine theeglazen op een kraam",
            ),
        ],
        "related_communities": ["surinaams", "kaapverdiaans"],
        "objects": ["theeglazen-uit-nador"],
        "depot": [(("textiel-en-mode", 6), "same_kind", "")],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "de-handira-van-mijn-bruiloft",
        "community": "marokkaans",
        "title": "De handira van mijn bruiloft",
        "summary": "De deken die om haar moeder werd geslagen, werd later om haarzelf geslagen. Khadija A. vertelt over twee bruiloften, in de Rif en in Rotterdam.",
        "pull_quote": "Mijn moeder zei: deze deken heeft twee landen gezien. Pas goed op hem.",
        "narrators": ["khadija-azzouz"],
        "interviewer": "nadia-el-khattabi",
        "recorded": "8 maart 2022",
        "period": (1972, 1998),
        "places": ["nador", "afrikaanderwijk"],
        "languages": ["zgh", "nl"],
        "tags": ["bruiloft", "textiel", "familie"],
        "body": [
            (
                "p",
                "Khadija's moeder trouwde in 1972 in een dorp bij Nador. Drie maanden later volgde ze haar man naar Rotterdam, met de handira in een plastic tas.",
            ),
            ("object", "handira-uit-de-rif", "De handira staat nu in het depot."),
            (
                "quote",
                "Op mijn bruiloft in 1998 sloeg mijn moeder hem om mij heen. Ze huilde en lachte tegelijk.",
                "Khadija A.",
            ),
            ("depot", "BK-2022-0201", "Catalogusrecord van de handira."),
        ],
        "objects": ["handira-uit-de-rif"],
        "depot": [("BK-2022-0201", "family", "De handira van de familie van de verteller")],
        "access": "public",
        "licence": "CC_BY_NC_SA",
    },
    {
        "slug": "harira-in-de-ramadan",
        "community": "marokkaans",
        "title": "Harira in de ramadan",
        "summary": "Youssef El Idrissi over de ramadan in de jaren tachtig: de soep die zijn moeder 's middags opzette en de buren die aanschoven bij zonsondergang.",
        "pull_quote": "Om vier uur begon de soep te ruiken. Dan duurde het nog vier uur. Dat waren de langste uren van het jaar.",
        "narrators": ["youssef-el-idrissi"],
        "interviewer": "nadia-el-khattabi",
        "recorded": "circa 2019",
        "period": (1984, 1995),
        "places": ["afrikaanderwijk"],
        "languages": ["nl", "ary"],
        "tags": ["eten", "religie", "familie"],
        "body": [
            (
                "p",
                "In de jaren tachtig viel de ramadan in de winter. De dagen waren kort, de avonden lang en de flat vol.",
            ),
            (
                "quote",
                "Mijn moeder kookte voor twintig. We waren met negen. De rest was voor wie er aanbelde.",
                "Youssef El Idrissi",
            ),
            ("object", "tajine-van-mijn-moeder", "De tajine van zijn moeder."),
        ],
        "objects": ["tajine-van-mijn-moeder"],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "mijn-vader-kende-elke-kraan",
        "community": "marokkaans",
        "title": "Mijn vader sprak geen Nederlands, maar kende elke kraan in de haven",
        "summary": "Youssef El Idrissi over zijn vader: een havenarbeider die thuis zweeg over zijn werk, en die Youssef pas leerde kennen toen hij zelf in de haven ging werken.",
        "pull_quote": "Op mijn eerste werkdag zei een oude kraanmachinist: jij bent de zoon van Ahmed. Hij wist meer over mijn vader dan ik.",
        "narrators": ["youssef-el-idrissi"],
        "interviewer": "nadia-el-khattabi",
        "recorded": "2011-2013",
        "period": (1972, 2010),
        "places": ["maashaven", "afrikaanderwijk"],
        "languages": ["nl"],
        "tags": ["haven", "werk", "familie"],
        "body": [
            (
                "p",
                "Youssef begon in 1998 als sjorder op een terminal. Zijn vader had er toen al vijfentwintig jaar gewerkt.",
            ),
            (
                "quote",
                "Thuis was hij stil. In de haven lachte hij, zeiden ze. Ik heb hem daar nooit horen lachen.",
                "Youssef El Idrissi",
            ),
        ],
        "related_communities": ["turks"],
        "depot": [(("fotografie", 14), "mentions", "")],
        "access": "public",
        "licence": "CC_BY",
    },
    {
        "slug": "vrouwen-van-de-naaiclub",
        "community": "marokkaans",
        "title": "Vrouwen van de naaiclub",
        "summary": "Op dinsdagochtend kwamen Marokkaanse vrouwen samen in een buurthuis om te naaien, Nederlands te leren en te praten over wat thuis niet kon.",
        "pull_quote": "We kwamen voor de naaimachines. We bleven voor elkaar.",
        "narrators": ["samira-anonymous", "khadija-azzouz"],
        "interviewer": "nadia-el-khattabi",
        "recorded": "12 mei 2021",
        "period": (1983, 2000),
        "places": ["afrikaanderwijk", "hillesluis"],
        "languages": ["ary", "nl"],
        "tags": ["vrouwen", "textiel", "vereniging"],
        "body": [
            (
                "p",
                "Dit verhaal is alleen zichtbaar voor leden van de gemeenschap. De vertellers spreken over familiezaken en over vrouwen die nog leven.",
            ),
            ("quote", "Mijn man dacht dat ik leerde naaien. Ik leerde fietsen.", "Anoniem"),
        ],
        "access": "community",
        "licence": "RS_INC",
    },
    {
        "slug": "tamazight-aan-de-keukentafel",
        "community": "marokkaans",
        "title": "Tamazight aan de keukentafel",
        "summary": "Abdelkader Ouali geeft les in Tamazight aan kinderen die thuis Nederlands spreken. Over een taal die eeuwenlang vooral gesproken werd, niet geschreven.",
        "pull_quote": "Mijn grootmoeder kon niet lezen. Maar ze kende duizend verhalen, en allemaal in het Tarifit.",
        "narrators": ["abdelkader-ouali"],
        "interviewer": "nadia-el-khattabi",
        "recorded": "13 januari 2020",
        "period": (1990, 2020),
        "places": ["feijenoord", "nador"],
        "languages": ["zgh", "nl", "ar"],
        "tags": ["taal", "jeugd", "vereniging"],
        "body": [
            (
                "p",
                "Tamazight is sinds 2011 een officiële taal van Marokko en wordt geschreven in het Tifinagh-schrift. Veel Rotterdamse ouders spreken de taal, maar kunnen hem niet schrijven.",
            ),
            (
                "quote",
                "De kinderen vragen: waarom moet ik dit leren? Ik zeg: zodat je oma je kan verstaan.",
                "Abdelkader Ouali",
            ),
            (
                "image",
                "Tifinagh-letters op een schoolbord",
                "Getekende impressie van een schoolbord met letters in het Tifinagh-schrift",
            ),
        ],
        "access": "public",
        "licence": "CC_BY_SA",
    },
]

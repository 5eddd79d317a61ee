"""Demo content for the Essex Local Offer.

Plain data only: the demo loader reads the module-level names below. Every contact detail is
fictional. Email addresses and websites use example.org or .test domains, and phone numbers
come from the Ofcom ranges kept for drama (020 7946 0xxx, 0113 496 0xxx, 0808 157 0xxx).
"""

from __future__ import annotations

# An Inclusion Partner mailbox that no longer exists. It appears in CLUSTERS so that the
# "email returned undelivered" advice in the clusters guide has something to point at.
BOUNCING_EMAIL = "former.inclusion.partner@retired-mailbox.test"

SERVICE_AREAS = ["north-east", "mid", "south", "west"]

LANGUAGES = ["en", "bfi", "pl", "ro", "lt", "pt", "tr", "ar", "bn", "pa", "ur", "zh"]

# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------

ORGANISATIONS = [
    {
        "key": "ecc",
        "name": "Essex County Council",
        "kind": "local-authority",
        "description": (
            "The county council publishes the Essex Local Offer and runs the statutory SEND "
            "processes, including Education, Health and Care needs assessments. Its SEND teams "
            "give advice, guidance and training to early years settings, schools and colleges."
        ),
        "website": "https://www.example.org/essex-county-council",
        "email": "localoffer@example.org",
        "phone": "020 7946 0100",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "essex-sendiass",
        "name": "Essex SEND Information, Advice and Support Service (SENDIASS)",
        "kind": "other",
        "description": (
            "A free, confidential and impartial service for parents, carers, children and young "
            "people with SEND. It is arm's length from the council's decision-making teams, so "
            "families can get independent advice about the law, plans, meetings and appeals."
        ),
        "website": "https://essex-sendiass.test/",
        "email": "advice@essex-sendiass.test",
        "phone": "0808 157 0200",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "snee-icb",
        "name": "NHS Suffolk and North East Essex Integrated Care Board",
        "kind": "nhs",
        "description": (
            "The NHS body that plans and pays for health services in Suffolk and North East "
            "Essex, including Colchester and Tendring. It took over the work of NHS North East "
            "Essex Clinical Commissioning Group on 1 July 2022."
        ),
        "website": "https://snee-icb.test/",
        "email": "enquiries@snee-icb.test",
        "phone": "0113 496 0400",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "ne-essex-ccg",
        "name": "NHS North East Essex Clinical Commissioning Group",
        "kind": "nhs",
        "description": (
            "The former NHS commissioner for Colchester and Tendring. It funded local health "
            "services and projects, including the parents' directory of services in North East "
            "Essex."
        ),
        "website": "https://ne-essex-ccg.test/",
        "email": "communications@ne-essex-ccg.test",
        "phone": "0113 496 0455",
        "status": "defunct",
        "replaced_by": "snee-icb",
        "defunct_since": "2022-07-01",
        "defunct_note": (
            "The CCG was statutorily abolished on 1 July 2022 and replaced by NHS Suffolk and "
            "North East Essex Integrated Care Board (ICB). Listings that still name the CCG "
            "need checking with the ICB."
        ),
    },
    {
        "key": "maze",
        "name": "The MAZE Group CiC",
        "kind": "voluntary",
        "description": (
            "A community interest company for parents, carers and families of children with "
            "additional needs. It uses the MAZE Approach, developed by teacher Sue Anderton, to "
            "help families and professionals understand how a child is affected by their needs."
        ),
        "website": "https://maze.test/",
        "email": "hello@maze.test",
        "phone": "0113 496 0200",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "multi-schools-council",
        "name": "Multi Schools Council",
        "kind": "voluntary",
        "description": (
            "A council of children and young people from mainstream and special schools across "
            "Essex, started in 2012. Members meet every term to challenge perceptions of SEND "
            "and mental health and to make sure young people's voices are heard."
        ),
        "website": "https://multischoolscouncil.test/",
        "email": "hello@multischoolscouncil.test",
        "phone": "0808 157 0412",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "colchester-parent-support",
        "name": "Colchester Parent Support",
        "kind": "voluntary",
        "description": (
            "A parent-led group offering friendly, practical support to families of children "
            "with additional needs in Colchester and the surrounding area. Its volunteers have "
            "lived experience of the SEND system and compiled a parents' guide to local services."
        ),
        "website": "https://colchesterparentsupport.test/",
        "email": "hello@colchesterparentsupport.test",
        "phone": "0113 496 0230",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "university-of-essex",
        "name": "University of Essex",
        "kind": "education",
        "description": (
            "The university's Colchester campus runs accredited professional development "
            "courses. With the MAZE Group it offers accredited training for professionals who "
            "work with children with additional needs and their families."
        ),
        "website": "https://university-of-essex.test/",
        "email": "cpd@university-of-essex.test",
        "phone": "0113 496 0310",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "essex-childrens-community-health",
        "name": "Essex Children's Community Health Partnership",
        "kind": "nhs",
        "description": (
            "An NHS community provider running therapy and nursing services for children and "
            "young people in mid, south and west Essex. Its teams work in clinics, family hubs, "
            "schools and children's homes."
        ),
        "website": "https://essex-childrens-health.test/",
        "email": "childrenshealth@essex-childrens-health.test",
        "phone": "0113 496 0500",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "mid-essex-young-carers",
        "name": "Mid Essex Young Carers Network",
        "kind": "voluntary",
        "description": (
            "A charity supporting children and young people who help to look after a family "
            "member with a disability, illness or mental health condition. It runs clubs, trips "
            "and one-to-one support in Chelmsford, Braintree and Maldon districts."
        ),
        "website": "https://midessexyoungcarers.test/",
        "email": "hello@midessexyoungcarers.test",
        "phone": "0808 157 0330",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "essex-sensory-support",
        "name": "Essex Sensory Support Network",
        "kind": "voluntary",
        "description": (
            "A charity for children and young people with hearing impairment, visual impairment "
            "or multi-sensory needs, and their families. It runs play sessions, family days and "
            "clubs across the county."
        ),
        "website": "https://essexsensorysupport.test/",
        "email": "info@essexsensorysupport.test",
        "phone": "020 7946 0610",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "essex-autism-families",
        "name": "Essex Autism Family Groups",
        "kind": "voluntary",
        "description": (
            "A volunteer-run network of support groups for parents and carers of autistic "
            "children and young people. Groups meet in south and west Essex, with and without a "
            "diagnosis."
        ),
        "website": "https://essexautismfamilies.test/",
        "email": "groups@essexautismfamilies.test",
        "phone": "020 7946 0620",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
    {
        "key": "essex-inclusive-sports",
        "name": "Essex Inclusive Sports Club",
        "kind": "other",
        "description": (
            "A community sports club offering adapted sport and swimming for disabled children "
            "and young people. Sessions are led by qualified coaches and run in leisure centres "
            "across the county."
        ),
        "website": "https://essexinclusivesports.test/",
        "email": "coaches@essexinclusivesports.test",
        "phone": "020 7946 0630",
        "status": "active",
        "replaced_by": None,
        "defunct_since": None,
        "defunct_note": "",
    },
]

# ---------------------------------------------------------------------------------------------
# Taxonomy
# ---------------------------------------------------------------------------------------------

TAXONOMY = {
    "category": [
        {
            "code": "support-groups-activities",
            "name": "Support, groups and activities",
            "description": (
                "Groups, clubs, short breaks and activities for children, young "
                "people and their families."
            ),
            "parent": None,
        },
        {
            "code": "help-with-learning",
            "name": "Help with learning",
            "description": (
                "Support in early years settings, schools and colleges, including "
                "SEN support and Education, Health and Care plans."
            ),
            "parent": None,
        },
        {
            "code": "advice-for-young-people",
            "name": "Advice for young people",
            "description": (
                "Information and advice written for young people aged 14 to 25 as "
                "they make their own decisions."
            ),
            "parent": None,
        },
        {
            "code": "health-wellbeing",
            "name": "Health and wellbeing",
            "description": (
                "NHS and community services for physical health, therapies and emotional wellbeing."
            ),
            "parent": None,
        },
        {
            "code": "housing-employment",
            "name": "Housing and employment",
            "description": (
                "Help to find work, training, supported internships and somewhere to live."
            ),
            "parent": None,
        },
        {
            "code": "financial-support",
            "name": "Financial support",
            "description": "Benefits, grants, travel assistance and other help with money.",
            "parent": None,
        },
    ],
    "need": [
        {
            "code": "autism",
            "name": "Autism",
            "description": (
                "Support for autistic children and young people, with or without a diagnosis."
            ),
            "parent": None,
        },
        {
            "code": "adhd",
            "name": "ADHD",
            "description": (
                "Support for attention deficit hyperactivity disorder and related "
                "attention difficulties."
            ),
            "parent": None,
        },
        {
            "code": "social-emotional-mental-health",
            "name": "Social, emotional and mental health",
            "description": (
                "Help with anxiety, low mood, behaviour and other emotional or mental health needs."
            ),
            "parent": None,
        },
        {
            "code": "sensory",
            "name": "Sensory impairment",
            "description": "Needs relating to hearing, sight or both.",
            "parent": None,
        },
        {
            "code": "hearing-impairment",
            "name": "Hearing impairment",
            "description": (
                "Support for children and young people who are deaf or have a hearing loss."
            ),
            "parent": "sensory",
        },
        {
            "code": "visual-impairment",
            "name": "Visual impairment",
            "description": (
                "Support for children and young people who are blind or partially sighted."
            ),
            "parent": "sensory",
        },
        {
            "code": "physical-disability",
            "name": "Physical disability",
            "description": (
                "Support for conditions that affect movement, mobility or physical care."
            ),
            "parent": None,
        },
        {
            "code": "speech-language-communication",
            "name": "Speech, language and communication",
            "description": (
                "Help with talking, understanding language and communicating with others."
            ),
            "parent": None,
        },
        {
            "code": "learning-difficulty",
            "name": "Learning difficulty",
            "description": (
                "Support for moderate, severe or profound and multiple learning difficulties."
            ),
            "parent": None,
        },
        {
            "code": "specific-learning-difficulty",
            "name": "Specific learning difficulty",
            "description": "Support for difficulties such as dyslexia, dyscalculia and dyspraxia.",
            "parent": "learning-difficulty",
        },
        {
            "code": "complex-health-needs",
            "name": "Complex health needs",
            "description": (
                "Support for long-term medical conditions that need regular health "
                "care at home, school or college."
            ),
            "parent": None,
        },
    ],
    "audience": [
        {
            "code": "parents-carers",
            "name": "Parents and carers",
            "description": "Information for parents, carers and family members.",
            "parent": None,
        },
        {
            "code": "young-people",
            "name": "Young people",
            "description": "Information written for children and young people themselves.",
            "parent": None,
        },
        {
            "code": "professionals",
            "name": "Professionals",
            "description": "Information for practitioners in education, health and social care.",
            "parent": None,
        },
    ],
}

# The taxonomy in Polish: term code -> (name, description).
TAXONOMY_POLISH = {
    "support-groups-activities": (
        "Wsparcie, grupy i zajęcia",
        "Grupy, kluby, krótkie przerwy wytchnieniowe i zajęcia dla dzieci, młodzieży i ich rodzin.",
    ),
    "help-with-learning": (
        "Pomoc w nauce",
        "Wsparcie w placówkach wczesnoszkolnych, szkołach i college'ach, w tym wsparcie SEN i "
        "plany edukacji, zdrowia i opieki (EHC).",
    ),
    "advice-for-young-people": (
        "Porady dla młodzieży",
        "Informacje i porady dla młodych ludzi w wieku od 14 do 25 lat, którzy sami "
        "podejmują decyzje.",
    ),
    "health-wellbeing": (
        "Zdrowie i dobre samopoczucie",
        "Usługi NHS i lokalne dotyczące zdrowia fizycznego, terapii i dobrostanu emocjonalnego.",
    ),
    "housing-employment": (
        "Mieszkanie i zatrudnienie",
        "Pomoc w znalezieniu pracy, szkoleń, staży wspieranych i miejsca do życia.",
    ),
    "financial-support": (
        "Wsparcie finansowe",
        "Zasiłki, dotacje, pomoc w dojazdach i inna pomoc finansowa.",
    ),
    "autism": (
        "Autyzm",
        "Wsparcie dla autystycznych dzieci i młodzieży, z diagnozą lub bez.",
    ),
    "adhd": (
        "ADHD",
        "Wsparcie przy zespole nadpobudliwości psychoruchowej z deficytem uwagi (ADHD) i "
        "pokrewnych trudnościach z koncentracją.",
    ),
    "social-emotional-mental-health": (
        "Zdrowie społeczne, emocjonalne i psychiczne",
        "Pomoc przy lęku, obniżonym nastroju, zachowaniu i innych potrzebach emocjonalnych "
        "lub psychicznych.",
    ),
    "sensory": (
        "Niepełnosprawność sensoryczna",
        "Potrzeby związane ze słuchem, wzrokiem lub jednym i drugim.",
    ),
    "hearing-impairment": (
        "Niepełnosprawność słuchowa",
        "Wsparcie dla dzieci i młodzieży głuchych lub niedosłyszących.",
    ),
    "visual-impairment": (
        "Niepełnosprawność wzrokowa",
        "Wsparcie dla dzieci i młodzieży niewidomych lub słabowidzących.",
    ),
    "physical-disability": (
        "Niepełnosprawność ruchowa",
        "Wsparcie przy schorzeniach wpływających na ruch, mobilność lub opiekę fizyczną.",
    ),
    "speech-language-communication": (
        "Mowa, język i komunikacja",
        "Pomoc w mówieniu, rozumieniu języka i porozumiewaniu się z innymi.",
    ),
    "learning-difficulty": (
        "Trudności w uczeniu się",
        "Wsparcie przy umiarkowanych, znacznych lub głębokich i sprzężonych trudnościach w "
        "uczeniu się.",
    ),
    "specific-learning-difficulty": (
        "Specyficzne trudności w uczeniu się",
        "Wsparcie przy trudnościach takich jak dysleksja, dyskalkulia i dyspraksja.",
    ),
    "complex-health-needs": (
        "Złożone potrzeby zdrowotne",
        "Wsparcie przy długotrwałych chorobach wymagających regularnej opieki zdrowotnej w "
        "domu, szkole lub college'u.",
    ),
    "parents-carers": (
        "Rodzice i opiekunowie",
        "Informacje dla rodziców, opiekunów i członków rodziny.",
    ),
    "young-people": (
        "Młodzież",
        "Informacje napisane dla samych dzieci i młodzieży.",
    ),
    "professionals": (
        "Specjaliści",
        "Informacje dla osób pracujących w edukacji, ochronie zdrowia i opiece społecznej.",
    ),
}

# ---------------------------------------------------------------------------------------------
# Services (directory entries)
# ---------------------------------------------------------------------------------------------

SERVICES = [
    # --- The MAZE Group CiC --------------------------------------------------------------------
    {
        "key": "maze-parenting-programmes",
        "title": "MAZE specialist parenting programmes",
        "organisation": "maze",
        "team": "health",
        "summary": (
            "Termly courses in North East Essex that help parents and carers understand how "
            "additional needs affect their child, using the MAZE Approach developed by Sue "
            "Anderton."
        ),
        "description_html": (
            "<p>Each term the MAZE Group runs small parenting programmes at venues around North "
            "East Essex. Over six weekly sessions, parents and carers look at how their child "
            "experiences the world and learn practical ways to reduce stress at home.</p>"
            "<ul><li>Groups of up to 12 parents and carers</li>"
            "<li>Two-hour sessions, with tea and coffee</li>"
            "<li>Suitable whether or not your child has a diagnosis</li></ul>"
        ),
        "status": "active",
        "categories": ["support-groups-activities", "health-wellbeing"],
        "needs": ["autism", "adhd", "social-emotional-mental-health"],
        "audiences": ["parents-carers"],
        "min_age": 2,
        "max_age": 18,
        "eligibility": (
            "Parents and carers of children with additional needs who live in Colchester or "
            "Tendring. Your child does not need a diagnosis."
        ),
        "how_to_access_html": (
            "<p>Book a place by email or phone. Courses fill quickly, so ask to join the "
            "waiting list for next term if the current course is full.</p>"
        ),
        "cost": "free",
        "cost_description": "Free for families living in North East Essex.",
        "website": "https://maze.test/parenting-programmes",
        "languages": ["en"],
        "service_areas": ["north-east"],
        "locations": [
            {
                "name": "Greenstead Community Hall",
                "address_1": "Hawthorn Avenue",
                "address_2": "Greenstead",
                "town": "Colchester",
                "postcode": "CO4 3QE",
                "latitude": "51.889800",
                "longitude": "0.945400",
                "accessibility": "Step-free entrance, accessible toilet and free parking.",
            },
            {
                "name": "Clacton Family Hub",
                "address_1": "Pier Avenue",
                "address_2": "",
                "town": "Clacton-on-Sea",
                "postcode": "CO15 1QB",
                "latitude": "51.789500",
                "longitude": "1.152700",
                "accessibility": "Ground-floor rooms, hearing loop and baby-changing facilities.",
            },
        ],
        "schedules": [
            {
                "description": "Six-week course each term",
                "frequency": "weekly",
                "weekday": "TU",
                "opens_at": "09:30",
                "closes_at": "11:30",
                "notes": "Colchester in autumn and summer terms; Clacton in the spring term.",
            }
        ],
        "contacts": [
            {
                "name": "MAZE bookings",
                "role": "Programme coordinator",
                "email": "programmes@maze.test",
                "phone": "0113 496 0201",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Checks this listing once a year",
                "email": "listings@maze.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2025-09-14",
    },
    {
        "key": "maze-drop-in",
        "title": "MAZE monthly drop-in for parents and carers",
        "organisation": "maze",
        "team": "health",
        "summary": (
            "A friendly monthly drop-in in Colchester where parents and carers of children with "
            "additional needs can meet others, share ideas and talk to the MAZE team. No booking "
            "needed."
        ),
        "description_html": (
            "<p>Come along for a cup of tea and a chat with other parents and carers who "
            "understand what family life with additional needs can be like. A member of the "
            "MAZE team is always there to listen and to share ideas you can try at home.</p>"
            "<p>You can bring younger children with you, and there is a quiet corner with toys. "
            "<b>You do not need a diagnosis, a referral or a booking</b>: just turn up on the "
            "day.</p>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": ["autism", "adhd"],
        "audiences": ["parents-carers"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": "Any parent or carer of a child or young person with additional needs.",
        "how_to_access_html": (
            "<p>Just turn up. If you would like someone to meet you at the door on your first "
            "visit, send the team a message beforehand.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://maze.test/drop-in",
        "languages": ["en", "pl"],
        "service_areas": ["north-east"],
        "locations": [
            {
                "name": "Lion Walk Community Rooms",
                "address_1": "Lion Walk",
                "address_2": "",
                "town": "Colchester",
                "postcode": "CO1 1LX",
                "latitude": "51.888700",
                "longitude": "0.900800",
                "accessibility": "Lift to first floor, accessible toilet, town centre parking.",
            }
        ],
        "schedules": [
            {
                "description": "Drop-in, first Wednesday of the month",
                "frequency": "monthly",
                "weekday": "WE",
                "opens_at": "10:00",
                "closes_at": "12:00",
                "notes": "No session in August.",
            }
        ],
        "contacts": [
            {
                "name": "MAZE drop-in team",
                "role": "Drop-in lead",
                "email": "dropin@maze.test",
                "phone": "0113 496 0202",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-02-10",
    },
    {
        "key": "maze-school-training",
        "title": "MAZE Approach training for schools",
        "organisation": "maze",
        "team": "council",
        "summary": (
            "Training delivered in schools to help teachers and support staff understand how a "
            "child's additional needs shape their behaviour, learning and relationships."
        ),
        "description_html": (
            "<p>MAZE trainers come to your school to run practical sessions based on the MAZE "
            "Approach. The training draws on Sue Anderton's 25 years as a special and "
            "additional needs teacher, 20 of them in school leadership.</p>"
            "<ul><li>Twilight sessions for whole staff teams</li>"
            "<li>Half-day workshops for SENCos and teaching assistants</li>"
            "<li>Follow-up advice about individual pupils, with parents' consent</li></ul>"
        ),
        "status": "active",
        "categories": ["help-with-learning"],
        "needs": ["autism", "social-emotional-mental-health"],
        "audiences": ["professionals"],
        "min_age": 4,
        "max_age": 18,
        "eligibility": "Primary, secondary and special schools in Essex.",
        "how_to_access_html": (
            "<p>Headteachers or SENCos can email the training team with the number of staff "
            "and preferred dates. We will suggest a programme and send a quote.</p>"
        ),
        "cost": "paid",
        "cost_description": (
            "Charged per school. A twilight session costs from £350; half-day workshops and "
            "follow-up support are quoted separately."
        ),
        "website": "https://maze.test/schools",
        "languages": ["en"],
        "service_areas": ["north-east", "mid"],
        "locations": [],
        "schedules": [
            {
                "description": "Delivered in your school on dates you choose",
                "frequency": "on-request",
                "weekday": "",
                "opens_at": None,
                "closes_at": None,
                "notes": "Please allow at least six weeks' notice.",
            }
        ],
        "contacts": [
            {
                "name": "MAZE training team",
                "role": "Schools training",
                "email": "training@maze.test",
                "phone": "0113 496 0203",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Checks this listing once a year",
                "email": "listings@maze.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2024-11-20",
    },
    {
        "key": "uoe-maze-accredited-training",
        "title": (
            "Working with Children with Additional Needs and their Families: "
            "Using the MAZE Approach"
        ),
        "organisation": "university-of-essex",
        "team": "council",
        "summary": (
            "Accredited training for professionals, put together by the University of Essex and "
            "Sue Anderton of the MAZE Group, on supporting children with additional needs and "
            "working in partnership with their families."
        ),
        "description_html": (
            "<p>This accredited short course is for teachers, teaching assistants, early years "
            "practitioners, health and social care staff. It is taught on five Fridays across "
            "a term at the Colchester campus and is assessed through a reflective case study.</p>"
            "<ul><li>How additional needs affect a child's experience of the world</li>"
            "<li>Building trust and working in partnership with parents</li>"
            "<li>Using the MAZE Approach in your own setting</li></ul>"
        ),
        "status": "active",
        "categories": ["help-with-learning"],
        "needs": [],
        "audiences": ["professionals"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": (
            "Professionals working with children and young people with additional needs. No "
            "previous qualifications are needed."
        ),
        "how_to_access_html": (
            "<p>Apply online through the university's short courses page or ask the short "
            "courses office for an application form. Places are allocated in date order.</p>"
        ),
        "cost": "paid",
        "cost_description": (
            "£495 for the accredited course. Ask your employer about paying for it as "
            "professional development."
        ),
        "website": "https://university-of-essex.test/short-courses/maze-approach",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [
            {
                "name": "University of Essex, Colchester Campus",
                "address_1": "Wivenhoe Park",
                "address_2": "",
                "town": "Colchester",
                "postcode": "CO4 3SQ",
                "latitude": "51.877100",
                "longitude": "0.946900",
                "accessibility": (
                    "Step-free routes, accessible parking and lifts in all teaching buildings."
                ),
            }
        ],
        "schedules": [
            {
                "description": "Five taught days each term",
                "frequency": "termly",
                "weekday": "FR",
                "opens_at": "09:30",
                "closes_at": "16:00",
                "notes": "Dates are published at the start of each academic year.",
            }
        ],
        "contacts": [
            {
                "name": "Short courses office",
                "role": "Course administrator",
                "email": "cpd@university-of-essex.test",
                "phone": "0113 496 0310",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-03-05",
    },
    # --- Multi Schools Council and parent groups ----------------------------------------------
    {
        "key": "multi-schools-council-meetings",
        "title": "Multi Schools Council termly meetings",
        "organisation": "multi-schools-council",
        "team": "council",
        "summary": (
            "Termly meetings where children from mainstream and special schools across Essex "
            "share their views, get to know each other and plan ways to break down perceptions "
            "of SEND and mental health."
        ),
        "description_html": (
            "<p>Each term, pupils from member schools meet to learn more about each other and "
            "put their plans in place for making a difference. Meetings move around the county "
            "so that every school gets a turn as host.</p>"
            "<ul><li>Build confidence and social skills</li>"
            "<li>Learn about democracy and tolerance by doing it</li>"
            "<li>Tell decision-makers what matters to young people with SEND</li></ul>"
        ),
        "status": "active",
        "categories": ["advice-for-young-people", "support-groups-activities"],
        "needs": [],
        "audiences": ["young-people"],
        "min_age": 7,
        "max_age": 19,
        "eligibility": (
            "Pupils at any mainstream or special school in Essex. Schools sign up and choose "
            "their representatives."
        ),
        "how_to_access_html": (
            "<p>Ask your teacher or SENCo whether your school is a member. Schools can join by "
            "emailing the council coordinator. It is free to join.</p>"
        ),
        "cost": "free",
        "cost_description": "Free to join.",
        "website": "https://multischoolscouncil.test/",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [
            {
                "description": "One meeting every term, during the school day",
                "frequency": "termly",
                "weekday": "TH",
                "opens_at": "10:00",
                "closes_at": "14:00",
                "notes": "The host school changes each term.",
            }
        ],
        "contacts": [
            {
                "name": "Council coordinator",
                "role": "Membership and meetings",
                "email": "hello@multischoolscouncil.test",
                "phone": "0808 157 0412",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-01-15",
    },
    {
        "key": "colchester-parent-to-parent",
        "title": "Parent-to-parent support in Colchester",
        "organisation": "colchester-parent-support",
        "team": "council",
        "summary": (
            "Weekly coffee mornings and a call-back service run by parents of children with "
            "additional needs, for parents who want to talk to someone who has been there."
        ),
        "description_html": (
            "<p>Our volunteers are parents and carers of children with additional needs. We "
            "know how confusing forms, meetings and waiting lists can feel, and we are happy to "
            "listen, share what worked for us and point you to the right service.</p>"
            "<ul><li>Weekly coffee morning in north Colchester</li>"
            "<li>Call-back from a volunteer parent within three working days</li>"
            "<li>Someone to come with you to a school meeting, where we can</li></ul>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": [],
        "audiences": ["parents-carers"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": "Parents and carers living in Colchester and the surrounding villages.",
        "how_to_access_html": (
            "<p>Come to a coffee morning, or leave a message by phone or email and a volunteer "
            "parent will call you back.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://colchesterparentsupport.test/",
        "languages": ["en"],
        "service_areas": ["north-east"],
        "locations": [
            {
                "name": "Highwoods Community Centre",
                "address_1": "Highwoods Square",
                "address_2": "Highwoods",
                "town": "Colchester",
                "postcode": "CO4 9SR",
                "latitude": "51.910200",
                "longitude": "0.927900",
                "accessibility": "Level access, accessible toilet, parking outside.",
            }
        ],
        "schedules": [
            {
                "description": "Coffee morning",
                "frequency": "weekly",
                "weekday": "TH",
                "opens_at": "10:00",
                "closes_at": "12:00",
                "notes": "Term time only.",
            }
        ],
        "contacts": [
            {
                "name": "Colchester Parent Support",
                "role": "Volunteer coordinator",
                "email": "hello@colchesterparentsupport.test",
                "phone": "0113 496 0230",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Trustee responsible for the listing",
                "email": "trustees@colchesterparentsupport.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2025-10-01",
    },
    # --- Former NHS North East Essex CCG listings (need review) ------------------------------
    {
        "key": "ne-essex-parents-directory",
        "title": "A Parent's Guide to Services in North East Essex (printed directory)",
        "organisation": "ne-essex-ccg",
        "team": "health",
        "summary": (
            "A printed directory written by parents for parents, listing services and "
            "organisations in North East Essex. Compiled by Colchester Parent Support with the "
            "MAZE Group CiC and funded by NHS North East Essex CCG."
        ),
        "description_html": (
            "<p>Local parents of children with additional needs put this directory together so "
            "that other families could find help more easily. It covers health services, "
            "support groups, activities and where to get advice.</p>"
            "<p>Copies were handed out at GP surgeries, clinics and family hubs in Colchester "
            "and Tendring. The online guide on the Local Offer is now the most up-to-date "
            "version.</p>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": [],
        "audiences": ["parents-carers"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": "Families living in Colchester and Tendring.",
        "how_to_access_html": (
            "<p>Ask for a printed copy at your GP surgery or family hub, or read the online "
            "parent's guide on the Local Offer.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://ne-essex-ccg.test/parents-guide",
        "languages": ["en"],
        "service_areas": ["north-east"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "CCG communications team",
                "role": "Directory requests",
                "email": "communications@ne-essex-ccg.test",
                "phone": "0113 496 0455",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Former CCG children's commissioning lead",
                "email": "childrens.commissioning@ne-essex-ccg.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2023-02-20",
    },
    {
        "key": "ccg-childrens-therapies-referrals",
        "title": "Children's therapies referral line (North East Essex CCG)",
        "organisation": "ne-essex-ccg",
        "team": "health",
        "summary": (
            "A single referral point for children's speech and language therapy, "
            "physiotherapy and occupational therapy in Colchester and Tendring, set up when the "
            "CCG commissioned these services."
        ),
        "description_html": (
            "<p>This listing describes the referral line that was in place when NHS North East "
            "Essex CCG commissioned children's therapies. The CCG was replaced by the ICB in "
            "July 2022, so the referral route may have changed.</p>"
            "<p>If your child needs a therapy assessment, speak to your GP, health visitor or "
            "your child's school SENCo, who can tell you how to refer today.</p>"
        ),
        "status": "inactive",
        "categories": ["health-wellbeing"],
        "needs": ["speech-language-communication", "physical-disability"],
        "audiences": ["parents-carers", "professionals"],
        "min_age": 0,
        "max_age": 19,
        "eligibility": "Children registered with a GP in Colchester or Tendring.",
        "how_to_access_html": (
            "<p>Referrals were made by GPs, health visitors, schools and parents using a "
            "referral form. Check the current process with your GP.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "",
        "languages": ["en"],
        "service_areas": ["north-east"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "Therapies referral line",
                "role": "Referral administrator",
                "email": "therapy.referrals@ne-essex-ccg.test",
                "phone": "0113 496 0456",
                "is_public": True,
            }
        ],
        "last_reviewed": "2023-06-12",
    },
    # --- Essex County Council and SENDIASS -----------------------------------------------------
    {
        "key": "essex-local-offer-newsletter",
        "title": "Essex Local Offer newsletter",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "A free monthly email for Essex families of children with SEND, bringing together "
            "news from education, health and social care, and telling you about new support, "
            "activities and things to do."
        ),
        "description_html": (
            "<p>The newsletter lands in your inbox once a month. It is written for families, "
            "and professionals are welcome to share the sign-up page with the families they "
            "support.</p>"
            "<ul><li>New and changed services on the Local Offer</li>"
            "<li>Holiday activities and short breaks</li>"
            "<li>Events, consultations and ways to have your say</li></ul>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": [],
        "audiences": ["parents-carers", "professionals"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": "Anyone can sign up.",
        "how_to_access_html": (
            "<p>Sign up on the Local Offer website with your email address. You can unsubscribe "
            "at any time using the link at the bottom of each newsletter.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/local-offer/newsletter",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [
            {
                "description": "Monthly email",
                "frequency": "monthly",
                "weekday": "",
                "opens_at": None,
                "closes_at": None,
                "notes": "Sent in the first week of each month.",
            }
        ],
        "contacts": [
            {
                "name": "Local Offer team",
                "role": "Newsletter editor",
                "email": "newsletter@example.org",
                "phone": "020 7946 0150",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Local Offer content manager",
                "email": "localoffer.content@example.org",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2026-09-01",
    },
    {
        "key": "essex-sendiass",
        "title": "SEND information, advice and support for families",
        "organisation": "essex-sendiass",
        "team": "council",
        "summary": (
            "Free, confidential and impartial advice about SEND for parents, carers, children "
            "and young people, from support at school to EHC plans, disagreements and appeals."
        ),
        "description_html": (
            "<p>Our trained advisers are independent of schools and of the council's "
            "decision-making teams. We can explain the law and guidance on special educational "
            "needs in plain language, help you prepare for meetings and go through reports or "
            "draft plans with you.</p>"
            "<p>We also support young people aged 16 to 25 in their own right. If you are "
            "unhappy with a decision, we can talk you through your options, including "
            "<b>disagreement resolution</b>, <b>mediation</b> and appeals to the SEND "
            "Tribunal.</p>"
        ),
        "status": "active",
        "categories": ["advice-for-young-people", "help-with-learning"],
        "needs": [],
        "audiences": ["parents-carers", "young-people"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": (
            "Parents and carers of children with SEND, and children and young people up to 25, "
            "living in Essex."
        ),
        "how_to_access_html": (
            "<p>Call the helpline, email us or fill in the online enquiry form. We aim to reply "
            "within five working days. Face-to-face appointments are available if you need "
            "one.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://essex-sendiass.test/",
        "languages": ["en", "bfi", "pl", "ro", "lt", "ar", "bn", "ur"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [
            {
                "name": "SENDIASS advice centre",
                "address_1": "Market Road",
                "address_2": "",
                "town": "Chelmsford",
                "postcode": "CM1 1QH",
                "latitude": "51.734900",
                "longitude": "0.467600",
                "accessibility": "By appointment. Step-free access and a quiet room.",
            }
        ],
        "schedules": [
            {
                "description": "Helpline, Monday to Thursday",
                "frequency": "weekly",
                "weekday": "MO",
                "opens_at": "09:00",
                "closes_at": "17:00",
                "notes": "Open at the same times on Tuesday, Wednesday and Thursday.",
            },
            {
                "description": "Helpline, Friday",
                "frequency": "weekly",
                "weekday": "FR",
                "opens_at": "09:00",
                "closes_at": "16:30",
                "notes": "Closed on bank holidays.",
            },
        ],
        "contacts": [
            {
                "name": "SENDIASS helpline",
                "role": "Advice line",
                "email": "advice@essex-sendiass.test",
                "phone": "0808 157 0200",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Service manager",
                "email": "manager@essex-sendiass.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2026-04-20",
    },
    {
        "key": "sendiass-young-people-advice",
        "title": "SEND advice line for young people aged 16 to 25",
        "organisation": "essex-sendiass",
        "team": "council",
        "summary": (
            "Confidential advice for young people with SEND about their support at school, "
            "college, training or work, including what to do if you disagree with a decision."
        ),
        "description_html": (
            "<p>From the age of 16 you can ask for advice yourself, without going through your "
            "parents. A young people's adviser can help you understand your EHC plan, get ready "
            "for a review meeting or work out what to do if your support is not right.</p>"
            "<ul><li>Phone, email or text chat</li>"
            "<li>Evening sessions so you do not miss lessons</li>"
            "<li>You can bring a parent, carer or friend if you want to</li></ul>"
        ),
        "status": "active",
        "categories": ["advice-for-young-people"],
        "needs": [],
        "audiences": ["young-people"],
        "min_age": 16,
        "max_age": 25,
        "eligibility": "Young people aged 16 to 25 with SEND who live or study in Essex.",
        "how_to_access_html": (
            "<p>Email or call during the Wednesday evening session, or leave a message at any "
            "time and an adviser will get back to you.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://essex-sendiass.test/young-people",
        "languages": ["en", "bfi"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [
            {
                "description": "Young people's evening advice session",
                "frequency": "weekly",
                "weekday": "WE",
                "opens_at": "15:30",
                "closes_at": "19:00",
                "notes": "Phone, email or text chat.",
            }
        ],
        "contacts": [
            {
                "name": "Young people's adviser",
                "role": "Advice for 16 to 25 year olds",
                "email": "youngpeople@essex-sendiass.test",
                "phone": "0808 157 0201",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-11-18",
    },
    {
        "key": "send-strategy-enquiries",
        "title": "SEND Strategy team: resources and guidance",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "Resources, guidance and training for early years settings, schools and colleges "
            "from the council's SEND Strategy team, who lead on My Life, My Rights, the Essex "
            "SEND strategy for 2022 to 2027."
        ),
        "description_html": (
            "<p>The SEND Strategy team looks after the county's SEND strategy and the "
            "improvement work that followed the 2019 local area inspection. It publishes "
            "guidance, templates and training for settings.</p>"
            "<ul><li>Guidance on SEN support and graduated approaches</li>"
            "<li>Training dates for SENCos and leaders</li>"
            "<li>Updates on the SEND improvement plan</li></ul>"
        ),
        "status": "active",
        "categories": ["help-with-learning"],
        "needs": [],
        "audiences": ["professionals"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": (
            "Staff in Essex early years settings, schools, colleges and partner services."
        ),
        "how_to_access_html": (
            "<p>If you cannot find what you need in the resources library, email the SEND "
            "Strategy team.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/send-strategy",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "SEND Strategy team",
                "role": "Strategy and guidance enquiries",
                "email": "senstrategy@example.org",
                "phone": "020 7946 0160",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-03-09",
    },
    {
        "key": "ehc-needs-assessment",
        "title": "Education, Health and Care needs assessments",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "How to ask the council for an Education, Health and Care (EHC) needs assessment, "
            "what happens next and how long each step should take."
        ),
        "description_html": (
            "<p>Most children with SEND get the help they need through SEN support at their "
            "setting. If a child needs more help than the setting can normally provide, the "
            "council can carry out an EHC needs assessment, which may lead to an EHC plan.</p>"
            "<ul><li>Parents, young people aged 16 to 25 and settings can all make a request</li>"
            "<li>The council decides within six weeks whether to assess</li>"
            "<li>The whole process should take no more than 20 weeks</li></ul>"
        ),
        "status": "active",
        "categories": ["help-with-learning"],
        "needs": [],
        "audiences": ["parents-carers", "young-people"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": (
            "Children and young people aged 0 to 25 who may have special educational needs and "
            "live in Essex."
        ),
        "how_to_access_html": (
            "<p>Talk to the SENCo at your child's setting first. You can then make a request "
            "in writing to the SEND Operations team by email or using the online form.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/ehc-needs-assessment",
        "languages": ["en", "pl", "ro", "lt", "pt", "tr"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "SEND Operations",
                "role": "Statutory assessment enquiries",
                "email": "ehc.assessments@example.org",
                "phone": "020 7946 0170",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-07-14",
    },
    {
        "key": "early-years-send-support",
        "title": "Early years SEND support and home learning visits",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "Advice for nurseries and childminders, and home learning visits for families of "
            "babies and young children with significant or complex needs."
        ),
        "description_html": (
            "<p>Early years SEND practitioners work with nurseries, pre-schools and "
            "childminders so that young children get the right help early. For children with "
            "more complex needs, a practitioner can visit the family at home.</p>"
            "<ul><li>Play-based home learning visits, usually every two weeks</li>"
            "<li>Help to plan the move from nursery to school</li>"
            "<li>Training for early years staff</li></ul>"
        ),
        "status": "active",
        "categories": ["help-with-learning"],
        "needs": ["learning-difficulty", "speech-language-communication"],
        "audiences": ["parents-carers", "professionals"],
        "min_age": 0,
        "max_age": 5,
        "eligibility": (
            "Children under five with significant developmental delay or complex needs, living "
            "in Essex."
        ),
        "how_to_access_html": (
            "<p>Your health visitor, nursery or GP can make a referral. Parents can also contact "
            "the team directly to talk things through.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/early-years-send",
        "languages": ["en", "pl", "ro"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [
            {
                "description": "Home learning visits",
                "frequency": "fortnightly",
                "weekday": "",
                "opens_at": None,
                "closes_at": None,
                "notes": "Visit days are agreed with each family.",
            }
        ],
        "contacts": [
            {
                "name": "Early years SEND team",
                "role": "Referrals and advice",
                "email": "earlyyears.send@example.org",
                "phone": "020 7946 0180",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-08-22",
    },
    # --- Health services ------------------------------------------------------------------------
    {
        "key": "slt-drop-in-chelmsford",
        "title": "Speech and language advice drop-in (Chelmsford)",
        "organisation": "essex-childrens-community-health",
        "team": "health",
        "summary": (
            "A fortnightly drop-in where parents can talk to a speech and language therapist "
            "about their child's talking, understanding or eating and drinking, without a "
            "referral."
        ),
        "description_html": (
            "<p>Worried that your child is not talking as much as other children their age, or "
            "finds it hard to understand what you say? Come and talk to a speech and language "
            "therapist. They will listen, give you ideas to try at home and tell you whether a "
            "full assessment would help.</p>"
            "<p>Bring your child along if you can, and any reports or letters you already "
            "have.</p>"
        ),
        "status": "active",
        "categories": ["health-wellbeing"],
        "needs": ["speech-language-communication"],
        "audiences": ["parents-carers"],
        "min_age": 0,
        "max_age": 11,
        "eligibility": "Families living in Chelmsford, Maldon and Braintree districts.",
        "how_to_access_html": "<p>No referral or booking needed. Just come along.</p>",
        "cost": "free",
        "cost_description": "",
        "website": "https://essex-childrens-health.test/speech-and-language",
        "languages": ["en", "pl"],
        "service_areas": ["mid"],
        "locations": [
            {
                "name": "Chelmsford Family Hub",
                "address_1": "Moulsham Street",
                "address_2": "",
                "town": "Chelmsford",
                "postcode": "CM2 0JA",
                "latitude": "51.728900",
                "longitude": "0.474100",
                "accessibility": "Step-free access, accessible toilet and buggy park.",
            }
        ],
        "schedules": [
            {
                "description": "Drop-in, every other Wednesday",
                "frequency": "fortnightly",
                "weekday": "WE",
                "opens_at": "09:30",
                "closes_at": "11:30",
                "notes": "Runs all year except the two weeks around Christmas.",
            }
        ],
        "contacts": [
            {
                "name": "Children's speech and language therapy",
                "role": "Mid Essex team",
                "email": "slt.mid@essex-childrens-health.test",
                "phone": "0113 496 0510",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Clinical lead, speech and language therapy",
                "email": "slt.lead@essex-childrens-health.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2026-06-30",
    },
    {
        "key": "childrens-occupational-therapy",
        "title": "Children's occupational therapy",
        "organisation": "essex-childrens-community-health",
        "team": "health",
        "summary": (
            "Occupational therapists help children and young people with everyday activities "
            "such as dressing, eating, handwriting and play, and advise on equipment at home "
            "and school."
        ),
        "description_html": (
            "<p>Our occupational therapists assess how a child manages daily tasks and set "
            "goals with the family and school. Support may be in clinic, at home or in school, "
            "and often includes a programme that parents and staff carry on between visits.</p>"
            "<ul><li>Fine and gross motor skills</li>"
            "<li>Self-care, such as dressing and using cutlery</li>"
            "<li>Seating and equipment advice</li></ul>"
        ),
        "status": "active",
        "categories": ["health-wellbeing"],
        "needs": ["physical-disability", "specific-learning-difficulty"],
        "audiences": ["parents-carers", "professionals"],
        "min_age": 0,
        "max_age": 19,
        "eligibility": "Children registered with a GP in mid or south Essex.",
        "how_to_access_html": (
            "<p>Ask your GP, paediatrician, health visitor or your child's school to refer. "
            "Referrals are reviewed weekly and families are told the outcome by letter.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://essex-childrens-health.test/occupational-therapy",
        "languages": ["en"],
        "service_areas": ["mid", "south"],
        "locations": [
            {
                "name": "Braintree Community Clinic",
                "address_1": "Court Road",
                "address_2": "",
                "town": "Braintree",
                "postcode": "CM7 9BS",
                "latitude": "51.878700",
                "longitude": "0.552100",
                "accessibility": "Ground-floor clinic rooms and disabled parking bays.",
            },
            {
                "name": "Basildon Children's Therapy Centre",
                "address_1": "Nethermayne",
                "address_2": "",
                "town": "Basildon",
                "postcode": "SS16 5NL",
                "latitude": "51.558600",
                "longitude": "0.452300",
                "accessibility": "Step-free access, changing places toilet and hoist.",
            },
        ],
        "schedules": [],
        "contacts": [
            {
                "name": "Children's occupational therapy",
                "role": "Referrals and appointments",
                "email": "ot.children@essex-childrens-health.test",
                "phone": "0113 496 0520",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-07-19",
    },
    {
        "key": "childrens-bladder-bowel-clinic",
        "title": "Children's bladder and bowel clinic",
        "organisation": "essex-childrens-community-health",
        "team": "health",
        "summary": (
            "Nurse-led clinics for children and young people with continence difficulties, "
            "including advice on toilet training for children with SEND and on continence "
            "products."
        ),
        "description_html": (
            "<p>Specialist nurses help children and young people who have problems with wetting, "
            "soiling or constipation. They work with families to find out what is going on and "
            "make a plan that suits the child.</p>"
            "<p>Children with additional needs can be assessed for continence products, such as "
            "pads, from the age of four.</p>"
        ),
        "status": "active",
        "categories": ["health-wellbeing"],
        "needs": ["complex-health-needs", "learning-difficulty"],
        "audiences": ["parents-carers"],
        "min_age": 4,
        "max_age": 19,
        "eligibility": "Children registered with a GP in south or west Essex.",
        "how_to_access_html": (
            "<p>Referral from a GP, school nurse, health visitor or paediatrician. Families "
            "already known to the service can book a review by phone.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://essex-childrens-health.test/bladder-and-bowel",
        "languages": ["en"],
        "service_areas": ["south", "west"],
        "locations": [
            {
                "name": "Basildon Health Centre",
                "address_1": "Southernhay",
                "address_2": "",
                "town": "Basildon",
                "postcode": "SS14 1DL",
                "latitude": "51.574800",
                "longitude": "0.463400",
                "accessibility": "Level access from the car park; lift to first-floor clinic.",
            },
            {
                "name": "Harlow Children's Clinic",
                "address_1": "Fourth Avenue",
                "address_2": "",
                "town": "Harlow",
                "postcode": "CM20 1DW",
                "latitude": "51.769800",
                "longitude": "0.095300",
                "accessibility": "Step-free access and accessible toilet.",
            },
        ],
        "schedules": [
            {
                "description": "Clinic in Basildon",
                "frequency": "weekly",
                "weekday": "MO",
                "opens_at": "09:00",
                "closes_at": "16:00",
                "notes": "By appointment only.",
            },
            {
                "description": "Clinic in Harlow",
                "frequency": "weekly",
                "weekday": "TH",
                "opens_at": "09:00",
                "closes_at": "13:00",
                "notes": "By appointment only.",
            },
        ],
        "contacts": [
            {
                "name": "Bladder and bowel service",
                "role": "Clinic bookings",
                "email": "continence@essex-childrens-health.test",
                "phone": "0113 496 0530",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-05-05",
    },
    {
        "key": "emotional-wellbeing-north-east",
        "title": "Emotional wellbeing and mental health support (North East Essex)",
        "organisation": "snee-icb",
        "team": "health",
        "summary": (
            "NHS support for children and young people in Colchester and Tendring who are "
            "struggling with anxiety, low mood, self-harm or other mental health difficulties."
        ),
        "description_html": (
            "<p>The service offers talking therapies, group work and, where needed, specialist "
            "mental health care. Staff understand that children with SEND may show distress in "
            "different ways and will adapt sessions to suit them.</p>"
            "<ul><li>Advice line for parents, carers and professionals</li>"
            "<li>Self-referral for young people aged 11 and over</li>"
            "<li>Out-of-hours crisis support for young people already known to the "
            "service</li></ul>"
        ),
        "status": "active",
        "categories": ["health-wellbeing"],
        "needs": ["social-emotional-mental-health"],
        "audiences": ["parents-carers", "young-people"],
        "min_age": 5,
        "max_age": 18,
        "eligibility": "Children and young people registered with a GP in Colchester or Tendring.",
        "how_to_access_html": (
            "<p>Young people aged 11 and over can refer themselves online or by phone. Parents, "
            "GPs and schools can also refer. If a child is in immediate danger, contact the "
            "emergency services.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://snee-icb.test/children/emotional-wellbeing",
        "languages": ["en", "pl", "ro", "bn"],
        "service_areas": ["north-east"],
        "locations": [],
        "schedules": [
            {
                "description": "Advice line",
                "frequency": "weekly",
                "weekday": "MO",
                "opens_at": "09:00",
                "closes_at": "17:00",
                "notes": "Also open Tuesday to Friday at the same times.",
            }
        ],
        "contacts": [
            {
                "name": "Emotional wellbeing service",
                "role": "Advice and referrals",
                "email": "wellbeing.ne@snee-icb.test",
                "phone": "0808 157 0420",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "ICB children's mental health commissioner",
                "email": "cyp.commissioning@snee-icb.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2026-08-11",
    },
    {
        "key": "neurodevelopmental-pathway-north-east",
        "title": "Autism and ADHD assessment pathway (North East Essex)",
        "organisation": "snee-icb",
        "team": "health",
        "summary": (
            "How children and young people in Colchester and Tendring are referred and assessed "
            "for autism and ADHD, and what support is available while you wait."
        ),
        "description_html": (
            "<p>Assessments are carried out by a team of paediatricians, psychologists and "
            "speech and language therapists. Waiting times can be long, so the pathway also "
            "points families to support they can use straight away.</p>"
            "<p>Schools should put support in place based on your child's needs. A diagnosis is "
            "not needed for SEN support or for most parent groups.</p>"
        ),
        "status": "active",
        "categories": ["health-wellbeing"],
        "needs": ["autism", "adhd"],
        "audiences": ["parents-carers", "professionals"],
        "min_age": 0,
        "max_age": 18,
        "eligibility": "Children and young people registered with a GP in Colchester or Tendring.",
        "how_to_access_html": (
            "<p>Referrals come from GPs, schools and health visitors using the pathway "
            "referral form, with information from home and school.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://snee-icb.test/children/neurodevelopmental-pathway",
        "languages": ["en"],
        "service_areas": ["north-east"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "Neurodevelopmental pathway team",
                "role": "Referral enquiries",
                "email": "nd.pathway@snee-icb.test",
                "phone": "0113 496 0410",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-12-09",
    },
    {
        "key": "learning-disability-health-checks",
        "title": "Annual health checks for young people with a learning disability",
        "organisation": "snee-icb",
        "team": "health",
        "summary": (
            "Everyone aged 14 and over who is on their GP's learning disability register can "
            "have a free health check every year, with a longer appointment and easy read "
            "information."
        ),
        "description_html": (
            "<p>An annual health check is a chance to spot health problems early and talk "
            "about anything that is worrying you. The appointment is longer than usual, and you "
            "can bring someone with you.</p>"
            "<ul><li>Physical check-up, including weight and blood pressure</li>"
            "<li>A look at medicines and vaccinations</li>"
            "<li>A health action plan to take away</li></ul>"
        ),
        "status": "active",
        "categories": ["health-wellbeing"],
        "needs": ["learning-difficulty"],
        "audiences": ["young-people", "parents-carers"],
        "min_age": 14,
        "max_age": 25,
        "eligibility": "Young people aged 14 and over on their GP's learning disability register.",
        "how_to_access_html": (
            "<p>Ask your GP surgery to check you are on the learning disability register, then "
            "book your health check with them.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://snee-icb.test/learning-disability-health-checks",
        "languages": ["en"],
        "service_areas": ["north-east"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "ICB learning disability team",
                "role": "Information about health checks",
                "email": "ld.healthchecks@snee-icb.test",
                "phone": "0113 496 0420",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-01-22",
    },
    # --- Groups, activities and short breaks ---------------------------------------------------
    {
        "key": "autism-parent-evenings-basildon",
        "title": "Autism parent support evenings (Basildon)",
        "organisation": "essex-autism-families",
        "team": "council",
        "summary": (
            "A relaxed monthly evening group for parents and carers of autistic children and "
            "young people in Basildon, Billericay and Wickford, with occasional guest speakers."
        ),
        "description_html": (
            "<p>Meet other parents and carers, swap tips and hear from local professionals. "
            "Some months we have a guest speaker on topics like sleep, eating or school "
            "transitions; other months are just a chance to talk.</p>"
            "<ul><li>No diagnosis needed</li>"
            "<li>Partners, grandparents and other carers are welcome</li>"
            "<li>Private online chat group for members between meetings</li></ul>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": ["autism"],
        "audiences": ["parents-carers"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": "Parents and carers of autistic children or children awaiting assessment.",
        "how_to_access_html": "<p>Just come along, or email the group to be added to the list.</p>",
        "cost": "free",
        "cost_description": "",
        "website": "https://essexautismfamilies.test/basildon",
        "languages": ["en"],
        "service_areas": ["south"],
        "locations": [
            {
                "name": "Fryerns Community Centre",
                "address_1": "Whitmore Way",
                "address_2": "",
                "town": "Basildon",
                "postcode": "SS14 2NN",
                "latitude": "51.582900",
                "longitude": "0.472100",
                "accessibility": "Level access, accessible toilet and free car park.",
            }
        ],
        "schedules": [
            {
                "description": "Second Tuesday of the month",
                "frequency": "monthly",
                "weekday": "TU",
                "opens_at": "19:00",
                "closes_at": "21:00",
                "notes": "",
            }
        ],
        "contacts": [
            {
                "name": "Basildon group organisers",
                "role": "Volunteer group leads",
                "email": "basildon@essexautismfamilies.test",
                "phone": "020 7946 0621",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-02-27",
    },
    {
        "key": "autism-coffee-mornings-harlow",
        "title": "Autism family coffee mornings (Harlow)",
        "organisation": "essex-autism-families",
        "team": "council",
        "summary": (
            "Saturday coffee mornings in Harlow for families of autistic children, with a "
            "sensory-friendly play space so children can come too."
        ),
        "description_html": (
            "<p>A monthly Saturday morning where the whole family can come along. Parents chat "
            "over coffee while children play in a calm room with sensory toys, ear defenders "
            "and a quiet tent.</p>"
            "<p>Volunteers keep the room quiet and low-lit, and nobody minds if your child "
            "needs to come and go.</p>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": ["autism"],
        "audiences": ["parents-carers"],
        "min_age": 0,
        "max_age": 16,
        "eligibility": "Families in Harlow, Epping Forest and Uttlesford.",
        "how_to_access_html": (
            "<p>No need to book. Children must stay with their parent or carer.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://essexautismfamilies.test/harlow",
        "languages": ["en", "tr"],
        "service_areas": ["west"],
        "locations": [
            {
                "name": "The Stow Community Rooms",
                "address_1": "The Stow",
                "address_2": "",
                "town": "Harlow",
                "postcode": "CM20 3AG",
                "latitude": "51.778200",
                "longitude": "0.113900",
                "accessibility": "Ground floor, accessible toilet, quiet room.",
            }
        ],
        "schedules": [
            {
                "description": "First Saturday of the month",
                "frequency": "monthly",
                "weekday": "SA",
                "opens_at": "10:00",
                "closes_at": "12:00",
                "notes": "",
            }
        ],
        "contacts": [
            {
                "name": "Harlow group organisers",
                "role": "Volunteer group leads",
                "email": "harlow@essexautismfamilies.test",
                "phone": "020 7946 0622",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-10-30",
    },
    {
        "key": "sensory-play-under-fives",
        "title": "Sensory play sessions for under-fives",
        "organisation": "essex-sensory-support",
        "team": "council",
        "summary": (
            "Weekly sensory play sessions in Braintree and Colchester for babies and young "
            "children with sensory impairments or developmental delay, and their parents."
        ),
        "description_html": (
            "<p>Each session is led by a qualified early years practitioner and set up with "
            "lights, sounds, textures and music. Parents play alongside their child and pick up "
            "ideas to try at home.</p>"
            "<ul><li>Small groups of up to eight families</li>"
            "<li>Dimmable lighting and quiet space</li>"
            "<li>Siblings under five welcome</li></ul>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": ["sensory", "learning-difficulty"],
        "audiences": ["parents-carers"],
        "min_age": 0,
        "max_age": 5,
        "eligibility": (
            "Children under five with a sensory impairment, developmental delay or additional "
            "needs."
        ),
        "how_to_access_html": (
            "<p>Book online or by phone. Your first session is free so you can see if it suits "
            "your child.</p>"
        ),
        "cost": "paid",
        "cost_description": "£3 per family per session. The first session is free.",
        "website": "https://essexsensorysupport.test/sensory-play",
        "languages": ["en"],
        "service_areas": ["mid", "north-east"],
        "locations": [
            {
                "name": "Braintree Family Hub",
                "address_1": "Bocking End",
                "address_2": "",
                "town": "Braintree",
                "postcode": "CM7 9AA",
                "latitude": "51.879100",
                "longitude": "0.551600",
                "accessibility": "Step-free access, buggy park and changing facilities.",
            },
            {
                "name": "Shrub End Community Hall",
                "address_1": "Shrub End Road",
                "address_2": "Shrub End",
                "town": "Colchester",
                "postcode": "CO2 9AB",
                "latitude": "51.876800",
                "longitude": "0.878400",
                "accessibility": "Level access and accessible toilet.",
            },
        ],
        "schedules": [
            {
                "description": "Braintree session",
                "frequency": "weekly",
                "weekday": "MO",
                "opens_at": "10:00",
                "closes_at": "11:00",
                "notes": "Term time only.",
            },
            {
                "description": "Colchester session",
                "frequency": "weekly",
                "weekday": "TH",
                "opens_at": "13:30",
                "closes_at": "14:30",
                "notes": "Term time only.",
            },
        ],
        "contacts": [
            {
                "name": "Sensory play bookings",
                "role": "Early years practitioner",
                "email": "play@essexsensorysupport.test",
                "phone": "020 7946 0611",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Services manager",
                "email": "services@essexsensorysupport.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2026-01-07",
    },
    {
        "key": "deaf-children-family-days",
        "title": "Family days for deaf children",
        "organisation": "essex-sensory-support",
        "team": "council",
        "summary": (
            "Termly Saturday family days for deaf children and young people, their parents, "
            "brothers and sisters, with BSL interpreters and activities for all ages."
        ),
        "description_html": (
            "<p>Family days are a chance for deaf children to meet other deaf children and for "
            "parents to share experiences. There are crafts, games and a deaf role model session "
            "for the children, and a talk or workshop for parents.</p>"
            "<p>British Sign Language interpreters and a hearing loop are available all day.</p>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": ["hearing-impairment"],
        "audiences": ["parents-carers", "young-people"],
        "min_age": 0,
        "max_age": 18,
        "eligibility": "Deaf children and young people in Essex and their families.",
        "how_to_access_html": (
            "<p>Book a free place for your family by email, text or phone. Tell us if anyone "
            "needs a particular communication method.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://essexsensorysupport.test/family-days",
        "languages": ["en", "bfi"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [
            {
                "name": "Broomfield Road Sensory Centre",
                "address_1": "Broomfield Road",
                "address_2": "",
                "town": "Chelmsford",
                "postcode": "CM1 1SS",
                "latitude": "51.742300",
                "longitude": "0.463100",
                "accessibility": "Step-free access, hearing loop, visual fire alarms.",
            }
        ],
        "schedules": [
            {
                "description": "One Saturday each term",
                "frequency": "termly",
                "weekday": "SA",
                "opens_at": "10:00",
                "closes_at": "15:00",
                "notes": "Lunch is provided. Dates are in the Local Offer newsletter.",
            }
        ],
        "contacts": [
            {
                "name": "Family days team",
                "role": "Deaf children's family worker",
                "email": "familydays@essexsensorysupport.test",
                "phone": "020 7946 0612",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-06-18",
    },
    {
        "key": "braille-tech-club",
        "title": "Braille and access technology club",
        "organisation": "essex-sensory-support",
        "team": "council",
        "summary": (
            "A monthly Saturday club in Witham where blind and partially sighted young people "
            "practise braille, try out screen readers and magnifiers, and make friends."
        ),
        "description_html": (
            "<p>Young people work in small groups with a specialist tutor, building the skills "
            "they use in school and college. There is time to try new apps and devices, and "
            "plenty of time to socialise.</p>"
            "<ul><li>Braille games and challenges</li>"
            "<li>Screen reader and magnifier practice</li>"
            "<li>Trips out twice a year</li></ul>"
        ),
        "status": "active",
        "categories": ["help-with-learning", "support-groups-activities"],
        "needs": ["visual-impairment"],
        "audiences": ["young-people"],
        "min_age": 8,
        "max_age": 18,
        "eligibility": "Children and young people with a visual impairment.",
        "how_to_access_html": (
            "<p>Parents or young people can email to arrange a taster session. Your qualified "
            "teacher of the visually impaired can also refer you.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://essexsensorysupport.test/tech-club",
        "languages": ["en"],
        "service_areas": ["mid"],
        "locations": [
            {
                "name": "Witham Community Hub",
                "address_1": "Newland Street",
                "address_2": "",
                "town": "Witham",
                "postcode": "CM8 2AF",
                "latitude": "51.800300",
                "longitude": "0.639600",
                "accessibility": (
                    "Step-free access, tactile paving at entrance, guide dogs welcome."
                ),
            }
        ],
        "schedules": [
            {
                "description": "Third Saturday of the month",
                "frequency": "monthly",
                "weekday": "SA",
                "opens_at": "10:30",
                "closes_at": "13:00",
                "notes": "",
            }
        ],
        "contacts": [
            {
                "name": "Tech club tutor",
                "role": "Specialist tutor",
                "email": "techclub@essexsensorysupport.test",
                "phone": "020 7946 0613",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-10-02",
    },
    {
        "key": "short-breaks-activities",
        "title": "Short breaks activities for disabled children",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "After-school, weekend and holiday activities that give disabled children and young "
            "people time to have fun with friends, and give parents and carers a break."
        ),
        "description_html": (
            "<p>Short breaks are run by approved providers across the county. Activities include "
            "youth clubs, sports, drama, days out and holiday schemes, with staff trained to "
            "support children with a wide range of needs.</p>"
            "<ul><li>Activities for children aged 5 to 17</li>"
            "<li>One-to-one support can be arranged where needed</li>"
            "<li>Families can use several activities in a year</li></ul>"
        ),
        "status": "active",
        "categories": ["support-groups-activities"],
        "needs": ["physical-disability", "learning-difficulty", "autism"],
        "audiences": ["parents-carers", "young-people"],
        "min_age": 5,
        "max_age": 17,
        "eligibility": (
            "Children and young people with a disability or additional needs who live in "
            "Essex. You do not need an EHC plan or a social worker."
        ),
        "how_to_access_html": (
            "<p>Browse activities on the Local Offer and book directly with the provider. If "
            "your child needs more support than the activities offer, ask the short breaks team "
            "about an assessment.</p>"
        ),
        "cost": "paid",
        "cost_description": (
            "Most sessions are free. Some holiday trips ask for a contribution of up to £10."
        ),
        "website": "https://www.example.org/short-breaks",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [
            {
                "name": "Wickford Activity Centre",
                "address_1": "Market Road",
                "address_2": "",
                "town": "Wickford",
                "postcode": "SS12 0AG",
                "latitude": "51.611700",
                "longitude": "0.521300",
                "accessibility": "Fully accessible, with a changing places toilet.",
            },
            {
                "name": "Canvey Island Youth Centre",
                "address_1": "Furtherwick Road",
                "address_2": "",
                "town": "Canvey Island",
                "postcode": "SS8 7AE",
                "latitude": "51.522600",
                "longitude": "0.583900",
                "accessibility": "Ground floor, accessible toilet and sensory room.",
            },
        ],
        "schedules": [
            {
                "description": "Saturday club",
                "frequency": "weekly",
                "weekday": "SA",
                "opens_at": "10:00",
                "closes_at": "15:00",
                "notes": "Holiday schemes run Monday to Friday in school holidays.",
            }
        ],
        "contacts": [
            {
                "name": "Short breaks team",
                "role": "Information and bookings support",
                "email": "shortbreaks@example.org",
                "phone": "020 7946 0190",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Short breaks commissioning officer",
                "email": "shortbreaks.commissioning@example.org",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2026-04-02",
    },
    {
        "key": "inclusive-multi-sports",
        "title": "Inclusive multi-sports club",
        "organisation": "essex-inclusive-sports",
        "team": "council",
        "summary": (
            "Weekly sports sessions in Harlow and Chelmsford for disabled children and young "
            "people, including boccia, wheelchair basketball, football and athletics."
        ),
        "description_html": (
            "<p>Qualified coaches adapt every game so that everyone can join in, whatever their "
            "ability. Sessions are about having fun, getting active and making friends, with "
            "chances to enter local competitions for those who want to.</p>"
            "<ul><li>Sports wheelchairs and adapted equipment provided</li>"
            "<li>Parents and carers can stay and watch</li>"
            "<li>Young volunteers aged 16 to 25 welcome</li></ul>"
        ),
        "status": "active",
        "categories": ["support-groups-activities", "health-wellbeing"],
        "needs": ["physical-disability", "learning-difficulty"],
        "audiences": ["young-people", "parents-carers"],
        "min_age": 5,
        "max_age": 25,
        "eligibility": "Children and young people with any disability or additional need.",
        "how_to_access_html": (
            "<p>Come to a free taster session. Let the coaches know beforehand about any "
            "support or equipment your child needs.</p>"
        ),
        "cost": "paid",
        "cost_description": "£4 per session, or £40 for a term. The first taster session is free.",
        "website": "https://essexinclusivesports.test/multi-sports",
        "languages": ["en"],
        "service_areas": ["west", "mid"],
        "locations": [
            {
                "name": "Harlow Leisure Zone",
                "address_1": "Second Avenue",
                "address_2": "",
                "town": "Harlow",
                "postcode": "CM20 3DT",
                "latitude": "51.763100",
                "longitude": "0.098400",
                "accessibility": "Fully accessible sports hall, changing places toilet.",
            },
            {
                "name": "Riverside Leisure Centre",
                "address_1": "Victoria Road",
                "address_2": "",
                "town": "Chelmsford",
                "postcode": "CM1 1FG",
                "latitude": "51.738900",
                "longitude": "0.474600",
                "accessibility": "Step-free access, accessible changing rooms, hoist available.",
            },
        ],
        "schedules": [
            {
                "description": "Harlow session",
                "frequency": "weekly",
                "weekday": "TU",
                "opens_at": "17:00",
                "closes_at": "18:30",
                "notes": "",
            },
            {
                "description": "Chelmsford session",
                "frequency": "weekly",
                "weekday": "SA",
                "opens_at": "09:30",
                "closes_at": "11:00",
                "notes": "",
            },
        ],
        "contacts": [
            {
                "name": "Club coaches",
                "role": "Head coach",
                "email": "coaches@essexinclusivesports.test",
                "phone": "020 7946 0630",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-09-25",
    },
    {
        "key": "inclusive-swimming-clacton",
        "title": "Inclusive swimming sessions (Clacton)",
        "organisation": "essex-inclusive-sports",
        "team": "council",
        "summary": (
            "Quiet, warm-water swimming sessions for disabled children and their families. "
            "Temporarily closed while the pool is refurbished."
        ),
        "description_html": (
            "<p>Sessions run in the learner pool with extra lifeguards and a swimming coach. "
            "The water is kept warm, music is turned off and the pool is closed to the public.</p>"
            "<p><b>Temporarily closed:</b> the pool is being refurbished. Sessions will restart "
            "when it reopens, and families on the list will be told first.</p>"
        ),
        "status": "temporarily closed",
        "categories": ["support-groups-activities"],
        "needs": ["physical-disability", "autism", "sensory"],
        "audiences": ["parents-carers"],
        "min_age": 2,
        "max_age": 18,
        "eligibility": "Disabled children and young people with a parent or carer in the water.",
        "how_to_access_html": (
            "<p>Email the club to join the list and hear when sessions restart.</p>"
        ),
        "cost": "paid",
        "cost_description": "£3.50 per swimmer; parents and carers swim free.",
        "website": "https://essexinclusivesports.test/swimming",
        "languages": ["en"],
        "service_areas": ["north-east"],
        "locations": [
            {
                "name": "Clacton Leisure Centre",
                "address_1": "Vista Road",
                "address_2": "",
                "town": "Clacton-on-Sea",
                "postcode": "CO15 6DB",
                "latitude": "51.799800",
                "longitude": "1.149500",
                "accessibility": "Pool hoist, accessible changing room and level access.",
            }
        ],
        "schedules": [
            {
                "description": "Sunday family swim",
                "frequency": "weekly",
                "weekday": "SU",
                "opens_at": "16:00",
                "closes_at": "17:00",
                "notes": "Suspended during refurbishment.",
            }
        ],
        "contacts": [
            {
                "name": "Swimming coordinator",
                "role": "Bookings and waiting list",
                "email": "swim@essexinclusivesports.test",
                "phone": "020 7946 0631",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Club secretary",
                "email": "secretary@essexinclusivesports.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2024-08-01",
    },
    # --- Preparing for adulthood, work, housing and money --------------------------------------
    {
        "key": "supported-internships",
        "title": "Supported internships",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "A year-long study programme for young people aged 16 to 24 with an EHC plan, based "
            "mainly at a real workplace, with a job coach and the aim of a paid job at the end."
        ),
        "description_html": (
            "<p>Interns spend most of the week at an employer, such as a hospital, hotel, "
            "council office or supermarket, learning the skills for the job. A job coach "
            "supports them at work, and a college tutor helps with English, maths and "
            "travel.</p>"
            "<ul><li>Usually three work placements across the year</li>"
            "<li>Help to apply for paid jobs and Access to Work</li>"
            "<li>Programmes in Colchester, Chelmsford, Basildon and Harlow</li></ul>"
        ),
        "status": "active",
        "categories": ["housing-employment"],
        "needs": ["learning-difficulty", "autism"],
        "audiences": ["young-people", "parents-carers"],
        "min_age": 16,
        "max_age": 24,
        "eligibility": (
            "Young people aged 16 to 24 with an EHC plan who want to move into paid work."
        ),
        "how_to_access_html": (
            "<p>Talk about it at your EHC plan annual review from Year 10 onwards. Colleges "
            "hold open days each spring for the following September.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/supported-internships",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "Employment and skills team",
                "role": "Supported internships lead",
                "email": "internships@example.org",
                "phone": "020 7946 0200",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-03-20",
    },
    {
        "key": "independent-travel-training",
        "title": "Independent travel training",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "One-to-one training that helps young people with SEND learn to travel safely on "
            "their own by bus, train or on foot, to school, college, work or the shops."
        ),
        "description_html": (
            "<p>A travel trainer plans a route with the young person and travels it with them, "
            "step by step, until they are confident to go alone. Training covers money, "
            "timetables, road safety and what to do if something goes wrong.</p>"
            "<p>Most young people complete training in six to twelve weeks. Parents are kept "
            "up to date throughout.</p>"
        ),
        "status": "active",
        "categories": ["advice-for-young-people"],
        "needs": ["learning-difficulty", "autism"],
        "audiences": ["young-people", "parents-carers"],
        "min_age": 11,
        "max_age": 25,
        "eligibility": (
            "Young people with SEND aged 11 to 25 who live in Essex, including those who "
            "currently get school or college transport."
        ),
        "how_to_access_html": (
            "<p>Ask your school, college or social worker to refer you, or contact the team "
            "yourself.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/travel-training",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "Travel training team",
                "role": "Referrals",
                "email": "traveltraining@example.org",
                "phone": "020 7946 0210",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-11-05",
    },
    {
        "key": "post-16-travel-assistance",
        "title": "Post-16 SEND travel assistance",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "Help with the cost of getting to school, college or training for young people with "
            "SEND aged 16 to 25, including travel passes, mileage payments and shared transport."
        ),
        "description_html": (
            "<p>If your special educational needs or disability mean you cannot get to your "
            "place of learning without help, you can apply for travel assistance. The council "
            "will look at the most suitable option for you.</p>"
            "<ul><li>Bus or train pass</li>"
            "<li>Mileage payment for a parent who drives you</li>"
            "<li>Shared transport where no other option is suitable</li></ul>"
        ),
        "status": "active",
        "categories": ["financial-support"],
        "needs": [],
        "audiences": ["young-people", "parents-carers"],
        "min_age": 16,
        "max_age": 25,
        "eligibility": (
            "Young people aged 16 to 25 with SEND who live in Essex and attend a course of "
            "learning."
        ),
        "how_to_access_html": (
            "<p>Apply online each year. Applications open in the spring for the next academic "
            "year; apply before the end of May to have help in place for September.</p>"
        ),
        "cost": "paid",
        "cost_description": (
            "Young people aged 16 to 18 may be asked for an annual contribution towards "
            "transport. Families on low incomes can ask for this to be reduced."
        ),
        "website": "https://www.example.org/post-16-transport",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "Travel assistance team",
                "role": "Applications",
                "email": "post16transport@example.org",
                "phone": "020 7946 0220",
                "is_public": True,
            }
        ],
        "last_reviewed": None,
    },
    {
        "key": "disability-benefits-advice",
        "title": "Benefits advice for families of disabled children",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "Free, confidential advice on benefits for families of disabled children and young "
            "people, including Disability Living Allowance, Carer's Allowance and moving to PIP "
            "at 16."
        ),
        "description_html": (
            "<p>Welfare rights advisers can check what your family is entitled to and help you "
            "fill in forms. Many families miss out on money they could claim, so it is worth "
            "asking even if you have been turned down before.</p>"
            "<ul><li>Disability Living Allowance for children</li>"
            "<li>Personal Independence Payment from age 16</li>"
            "<li>Carer's Allowance and Universal Credit</li>"
            "<li>Help to challenge a decision</li></ul>"
        ),
        "status": "active",
        "categories": ["financial-support"],
        "needs": [],
        "audiences": ["parents-carers", "young-people"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": "Families of disabled children and young people living in Essex.",
        "how_to_access_html": (
            "<p>Call the advice line to book a phone appointment. Home visits can be arranged "
            "if phone appointments are hard for you.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/welfare-rights",
        "languages": ["en", "pl", "ro", "lt", "pt", "ar", "bn", "pa", "ur", "zh"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [
            {
                "description": "Advice line",
                "frequency": "weekly",
                "weekday": "TU",
                "opens_at": "10:00",
                "closes_at": "15:00",
                "notes": "Also open on Thursdays at the same times.",
            }
        ],
        "contacts": [
            {
                "name": "Welfare rights advice line",
                "role": "Benefits advisers",
                "email": "welfarerights@example.org",
                "phone": "0808 157 0230",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-06-12",
    },
    {
        "key": "home-adaptations-disabled-children",
        "title": "Help with home adaptations for disabled children",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "Advice and grants for adapting your home for a disabled child, such as ramps, "
            "stairlifts, level-access showers or an extra ground-floor bedroom."
        ),
        "description_html": (
            "<p>An occupational therapist visits your home to understand what your child needs. "
            "If adaptations are recommended, you may be able to get a Disabled Facilities Grant "
            "through your district, borough or city council.</p>"
            "<p>For children under 18, the grant is not means-tested, so parents' income does "
            "not affect it.</p>"
        ),
        "status": "active",
        "categories": ["financial-support", "housing-employment"],
        "needs": ["physical-disability"],
        "audiences": ["parents-carers"],
        "min_age": 0,
        "max_age": 25,
        "eligibility": "Families in Essex with a disabled child or young person living at home.",
        "how_to_access_html": (
            "<p>Ask for an occupational therapy assessment through the council's adult and "
            "children's social care contact centre.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/home-adaptations",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "Social care contact centre",
                "role": "Occupational therapy requests",
                "email": "ot.requests@example.org",
                "phone": "020 7946 0230",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-07-03",
    },
    {
        "key": "housing-advice-young-people",
        "title": "Housing advice for young people with SEND",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "Advice for young people aged 16 to 25 with SEND about their housing options, from "
            "staying at home to supported living, shared housing and your own tenancy."
        ),
        "description_html": (
            "<p>Moving out is a big step. A housing adviser can talk through what you want, "
            "what support you might need and what is available near where you want to live.</p>"
            "<ul><li>Supported living and shared housing</li>"
            "<li>Council and housing association homes</li>"
            "<li>Budgeting and managing a tenancy</li></ul>"
        ),
        "status": "active",
        "categories": ["housing-employment"],
        "needs": [],
        "audiences": ["young-people"],
        "min_age": 16,
        "max_age": 25,
        "eligibility": "Young people with SEND aged 16 to 25 living in Essex.",
        "how_to_access_html": (
            "<p>Email or phone the team. If you are at risk of losing your home, contact your "
            "local district, borough or city council straight away.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/housing-young-people",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "Young people's housing adviser",
                "role": "Housing options",
                "email": "youngpeople.housing@example.org",
                "phone": "020 7946 0240",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-05-28",
    },
    {
        "key": "preparing-for-adulthood-team",
        "title": "Preparing for adulthood support",
        "organisation": "ecc",
        "team": "council",
        "summary": (
            "Help for young people with SEND from age 14 to plan for adult life: further "
            "learning, work, living independently, friendships and good health."
        ),
        "description_html": (
            "<p>Preparing for adulthood workers join EHC plan reviews from Year 9 and help "
            "young people set goals for the future. They link up with colleges, employment "
            "services, health and adult social care so the move to adult services goes "
            "smoothly.</p>"
            "<ul><li>Planning for college, training or work</li>"
            "<li>Living as independently as possible</li>"
            "<li>Moving from children's to adults' services</li></ul>"
        ),
        "status": "active",
        "categories": ["advice-for-young-people", "housing-employment"],
        "needs": [],
        "audiences": ["young-people", "parents-carers"],
        "min_age": 14,
        "max_age": 25,
        "eligibility": "Young people with an EHC plan, or known to children's social care.",
        "how_to_access_html": (
            "<p>Ask for a preparing for adulthood worker to be invited to your next review, or "
            "contact the team directly.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://www.example.org/preparing-for-adulthood",
        "languages": ["en"],
        "service_areas": ["north-east", "mid", "south", "west"],
        "locations": [],
        "schedules": [],
        "contacts": [
            {
                "name": "Preparing for adulthood team",
                "role": "Duty worker",
                "email": "pfa@example.org",
                "phone": "020 7946 0250",
                "is_public": True,
            }
        ],
        "last_reviewed": "2026-09-17",
    },
    # --- Young carers ---------------------------------------------------------------------------
    {
        "key": "young-carers-clubs",
        "title": "Young carers clubs and one-to-one support",
        "organisation": "mid-essex-young-carers",
        "team": "council",
        "summary": (
            "Weekly clubs, trips and one-to-one support for children aged 8 to 17 who help to "
            "look after a brother, sister or parent with a disability or illness."
        ),
        "description_html": (
            "<p>Young carers often take on a lot at home. Our clubs are a chance to relax, have "
            "fun and meet others who understand. Young carers workers can also talk with "
            "schools so teachers know what is going on.</p>"
            "<ul><li>Weekly after-school clubs in Chelmsford and Maldon</li>"
            "<li>Holiday trips and activity days</li>"
            "<li>One-to-one support when things get tough</li></ul>"
        ),
        "status": "active",
        "categories": ["support-groups-activities", "advice-for-young-people"],
        "needs": [],
        "audiences": ["young-people"],
        "min_age": 8,
        "max_age": 17,
        "eligibility": (
            "Young carers living in Chelmsford, Braintree or Maldon districts, including "
            "siblings of disabled children."
        ),
        "how_to_access_html": (
            "<p>Young carers, parents, schools and professionals can all make a referral online "
            "or by phone. A worker will arrange to meet you.</p>"
        ),
        "cost": "free",
        "cost_description": "",
        "website": "https://midessexyoungcarers.test/clubs",
        "languages": ["en"],
        "service_areas": ["mid"],
        "locations": [
            {
                "name": "Young Carers Hub",
                "address_1": "Springfield Road",
                "address_2": "",
                "town": "Chelmsford",
                "postcode": "CM2 6JN",
                "latitude": "51.738700",
                "longitude": "0.487200",
                "accessibility": "Step-free access and accessible toilet.",
            },
            {
                "name": "Maldon Youth Centre",
                "address_1": "Wantz Road",
                "address_2": "",
                "town": "Maldon",
                "postcode": "CM9 5DE",
                "latitude": "51.730800",
                "longitude": "0.677900",
                "accessibility": "Ground floor, level access.",
            },
        ],
        "schedules": [
            {
                "description": "Chelmsford club",
                "frequency": "weekly",
                "weekday": "WE",
                "opens_at": "16:30",
                "closes_at": "18:00",
                "notes": "Term time only.",
            },
            {
                "description": "Maldon club",
                "frequency": "weekly",
                "weekday": "TH",
                "opens_at": "16:30",
                "closes_at": "18:00",
                "notes": "Term time only.",
            },
        ],
        "contacts": [
            {
                "name": "Young carers referrals",
                "role": "Referral coordinator",
                "email": "referrals@midessexyoungcarers.test",
                "phone": "0808 157 0330",
                "is_public": True,
            },
            {
                "name": "Listing review contact",
                "role": "Operations manager",
                "email": "operations@midessexyoungcarers.test",
                "phone": "",
                "is_public": False,
            },
        ],
        "last_reviewed": "2026-07-01",
    },
    {
        "key": "young-adult-carers",
        "title": "Support for young adult carers (18 to 25)",
        "organisation": "mid-essex-young-carers",
        "team": "council",
        "summary": (
            "Support for young adult carers aged 18 to 25 to balance caring with college, work "
            "and a life of their own, including a monthly evening meet-up."
        ),
        "description_html": (
            "<p>Being a carer can make it harder to stay in education or find work. Our young "
            "adult carers workers help you plan your next steps, find out about carers' "
            "benefits and get a carer's assessment.</p>"
            "<p>The monthly meet-up is a relaxed evening with food, games and people your own "
            "age who get it.</p>"
        ),
        "status": "active",
        "categories": ["advice-for-young-people", "housing-employment"],
        "needs": [],
        "audiences": ["young-people"],
        "min_age": 18,
        "max_age": 25,
        "eligibility": "Young adult carers living in mid Essex.",
        "how_to_access_html": "<p>Refer yourself by phone, email or the online form.</p>",
        "cost": "free",
        "cost_description": "",
        "website": "https://midessexyoungcarers.test/young-adult-carers",
        "languages": ["en"],
        "service_areas": ["mid"],
        "locations": [
            {
                "name": "Young Carers Hub",
                "address_1": "Springfield Road",
                "address_2": "",
                "town": "Chelmsford",
                "postcode": "CM2 6JN",
                "latitude": "51.738700",
                "longitude": "0.487200",
                "accessibility": "Step-free access and accessible toilet.",
            }
        ],
        "schedules": [
            {
                "description": "Monthly meet-up, last Friday of the month",
                "frequency": "monthly",
                "weekday": "FR",
                "opens_at": "18:00",
                "closes_at": "20:00",
                "notes": "",
            }
        ],
        "contacts": [
            {
                "name": "Young adult carers worker",
                "role": "Support worker",
                "email": "youngadultcarers@midessexyoungcarers.test",
                "phone": "0808 157 0331",
                "is_public": True,
            }
        ],
        "last_reviewed": "2025-12-15",
    },
]

# ---------------------------------------------------------------------------------------------
# Guides
# ---------------------------------------------------------------------------------------------

GUIDES = [
    {
        "key": "when-people-cant-agree",
        "title": "When people can't agree – a guide for young people in education",  # noqa: RUF001
        "team": "council",
        "introduction": (
            "For young people aged 16 to 25 who are unhappy with their special educational "
            "needs (SEN) provision or support at school or college. It explains the steps you "
            "can take to sort things out, starting with a conversation."
        ),
        "audiences": ["young-people"],
        "topics": ["advice-for-young-people", "help-with-learning"],
        "min_age": 16,
        "max_age": 25,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Once you are over compulsory school age (the end of the school year in "
                    "which you turn 16), you have the right to make many decisions about your "
                    "education yourself. That includes asking for changes to your support and "
                    "challenging decisions. Your parents or carers can still help if you want "
                    "them to.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Step 1: talk to your SENCo or learning support team",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Most problems can be sorted out by talking. Ask for a meeting with the "
                    "SENCo at school, or the learning support or additional learning support "
                    "manager at college. Explain what is not working and what you think would "
                    "help.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "tone": "tip",
                    "title": "Before the meeting",
                    "text": (
                        "<ul><li>Write down what is going wrong, with examples and dates</li>"
                        "<li>Write down what you would like to happen</li>"
                        "<li>Think about who you would like to bring with you</li></ul>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Step 2: use the complaints procedure", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>If talking does not fix things, every school and college has a "
                    "complaints procedure. Ask for a copy or look on their website. If you have "
                    "an EHC plan and the problem is about the support in it, you can also "
                    "contact the council's SEND team.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Step 3: disagreement resolution", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Disagreement resolution is a free, informal meeting with an independent "
                    "person who helps everyone find a way forward. It can be used for "
                    "disagreements about SEN support, whether or not you have an EHC plan.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Step 4: mediation", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Mediation is for disagreements about EHC needs assessments and EHC "
                    "plans. An independent mediator helps you and the council talk things "
                    "through. If you want to appeal, you usually need to contact a mediation "
                    "adviser first, even if you then decide not to go to mediation. The adviser "
                    "gives you a certificate so you can appeal.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Step 5: appealing to the SEND Tribunal", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The First-tier Tribunal (SEND) is an independent court that can look "
                    "again at some council decisions. You can appeal if the council:</p>"
                    "<ul><li>refuses to carry out an EHC needs assessment</li>"
                    "<li>decides not to issue an EHC plan after an assessment</li>"
                    "<li>issues or changes a plan and you disagree with the support or the "
                    "college named in it</li>"
                    "<li>decides to stop your EHC plan</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "tone": "important",
                    "title": "Deadlines matter",
                    "text": (
                        "<p>You usually have <b>two months</b> from the date of the decision "
                        "letter, or <b>one month</b> from the date of your mediation "
                        "certificate, whichever is later, to appeal. Get advice early.</p>"
                    ),
                },
            },
            {
                "type": "accordion",
                "value": {
                    "title": "Questions young people ask",
                    "items": [
                        {
                            "question": "Do I need my parents' permission to complain or appeal?",
                            "answer": (
                                "<p>No. Once you are over compulsory school age you can do "
                                "this yourself. You can still ask a parent, carer or friend to "
                                "help you or speak for you.</p>"
                            ),
                        },
                        {
                            "question": "Will complaining get me into trouble?",
                            "answer": (
                                "<p>No. You have a right to ask for the support you need. "
                                "Schools and colleges should treat your concerns fairly and "
                                "should not treat you differently because you raised them.</p>"
                            ),
                        },
                        {
                            "question": "Is mediation the same as disagreement resolution?",
                            "answer": (
                                "<p>Not quite. Disagreement resolution can be used for any "
                                "disagreement about SEN support. Mediation is for decisions "
                                "about EHC needs assessments and plans, and is linked to your "
                                "right of appeal.</p>"
                            ),
                        },
                        {
                            "question": "Does any of this cost money?",
                            "answer": (
                                "<p>No. Disagreement resolution and mediation are free, and it "
                                "costs nothing to appeal to the tribunal. You do not need a "
                                "lawyer.</p>"
                            ),
                        },
                        {
                            "question": "What if I am moving from school to college?",
                            "answer": (
                                "<p>If you have an EHC plan, the college should be named in it "
                                "by 31 March of the year you move. If you disagree with the "
                                "college named, you can use mediation and appeal.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Where to get advice", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>You do not have to do this on your own. The SEND Information, Advice and "
                    "Support Service gives free, confidential advice to young people, and can "
                    "help at every step in this guide.</p>"
                ),
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "Services that can help",
                    "services": [
                        "sendiass-young-people-advice",
                        "essex-sendiass",
                        "preparing-for-adulthood-team",
                    ],
                },
            },
            {
                "type": "contact",
                "value": {
                    "name": "SEND advice line for young people",
                    "role": "Essex SENDIASS",
                    "email": "youngpeople@essex-sendiass.test",
                    "phone": "0808 157 0201",
                    "website": "https://essex-sendiass.test/young-people",
                },
            },
        ],
        "related_guides": ["send-clusters-who-to-contact", "preparing-for-adulthood"],
        "last_reviewed": "2026-03-12",
    },
    {
        "key": "parents-guide-north-east-essex",
        "title": "A parent's guide to services in North East Essex",
        "team": "health",
        "introduction": (
            "Written by parents for parents, this guide points families of children with "
            "additional needs in Colchester and Tendring to local services and organisations. "
            "It was compiled by Colchester Parent Support with the MAZE Group CiC and local "
            "parents."
        ),
        "audiences": ["parents-carers"],
        "topics": ["support-groups-activities", "health-wellbeing"],
        "min_age": 0,
        "max_age": 25,
        "body": [
            {
                "type": "callout",
                "value": {
                    "tone": "info",
                    "title": "Who paid for this guide",
                    "text": (
                        "<p>The original printed directory was funded by NHS North East Essex "
                        "Clinical Commissioning Group (CCG). The CCG was abolished on 1 July "
                        "2022 and replaced by NHS Suffolk and North East Essex Integrated Care "
                        "Board (ICB), which now plans and pays for local NHS services.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Why parents wrote this guide", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>When your child has additional needs, it can be hard to know where to "
                    "start. The parents who wrote this guide remember feeling lost, so they "
                    "collected the services and groups they wish they had known about sooner. "
                    "You do not need a diagnosis to use most of them.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Support from other parents", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Talking to someone who has been there can make a real difference. "
                    "Colchester Parent Support runs weekly coffee mornings and a call-back "
                    "service, and the MAZE Group holds a monthly drop-in in Colchester.</p>"
                ),
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "Meet other parents",
                    "services": ["colchester-parent-to-parent", "maze-drop-in"],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Understanding your child's needs", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The MAZE Approach helps parents and professionals see how a child is "
                    "affected by their additional needs. MAZE runs specialist parenting "
                    "programmes every term in North East Essex and training for school "
                    "staff.</p>"
                ),
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "MAZE programmes and training",
                    "services": [
                        "maze-parenting-programmes",
                        "maze-school-training",
                        "uoe-maze-accredited-training",
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Health services", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Your GP, health visitor or school nurse is usually the first person to "
                    "ask about health concerns. These NHS services are available to children in "
                    "Colchester and Tendring.</p>"
                ),
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "NHS services in North East Essex",
                    "services": [
                        "neurodevelopmental-pathway-north-east",
                        "emotional-wellbeing-north-east",
                        "learning-disability-health-checks",
                    ],
                },
            },
            {
                "type": "accordion",
                "value": {
                    "title": "Questions parents often ask",
                    "items": [
                        {
                            "question": "Do I need a diagnosis to get help?",
                            "answer": (
                                "<p>No. Schools must support children based on their needs, "
                                "and most groups in this guide welcome families whether or not "
                                "there is a diagnosis.</p>"
                            ),
                        },
                        {
                            "question": "Where can I get a printed copy?",
                            "answer": (
                                "<p>Some GP surgeries and family hubs still have printed "
                                "copies, but this online guide is kept more up to date.</p>"
                            ),
                        },
                        {
                            "question": (
                                "A service in the printed guide mentions the CCG. Is "
                                "it still running?"
                            ),
                            "answer": (
                                "<p>Many services carried on under the ICB, but some changed. "
                                "Check the service's listing on the Local Offer or ask your "
                                "GP.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "contact",
                "value": {
                    "name": "Colchester Parent Support",
                    "role": "Editors of this guide",
                    "email": "hello@colchesterparentsupport.test",
                    "phone": "0113 496 0230",
                    "website": "https://colchesterparentsupport.test/",
                },
            },
        ],
        "related_guides": ["when-people-cant-agree", "send-clusters-who-to-contact"],
        "last_reviewed": "2025-10-20",
    },
    {
        "key": "send-clusters-who-to-contact",
        "title": "Education, Early Years and SEND clusters: who to contact",
        "team": "council",
        "introduction": (
            "Early years settings, schools and colleges in Essex are grouped into local "
            "clusters, each with named council SEND staff. This guide explains who to contact "
            "about your child's support, and in what order."
        ),
        "audiences": ["parents-carers", "professionals"],
        "topics": ["help-with-learning"],
        "min_age": 0,
        "max_age": 25,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>When the council reorganised its SEND services, early years settings, "
                    "schools and colleges were grouped into clusters based on existing "
                    "localities, school groups and trusts. Settings were told their cluster and "
                    "council contacts in December 2019, and the lists are published so that "
                    "families and other organisations can use them too.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Start with your child's setting", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Most SEND support is arranged and provided through early years "
                    "settings, schools and colleges. So the first person to talk to is the "
                    "<b>SENCo</b> (special educational needs coordinator) or SEN lead at your "
                    "child's setting.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "If you need the council's SEND staff", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Each cluster has council staff such as an Inclusion Partner, an "
                    "educational psychologist and specialist teachers, overseen by a SEND "
                    "Quadrant Manager. If you are not sure who to contact, email the "
                    "<b>Inclusion Partner</b> first. They can pass your message to the right "
                    "colleague.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "tone": "important",
                    "title": "Staff change often",
                    "text": (
                        "<p>We try hard to keep the cluster lists up to date, but staff changes "
                        "happen often. If an email is returned undelivered, contact the "
                        "Inclusion Partner or the SEND Quadrant Manager for your area "
                        "instead.</p>"
                    ),
                },
            },
            {
                "type": "accordion",
                "value": {
                    "title": "Clusters explained",
                    "items": [
                        {
                            "question": "What is a SENCo?",
                            "answer": (
                                "<p>The special educational needs coordinator is the member of "
                                "staff responsible for SEN support in a setting. Every "
                                "mainstream school must have one.</p>"
                            ),
                        },
                        {
                            "question": "What does an Inclusion Partner do?",
                            "answer": (
                                "<p>Inclusion Partners work with the settings in their cluster "
                                "on including children with SEND. They advise staff, help "
                                "solve problems and point people to other council "
                                "services.</p>"
                            ),
                        },
                        {
                            "question": "What is a quadrant?",
                            "answer": (
                                "<p>Essex is split into four areas for SEND services: North "
                                "East, Mid, South and West. Each quadrant has a SEND Quadrant "
                                "Manager and several clusters.</p>"
                            ),
                        },
                        {
                            "question": "My email bounced. What should I do?",
                            "answer": (
                                "<p>Contact the SEND Quadrant Manager for your area, whose "
                                "details are on the cluster page, and let them know which "
                                "address did not work so the list can be corrected.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "Related services",
                    "services": [
                        "essex-sendiass",
                        "ehc-needs-assessment",
                        "early-years-send-support",
                    ],
                },
            },
        ],
        "related_guides": ["when-people-cant-agree", "send-strategy-my-life-my-rights"],
        "last_reviewed": "2026-02-02",
    },
    {
        "key": "send-strategy-my-life-my-rights",
        "title": "My Life, My Rights: the Essex SEND strategy 2022 to 2027",
        "team": "council",
        "introduction": (
            "My Life, My Rights is the Essex local area SEND strategy for 2022 to 2027. It sets "
            "out the ambition for a SEND system that is inclusive, equitable and ambitious, and "
            "builds on the improvement work that followed the 2019 Ofsted and CQC inspection."
        ),
        "audiences": ["parents-carers", "professionals"],
        "topics": ["help-with-learning", "health-wellbeing"],
        "min_age": 0,
        "max_age": 25,
        "body": [
            {
                "type": "heading",
                "value": {"text": "What the strategy is for", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The strategy belongs to the whole local area: the council, the NHS, "
                    "early years settings, schools, colleges and families. It describes the "
                    "kind of SEND system Essex wants to have:</p>"
                    "<ul><li><b>Inclusive</b>: children and young people with SEND learn and "
                    "take part alongside their friends wherever possible</li>"
                    "<li><b>Equitable</b>: support depends on need, not on where you live or "
                    "who you know</li>"
                    "<li><b>Ambitious</b>: young people are supported towards work, "
                    "independence and a good adult life</li></ul>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "The 2019 local area inspection", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Between 30 September and 4 October 2019, Ofsted and the Care Quality "
                    "Commission (CQC) jointly inspected how well Essex was carrying out the "
                    "SEND reforms in the Children and Families Act 2014. Inspectors spoke with "
                    "children, young people, parents and carers, visited schools and other "
                    "providers, and met leaders from education, health and social care.</p>"
                ),
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The inspection found strengths and areas that needed to improve. "
                    "Inspectors revisited in 2022, and the local area has continued working "
                    "with families, professionals and partners on what to improve next.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "tone": "info",
                    "title": "Why there is a Local Offer",
                    "text": (
                        "<p>The Children and Families Act 2014 required every council to "
                        "publish a Local Offer by 1 September 2014, setting out the education, "
                        "health and care services available for children and young people "
                        "with SEND. It is meant to keep growing with help from families and "
                        "partners.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Having your say", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The voices of children and young people are central to the strategy. "
                    "Young people can join the Multi Schools Council, and families can take "
                    "part in consultations advertised in the Local Offer newsletter.</p>"
                ),
            },
            {
                "type": "accordion",
                "value": {
                    "title": "About the strategy",
                    "items": [
                        {
                            "question": "How long does the strategy last?",
                            "answer": "<p>It covers the five years from 2022 to 2027.</p>",
                        },
                        {
                            "question": "Where can I read about progress?",
                            "answer": (
                                "<p>Progress is reported in the SEND improvement interactive "
                                "guide, which the SEND Strategy team updates regularly.</p>"
                            ),
                        },
                        {
                            "question": "Who do I ask if I cannot find what I need?",
                            "answer": "<p>Email the SEND Strategy team.</p>",
                        },
                    ],
                },
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "Get involved",
                    "services": [
                        "multi-schools-council-meetings",
                        "essex-local-offer-newsletter",
                        "send-strategy-enquiries",
                    ],
                },
            },
            {
                "type": "contact",
                "value": {
                    "name": "SEND Strategy team",
                    "role": "Essex County Council",
                    "email": "senstrategy@example.org",
                    "phone": "020 7946 0160",
                    "website": "https://www.example.org/send-strategy",
                },
            },
        ],
        "related_guides": ["send-clusters-who-to-contact"],
        "last_reviewed": "2025-04-14",
    },
    {
        "key": "preparing-for-adulthood",
        "title": "Preparing for adulthood: work, money and somewhere to live",
        "team": "council",
        "introduction": (
            "A short guide for young people with SEND aged 14 to 25, and their families, about "
            "planning for college, work, money and where you will live as an adult."
        ),
        "audiences": ["young-people", "parents-carers"],
        "topics": ["housing-employment", "financial-support", "advice-for-young-people"],
        "min_age": 14,
        "max_age": 25,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>From Year 9, your EHC plan reviews should talk about your future: what "
                    "you want to do, where you want to live and who you want to spend time "
                    "with. It is never too early to start thinking about it.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Work and training", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Supported internships, apprenticeships and college courses can all "
                    "lead to work. Travel training can help you get there on your own.</p>"
                ),
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "Work and travel",
                    "services": ["supported-internships", "independent-travel-training"],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Money", "level": "h2"},
            },
            {
                "type": "callout",
                "value": {
                    "tone": "tip",
                    "title": "Turning 16",
                    "text": (
                        "<p>If you get Disability Living Allowance, you will be asked to apply "
                        "for Personal Independence Payment (PIP) around your 16th birthday. "
                        "Free benefits advice can help you with the forms.</p>"
                    ),
                },
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "Help with money",
                    "services": ["disability-benefits-advice", "post-16-travel-assistance"],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Somewhere to live", "level": "h2"},
            },
            {
                "type": "related_services",
                "value": {
                    "heading": "Housing and independence",
                    "services": ["housing-advice-young-people", "preparing-for-adulthood-team"],
                },
            },
        ],
        "related_guides": ["when-people-cant-agree"],
        "last_reviewed": "2026-06-08",
    },
]

# ---------------------------------------------------------------------------------------------
# Partner pages
# ---------------------------------------------------------------------------------------------

PARTNERS = [
    {
        "key": "the-maze-group",
        "title": "The MAZE Group CiC",
        "organisation": "maze",
        "introduction": (
            "MAZE is a community for parents, carers and families of children with additional "
            "needs. Its approach helps parents and professionals understand how a child is "
            "affected by their additional needs."
        ),
        "body": [
            {
                "type": "heading",
                "value": {"text": "The MAZE Approach", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The MAZE Approach was developed by Sue Anderton, who has 25 years' "
                    "experience as a special and additional needs teacher, 20 of them in school "
                    "leadership. She created it to meet the needs of the children and young "
                    "people she worked with, and the families who support them.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "What MAZE offers", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Specialist parenting programmes held each term in North East "
                    "Essex</li>"
                    "<li>Monthly drop-in sessions for parents and carers</li>"
                    "<li>MAZE Approach training within schools</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "tone": "info",
                    "title": "Accredited training with the University of Essex",
                    "text": (
                        "<p>Sue has worked with the University of Essex to put together "
                        "accredited training for professionals: <i>Working with Children with "
                        "Additional Needs and their Families: Using the MAZE Approach</i>.</p>"
                    ),
                },
            },
            {
                "type": "contact",
                "value": {
                    "name": "The MAZE Group CiC",
                    "role": "General enquiries",
                    "email": "hello@maze.test",
                    "phone": "0113 496 0200",
                    "website": "https://maze.test/",
                },
            },
        ],
        "links": [
            {"title": "The MAZE Group website", "url": "https://maze.test/"},
            {
                "title": "MAZE Approach course at the University of Essex",
                "url": "https://university-of-essex.test/short-courses/maze-approach",
            },
        ],
        "last_reviewed": "2025-09-14",
    },
    {
        "key": "multi-schools-council",
        "title": "The Multi Schools Council",
        "organisation": "multi-schools-council",
        "introduction": (
            "The Multi Schools Council brings together children and young people from "
            "mainstream and special schools across Essex to share their views and break down "
            "perceptions of SEND and mental health."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>The Council was started in 2012 to help break down perceptions towards "
                    "SEND and mental health in schools and the wider community. Each term, "
                    "children from mainstream and special schools meet to learn more about each "
                    "other and put their plans in place for making a difference.</p>"
                ),
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>As well as changing attitudes, the Council gives young people the "
                    "chance to grow in confidence, develop personal and social skills and "
                    "practise values like democracy and tolerance.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "News from the Council", "level": "h2"},
            },
            {
                "type": "heading",
                "value": {"text": "A new music video", "level": "h3"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>In December 2019, members of the Multi Schools Council released a brand "
                    "new music video that they wrote and performed themselves.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Walking to every special school in Essex", "level": "h3"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>In July 2019, members walked to every special school in Essex in just "
                    "five days: 150 miles, more than a marathon a day. The walk raised "
                    "awareness of special schools and nearly £3,000 to fund student voice "
                    "ideas.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "tone": "tip",
                    "title": "It's free to join",
                    "text": (
                        "<p>Any school in Essex can become a member. Ask your teacher or "
                        "contact the council coordinator.</p>"
                    ),
                },
            },
            {
                "type": "contact",
                "value": {
                    "name": "Multi Schools Council",
                    "role": "Council coordinator",
                    "email": "hello@multischoolscouncil.test",
                    "phone": "0808 157 0412",
                    "website": "https://multischoolscouncil.test/",
                },
            },
        ],
        "links": [
            {"title": "Multi Schools Council website", "url": "https://multischoolscouncil.test/"},
            {
                "title": "Get the Multi Schools Council app",
                "url": "https://multischoolscouncil.test/app",
            },
        ],
        "last_reviewed": "2026-01-15",
    },
    {
        "key": "colchester-parent-support",
        "title": "Colchester Parent Support",
        "organisation": "colchester-parent-support",
        "introduction": (
            "Colchester Parent Support is run by parents of children with additional needs, "
            "for parents. We offer a friendly ear, practical tips and help finding your way "
            "around local services."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Our volunteers have been through assessments, school meetings and "
                    "waiting lists themselves. We cannot make decisions about your child's "
                    "support, but we can listen, explain how things work and help you feel "
                    "less alone.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "A parent's guide to services", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Working with the MAZE Group CiC and local parents, we compiled a "
                    "directory of services in North East Essex so that parents could share what "
                    "they know with other parents. The printed version was funded by NHS North "
                    "East Essex CCG, which has since been replaced by NHS Suffolk and North East "
                    "Essex ICB.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "tone": "tip",
                    "title": "Come for a coffee",
                    "text": (
                        "<p>Our coffee mornings run every Thursday in term time at Highwoods "
                        "Community Centre. Just come along.</p>"
                    ),
                },
            },
            {
                "type": "contact",
                "value": {
                    "name": "Colchester Parent Support",
                    "role": "Volunteer coordinator",
                    "email": "hello@colchesterparentsupport.test",
                    "phone": "0113 496 0230",
                    "website": "https://colchesterparentsupport.test/",
                },
            },
        ],
        "links": [
            {
                "title": "Colchester Parent Support website",
                "url": "https://colchesterparentsupport.test/",
            },
        ],
        "last_reviewed": "2025-10-01",
    },
]

# ---------------------------------------------------------------------------------------------
# Education, Early Years and SEND clusters
# ---------------------------------------------------------------------------------------------

CLUSTERS = [
    {
        "key": "colchester-central",
        "name": "Colchester Central cluster",
        "quadrant": "north-east",
        "description": (
            "Early years settings, schools and colleges in central and north Colchester, "
            "including the town centre, Highwoods and Greenstead."
        ),
        "settings": [
            {"name": "Little Acorns Day Nursery", "kind": "early-years", "town": "Colchester"},
            {"name": "Colchester Road Primary School", "kind": "primary", "town": "Colchester"},
            {"name": "Castle View Primary School", "kind": "primary", "town": "Colchester"},
            {"name": "North Colchester Academy", "kind": "secondary", "town": "Colchester"},
            {"name": "Riverside Special School", "kind": "special", "town": "Colchester"},
            {"name": "North Essex Sixth Form College", "kind": "college", "town": "Colchester"},
        ],
        "staff": [
            {
                "role": "inclusion-partner",
                "name": "Helen Marsh",
                "email": "helen.marsh@example.org",
                "phone": "020 7946 0701",
            },
            {
                "role": "send-quadrant-manager",
                "name": "David Okafor",
                "email": "david.okafor@example.org",
                "phone": "020 7946 0702",
            },
            {
                "role": "educational-psychologist",
                "name": "Dr Priya Shah",
                "email": "priya.shah@example.org",
                "phone": "",
            },
        ],
        "last_reviewed": "2026-03-03",
    },
    {
        "key": "tendring-coast",
        "name": "Tendring Coast cluster",
        "quadrant": "north-east",
        "description": (
            "Settings along the Tendring coast, from Clacton-on-Sea and Frinton-on-Sea to "
            "Harwich and Dovercourt."
        ),
        "settings": [
            {"name": "Seaside Stars Pre-School", "kind": "early-years", "town": "Clacton-on-Sea"},
            {"name": "Holland Road Primary School", "kind": "primary", "town": "Clacton-on-Sea"},
            {"name": "Dovercourt Bay Primary School", "kind": "primary", "town": "Harwich"},
            {"name": "Tendring Coast Academy", "kind": "secondary", "town": "Clacton-on-Sea"},
            {"name": "Frinton Fields Special School", "kind": "special", "town": "Frinton-on-Sea"},
        ],
        "staff": [
            {
                "role": "inclusion-partner",
                "name": "Karen Hollis",
                "email": "former.inclusion.partner@retired-mailbox.test",
                "phone": "020 7946 0703",
            },
            {
                "role": "send-quadrant-manager",
                "name": "David Okafor",
                "email": "david.okafor@example.org",
                "phone": "020 7946 0702",
            },
            {
                "role": "specialist-teacher",
                "name": "Mark Ellison",
                "email": "mark.ellison@example.org",
                "phone": "",
            },
        ],
        "last_reviewed": "2025-11-10",
    },
    {
        "key": "chelmsford-city",
        "name": "Chelmsford City cluster",
        "quadrant": "mid",
        "description": (
            "Settings in Chelmsford city and the nearby villages of Broomfield, Springfield "
            "and Writtle."
        ),
        "settings": [
            {"name": "Springfield Tots Nursery", "kind": "early-years", "town": "Chelmsford"},
            {"name": "Moulsham Lane Primary School", "kind": "primary", "town": "Chelmsford"},
            {"name": "Broomfield Road Primary School", "kind": "primary", "town": "Chelmsford"},
            {"name": "Chelmer Valley Academy", "kind": "secondary", "town": "Chelmsford"},
            {"name": "Writtle Meadow Special School", "kind": "special", "town": "Chelmsford"},
            {
                "name": "Chelmsford Further Education College",
                "kind": "college",
                "town": "Chelmsford",
            },
        ],
        "staff": [
            {
                "role": "inclusion-partner",
                "name": "Sarah Quinn",
                "email": "sarah.quinn@example.org",
                "phone": "020 7946 0711",
            },
            {
                "role": "send-quadrant-manager",
                "name": "Rachel Greene",
                "email": "rachel.greene@example.org",
                "phone": "020 7946 0712",
            },
            {
                "role": "educational-psychologist",
                "name": "Dr Owen Price",
                "email": "owen.price@example.org",
                "phone": "",
            },
            {
                "role": "early-years-lead",
                "name": "Jo Bennett",
                "email": "jo.bennett@example.org",
                "phone": "020 7946 0713",
            },
        ],
        "last_reviewed": "2026-06-15",
    },
    {
        "key": "braintree-witham-maldon",
        "name": "Braintree, Witham and Maldon cluster",
        "quadrant": "mid",
        "description": (
            "Settings in Braintree, Witham, Maldon and the surrounding market towns and villages."
        ),
        "settings": [
            {"name": "Bocking Little Learners", "kind": "early-years", "town": "Braintree"},
            {"name": "Witham Bridge Primary School", "kind": "primary", "town": "Witham"},
            {"name": "Maldon Quay Primary School", "kind": "primary", "town": "Maldon"},
            {"name": "Blackwater Academy", "kind": "secondary", "town": "Maldon"},
            {"name": "Braintree Green Special School", "kind": "special", "town": "Braintree"},
        ],
        "staff": [
            {
                "role": "inclusion-partner",
                "name": "Lucy Adeyemi",
                "email": "lucy.adeyemi@example.org",
                "phone": "020 7946 0714",
            },
            {
                "role": "send-quadrant-manager",
                "name": "Rachel Greene",
                "email": "rachel.greene@example.org",
                "phone": "020 7946 0712",
            },
            {
                "role": "specialist-teacher",
                "name": "Simon Barker",
                "email": "simon.barker@example.org",
                "phone": "",
            },
        ],
        "last_reviewed": "2026-09-30",
    },
    {
        "key": "basildon-billericay",
        "name": "Basildon and Billericay cluster",
        "quadrant": "south",
        "description": ("Settings in Basildon, Laindon, Billericay and Wickford."),
        "settings": [
            {"name": "Laindon Little Steps Nursery", "kind": "early-years", "town": "Basildon"},
            {"name": "Basildon Park Primary School", "kind": "primary", "town": "Basildon"},
            {"name": "Billericay Hill Primary School", "kind": "primary", "town": "Billericay"},
            {"name": "Wickford Fields Academy", "kind": "secondary", "town": "Wickford"},
            {"name": "Basildon Oaks Special School", "kind": "special", "town": "Basildon"},
            {"name": "South Essex Technical College", "kind": "college", "town": "Basildon"},
        ],
        "staff": [
            {
                "role": "inclusion-partner",
                "name": "Gareth Lewis",
                "email": "gareth.lewis@example.org",
                "phone": "020 7946 0721",
            },
            {
                "role": "send-quadrant-manager",
                "name": "Tom Baxter",
                "email": "tom.baxter@example.org",
                "phone": "020 7946 0722",
            },
            {
                "role": "educational-psychologist",
                "name": "Dr Hannah Cole",
                "email": "hannah.cole@example.org",
                "phone": "",
            },
        ],
        "last_reviewed": "2026-04-21",
    },
    {
        "key": "rayleigh-castle-point",
        "name": "Rayleigh, Rochford and Castle Point cluster",
        "quadrant": "south",
        "description": ("Settings in Rayleigh, Rochford, Benfleet, Hadleigh and Canvey Island."),
        "settings": [
            {"name": "Rayleigh Mill Pre-School", "kind": "early-years", "town": "Rayleigh"},
            {"name": "Canvey Creek Primary School", "kind": "primary", "town": "Canvey Island"},
            {"name": "Benfleet Downs Primary School", "kind": "primary", "town": "Benfleet"},
            {"name": "Rochford Park Academy", "kind": "secondary", "town": "Rochford"},
            {"name": "Hadleigh Woods Special School", "kind": "special", "town": "Benfleet"},
        ],
        "staff": [
            {
                "role": "inclusion-partner",
                "name": "Nadia Rahman",
                "email": "nadia.rahman@example.org",
                "phone": "020 7946 0723",
            },
            {
                "role": "send-quadrant-manager",
                "name": "Tom Baxter",
                "email": "tom.baxter@example.org",
                "phone": "020 7946 0722",
            },
        ],
        "last_reviewed": "2026-08-19",
    },
    {
        "key": "harlow-epping",
        "name": "Harlow and Epping Forest cluster",
        "quadrant": "west",
        "description": ("Settings in Harlow, Epping, Loughton and Waltham Abbey."),
        "settings": [
            {"name": "Harlow Town Day Nursery", "kind": "early-years", "town": "Harlow"},
            {"name": "Old Harlow Primary School", "kind": "primary", "town": "Harlow"},
            {"name": "Epping Forest Primary School", "kind": "primary", "town": "Loughton"},
            {"name": "Harlow Gateway Academy", "kind": "secondary", "town": "Harlow"},
            {"name": "Stort Valley Special School", "kind": "special", "town": "Harlow"},
            {"name": "West Essex Further Education College", "kind": "college", "town": "Harlow"},
        ],
        "staff": [
            {
                "role": "inclusion-partner",
                "name": "Ben Clarke",
                "email": "ben.clarke@example.org",
                "phone": "020 7946 0731",
            },
            {
                "role": "send-quadrant-manager",
                "name": "Amira Hussain",
                "email": "amira.hussain@example.org",
                "phone": "020 7946 0732",
            },
            {
                "role": "educational-psychologist",
                "name": "Dr Fiona Walsh",
                "email": "fiona.walsh@example.org",
                "phone": "",
            },
            {
                "role": "early-years-lead",
                "name": "Kerry Fisher",
                "email": "kerry.fisher@example.org",
                "phone": "020 7946 0733",
            },
        ],
        "last_reviewed": "2026-07-07",
    },
    {
        "key": "uttlesford",
        "name": "Uttlesford cluster",
        "quadrant": "west",
        "description": (
            "Settings in Saffron Walden, Great Dunmow, Stansted Mountfitchet and the rural "
            "north-west of the county."
        ),
        "settings": [
            {
                "name": "Saffron Walden Little Explorers",
                "kind": "early-years",
                "town": "Saffron Walden",
            },
            {"name": "Audley End Road Primary School", "kind": "primary", "town": "Saffron Walden"},
            {"name": "Dunmow Meadows Primary School", "kind": "primary", "town": "Great Dunmow"},
            {"name": "Uttlesford Vale Academy", "kind": "secondary", "town": "Saffron Walden"},
            {"name": "Dunmow Brook Special School", "kind": "special", "town": "Great Dunmow"},
        ],
        "staff": [
            {
                "role": "inclusion-partner",
                "name": "Claire Moss",
                "email": "claire.moss@example.org",
                "phone": "020 7946 0734",
            },
            {
                "role": "send-quadrant-manager",
                "name": "Amira Hussain",
                "email": "amira.hussain@example.org",
                "phone": "020 7946 0732",
            },
        ],
        "last_reviewed": "2026-10-12",
    },
]

# ---------------------------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------------------------

HOME = {
    "title": "Essex Local Offer",
    "introduction_html": (
        "<p>Help and information for children and young people aged 0 to 25 with special "
        "educational needs and disabilities (SEND) in Essex, and for their families and the "
        "professionals who work with them.</p>"
        "<p>Find support, groups and activities, help with learning, advice for young people, "
        "health and wellbeing, housing and employment, and financial support.</p>"
    ),
    "featured_guides": ["parents-guide-north-east-essex", "when-people-cant-agree"],
    "featured_services": ["essex-local-offer-newsletter", "essex-sendiass", "maze-drop-in"],
}

# ---------------------------------------------------------------------------------------------
# Polish translations: page key -> {English source string: Polish string}
# Keys are the exact English strings above; for rich text, the inner text of one <p>.
# ---------------------------------------------------------------------------------------------

POLISH = {
    "home": {
        "Essex Local Offer": "Oferta lokalna hrabstwa Essex",
        (
            "Help and information for children and young people aged 0 to 25 with special "
            "educational needs and disabilities (SEND) in Essex, and for their families and the "
            "professionals who work with them."
        ): (
            "Pomoc i informacje dla dzieci i młodzieży w wieku od 0 do 25 lat ze specjalnymi "
            "potrzebami edukacyjnymi i niepełnosprawnościami (SEND) w Essex, a także dla ich "
            "rodzin i specjalistów, którzy z nimi pracują."
        ),
        (
            "Find support, groups and activities, help with learning, advice for young people, "
            "health and wellbeing, housing and employment, and financial support."
        ): (
            "Znajdź wsparcie, grupy i zajęcia, pomoc w nauce, porady dla młodzieży oraz "
            "informacje o zdrowiu i dobrym samopoczuciu, mieszkaniu i zatrudnieniu, a także o "
            "wsparciu finansowym."
        ),
    },
    "maze-drop-in": {
        "MAZE monthly drop-in for parents and carers": (
            "Comiesięczne otwarte spotkania MAZE dla rodziców i opiekunów"
        ),
        (
            "A friendly monthly drop-in in Colchester where parents and carers of children with "
            "additional needs can meet others, share ideas and talk to the MAZE team. No booking "
            "needed."
        ): (
            "Przyjazne comiesięczne spotkania w Colchester, na których rodzice i opiekunowie "
            "dzieci z dodatkowymi potrzebami mogą poznać innych, wymienić się pomysłami i "
            "porozmawiać z zespołem MAZE. Nie trzeba się zapisywać."
        ),
        (
            "Come along for a cup of tea and a chat with other parents and carers who "
            "understand what family life with additional needs can be like. A member of the "
            "MAZE team is always there to listen and to share ideas you can try at home."
        ): (
            "Przyjdź na filiżankę herbaty i rozmowę z innymi rodzicami i opiekunami, którzy "
            "rozumieją, jak może wyglądać życie rodzinne z dodatkowymi potrzebami. Na miejscu "
            "zawsze jest ktoś z zespołu MAZE, kto wysłucha i podsunie pomysły, które można "
            "wypróbować w domu."
        ),
        (
            "You can bring younger children with you, and there is a quiet corner with toys. "
            "<b>You do not need a diagnosis, a referral or a booking</b>: just turn up on the "
            "day."
        ): (
            "Możesz przyjść z młodszymi dziećmi, a na miejscu jest cichy kącik z zabawkami. "
            "<b>Nie potrzebujesz diagnozy, skierowania ani rezerwacji</b>: po prostu przyjdź w "
            "dniu spotkania."
        ),
    },
    "essex-sendiass": {
        "SEND information, advice and support for families": (
            "Informacje, porady i wsparcie w sprawach SEND dla rodzin"
        ),
        (
            "Free, confidential and impartial advice about SEND for parents, carers, children "
            "and young people, from support at school to EHC plans, disagreements and appeals."
        ): (
            "Bezpłatne, poufne i bezstronne porady w sprawach SEND dla rodziców, opiekunów, "
            "dzieci i młodzieży: od wsparcia w szkole, przez plany EHC, po spory i odwołania."
        ),
        (
            "Our trained advisers are independent of schools and of the council's "
            "decision-making teams. We can explain the law and guidance on special educational "
            "needs in plain language, help you prepare for meetings and go through reports or "
            "draft plans with you."
        ): (
            "Nasi przeszkoleni doradcy są niezależni od szkół i od zespołów rady hrabstwa, "
            "które podejmują decyzje. Możemy prostym językiem wyjaśnić przepisy i wytyczne "
            "dotyczące specjalnych potrzeb edukacyjnych, pomóc w przygotowaniu się do spotkań "
            "oraz przejrzeć z Tobą raporty lub projekty planów."
        ),
        (
            "We also support young people aged 16 to 25 in their own right. If you are "
            "unhappy with a decision, we can talk you through your options, including "
            "<b>disagreement resolution</b>, <b>mediation</b> and appeals to the SEND "
            "Tribunal."
        ): (
            "Wspieramy też bezpośrednio młodych ludzi w wieku od 16 do 25 lat. Jeśli nie "
            "zgadzasz się z decyzją, omówimy z Tobą dostępne możliwości, w tym "
            "<b>rozwiązywanie sporów</b>, <b>mediację</b> i odwołanie do Trybunału SEND."
        ),
    },
    "essex-local-offer-newsletter": {
        "Essex Local Offer newsletter": "Newsletter Oferty lokalnej hrabstwa Essex",
        (
            "A free monthly email for Essex families of children with SEND, bringing together "
            "news from education, health and social care, and telling you about new support, "
            "activities and things to do."
        ): (
            "Bezpłatny comiesięczny e-mail dla rodzin z Essex, które mają dzieci z SEND. "
            "Zbiera wiadomości z edukacji, ochrony zdrowia i opieki społecznej oraz informuje o "
            "nowym wsparciu, zajęciach i ciekawych miejscach."
        ),
        (
            "The newsletter lands in your inbox once a month. It is written for families, "
            "and professionals are welcome to share the sign-up page with the families they "
            "support."
        ): (
            "Newsletter trafia do Twojej skrzynki raz w miesiącu. Jest pisany z myślą o "
            "rodzinach, a specjaliści mogą udostępniać stronę zapisu rodzinom, które wspierają."
        ),
    },
    "when-people-cant-agree": {
        "When people can't agree – a guide for young people in education": (  # noqa: RUF001
            "Gdy nie można dojść do porozumienia: poradnik dla młodzieży w edukacji"
        ),
        (
            "For young people aged 16 to 25 who are unhappy with their special educational "
            "needs (SEN) provision or support at school or college. It explains the steps you "
            "can take to sort things out, starting with a conversation."
        ): (
            "Dla młodych ludzi w wieku od 16 do 25 lat, którzy nie są zadowoleni z pomocy lub "
            "wsparcia w związku ze specjalnymi potrzebami edukacyjnymi (SEN) w szkole lub "
            "college'u. Poradnik wyjaśnia, jakie kroki można podjąć, aby rozwiązać problem, "
            "zaczynając od rozmowy."
        ),
    },
    "parents-guide-north-east-essex": {
        "A parent's guide to services in North East Essex": (
            "Poradnik dla rodziców o usługach w północno-wschodnim Essex"
        ),
        (
            "Written by parents for parents, this guide points families of children with "
            "additional needs in Colchester and Tendring to local services and organisations. "
            "It was compiled by Colchester Parent Support with the MAZE Group CiC and local "
            "parents."
        ): (
            "Ten poradnik, napisany przez rodziców dla rodziców, wskazuje rodzinom dzieci z "
            "dodatkowymi potrzebami w Colchester i Tendring lokalne usługi i organizacje. "
            "Przygotowała go organizacja Colchester Parent Support wspólnie z MAZE Group CiC i "
            "miejscowymi rodzicami."
        ),
    },
    "the-maze-group": {
        "The MAZE Group CiC": "MAZE Group CiC",
        (
            "MAZE is a community for parents, carers and families of children with additional "
            "needs. Its approach helps parents and professionals understand how a child is "
            "affected by their additional needs."
        ): (
            "MAZE to społeczność rodziców, opiekunów i rodzin dzieci z dodatkowymi potrzebami. "
            "Jej podejście pomaga rodzicom i specjalistom zrozumieć, jak dodatkowe potrzeby "
            "wpływają na dziecko."
        ),
    },
}

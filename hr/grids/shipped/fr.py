"""Contenu livré en français : échelles, référentiel de compétences, grilles prêtes à
publier pour chaque type d'entretien et bibliothèque de questions.

Règles suivies (voir shared/design/LEGAL.md) : critères objectifs et liés au poste,
aucune question sur la santé, la vie privée ou les opinions ; l'entretien de parcours
professionnel n'évalue jamais le travail (L6315-1). Les textes d'aide s'adressent à
la personne qui conduit l'entretien.
"""

from __future__ import annotations

# --- échelles ----------------------------------------------------------------------

EVALUATION_SCALE = {
    "code": "evaluation4-fr",
    "name": "Appréciation en 4 niveaux",
    "levels": [
        {"value": 1, "label": "En deçà des attentes du poste"},
        {"value": 2, "label": "Partiellement conforme aux attentes"},
        {"value": 3, "label": "Conforme aux attentes"},
        {"value": 4, "label": "Au-delà des attentes"},
    ],
    "not_assessed": True,
}
OBJECTIVES_SCALE = {
    "code": "objectives4-fr",
    "name": "Atteinte d'un objectif",
    "levels": [
        {"value": 1, "label": "Non atteint"},
        {"value": 2, "label": "Partiellement atteint"},
        {"value": 3, "label": "Atteint"},
        {"value": 4, "label": "Dépassé"},
    ],
    "not_assessed": True,
}
MASTERY_SCALE = {
    "code": "mastery4-fr",
    "name": "Maîtrise d'une compétence",
    "levels": [
        {"value": 1, "label": "Notions"},
        {"value": 2, "label": "Pratique"},
        {"value": 3, "label": "Maîtrise"},
        {"value": 4, "label": "Expertise"},
    ],
    "not_assessed": True,
}
WORKLOAD_SCALE = {
    "code": "workload4-fr",
    "name": "Charge de travail (forfait jours)",
    "levels": [
        {"value": 1, "label": "Charge insuffisante"},
        {"value": 2, "label": "Charge adaptée"},
        {"value": 3, "label": "Charge élevée"},
        {"value": 4, "label": "Charge excessive"},
    ],
    "not_assessed": False,
}
SATISFACTION_SCALE = {
    "code": "satisfaction4-fr",
    "name": "Satisfaction en 4 niveaux",
    "levels": [
        {"value": 1, "label": "Pas du tout satisfait"},
        {"value": 2, "label": "Plutôt pas satisfait"},
        {"value": 3, "label": "Plutôt satisfait"},
        {"value": 4, "label": "Très satisfait"},
    ],
    "not_assessed": True,
}

SCALES = [EVALUATION_SCALE, OBJECTIVES_SCALE, MASTERY_SCALE, WORKLOAD_SCALE, SATISFACTION_SCALE]


def _scale(scale: dict) -> dict:
    """The copy a question carries (editing the scale later never changes a grid)."""
    return {
        "name": scale["name"],
        "levels": [dict(level) for level in scale["levels"]],
        "not_assessed": scale["not_assessed"],
    }


# --- référentiel de compétences ----------------------------------------------------

TRANSVERSAL = "Compétences transversales"
MANAGEMENT = "Management"
TECHNICAL = "Compétences techniques"
DIGITAL = "Compétences numériques"

SKILLS = [
    {
        "name": "Communication écrite et orale",
        "family": TRANSVERSAL,
        "description": "Transmettre une information claire, adaptée à son interlocuteur, "
        "à l'oral comme à l'écrit (comptes rendus, courriels, présentations).",
    },
    {
        "name": "Organisation et gestion des priorités",
        "family": TRANSVERSAL,
        "description": "Planifier son activité, hiérarchiser les demandes, tenir les délais "
        "et signaler à temps ce qui ne pourra pas l'être.",
    },
    {
        "name": "Travail en équipe et coopération",
        "family": TRANSVERSAL,
        "description": "Partager l'information, contribuer aux objectifs communs, "
        "travailler avec les autres services.",
    },
    {
        "name": "Analyse et résolution de problèmes",
        "family": TRANSVERSAL,
        "description": "Identifier les causes d'un dysfonctionnement, proposer et mettre "
        "en œuvre des solutions, en vérifier l'effet.",
    },
    {
        "name": "Relation client interne et externe",
        "family": TRANSVERSAL,
        "description": "Comprendre le besoin d'un client ou d'un service, y répondre dans "
        "les délais convenus, traiter une réclamation.",
    },
    {
        "name": "Adaptation aux évolutions du poste",
        "family": TRANSVERSAL,
        "description": "S'approprier de nouveaux outils, procédures ou organisations et "
        "ajuster ses méthodes de travail en conséquence.",
    },
    {
        "name": "Conduite de projet",
        "family": TRANSVERSAL,
        "description": "Cadrer un projet, en planifier les étapes, coordonner les "
        "contributeurs, suivre le budget et les délais, rendre compte.",
    },
    {
        "name": "Transmission des savoirs et tutorat",
        "family": TRANSVERSAL,
        "description": "Former un nouvel arrivant ou un alternant, documenter un savoir-faire, "
        "accompagner la montée en compétences d'un collègue.",
    },
    {
        "name": "Animation d'équipe",
        "family": MANAGEMENT,
        "description": "Fixer le cadre et les priorités de l'équipe, répartir le travail, "
        "animer les réunions, suivre l'activité.",
    },
    {
        "name": "Développement des collaborateurs",
        "family": MANAGEMENT,
        "description": "Conduire les entretiens, donner un retour factuel, identifier les "
        "besoins de formation, accompagner les projets d'évolution.",
    },
    {
        "name": "Maîtrise des techniques et outils du métier",
        "family": TECHNICAL,
        "description": "Connaître et appliquer les techniques, méthodes, équipements et "
        "logiciels propres au poste.",
    },
    {
        "name": "Application des règles d'hygiène, de sécurité et d'environnement",
        "family": TECHNICAL,
        "description": "Connaître et appliquer les consignes HSE du poste, porter les "
        "équipements de protection, signaler les situations dangereuses.",
    },
    {
        "name": "Démarche qualité et amélioration continue",
        "family": TECHNICAL,
        "description": "Appliquer les procédures qualité, traiter les non-conformités, "
        "proposer des améliorations des méthodes de travail.",
    },
    {
        "name": "Connaissance de la réglementation du métier",
        "family": TECHNICAL,
        "description": "Connaître les règles, normes et procédures applicables au domaine "
        "d'activité et en tenir compte dans son travail.",
    },
    {
        "name": "Anglais professionnel",
        "family": TECHNICAL,
        "description": "Échanger par écrit et à l'oral en anglais dans les situations "
        "courantes du poste (clients, fournisseurs, documentation).",
    },
    {
        "name": "Outils bureautiques et collaboratifs",
        "family": DIGITAL,
        "description": "Utiliser traitement de texte, tableur, messagerie, agenda partagé et "
        "espaces de travail collaboratifs.",
    },
    {
        "name": "Exploitation de données et tableaux de bord",
        "family": DIGITAL,
        "description": "Extraire, fiabiliser et analyser des données ; construire et lire "
        "un tableau de bord.",
    },
    {
        "name": "Sécurité informatique au quotidien",
        "family": DIGITAL,
        "description": "Appliquer les bonnes pratiques : mots de passe, hameçonnage, "
        "protection des données personnelles et confidentielles.",
    },
]

ANNUAL_SKILLS = [
    "Maîtrise des techniques et outils du métier",
    "Organisation et gestion des priorités",
    "Communication écrite et orale",
    "Travail en équipe et coopération",
    "Analyse et résolution de problèmes",
    "Application des règles d'hygiène, de sécurité et d'environnement",
]
MOBILITY_SKILLS = [
    "Maîtrise des techniques et outils du métier",
    "Connaissance de la réglementation du métier",
    "Relation client interne et externe",
    "Organisation et gestion des priorités",
    "Outils bureautiques et collaboratifs",
]


def _skills(names: list[str]) -> list[dict]:
    return [{"name": name} for name in names]


# --- questions communes ------------------------------------------------------------


def _final_comment() -> dict:
    return {
        "kind": "final_comment",
        "label": "Commentaire final du salarié",
        "help_text": "Le salarié peut indiquer son accord ou son désaccord avec le compte "
        "rendu et ajouter toute remarque. Sa signature atteste qu'il en a pris connaissance, "
        "pas qu'il en approuve le contenu.",
        "answered_by": "employee",
        "required": False,
        "weight": None,
        "options": {},
    }


def _copy_given() -> dict:
    return {
        "kind": "yes_no",
        "label": "Le salarié est informé qu'une copie du compte rendu écrit lui sera remise",
        "help_text": "Le compte rendu écrit est obligatoire (L6315-1). Une fois signé, sa copie "
        "est mise à disposition du salarié dans Parcours, qui enregistre la date de mise à "
        "disposition ; une version papier peut lui être remise à sa demande.",
        "answered_by": "manager",
        "required": True,
        "weight": None,
        "options": {},
    }


# --- entretien de parcours professionnel (tronc commun et variantes) --------------

CAREER_INTRO = (
    "Cet entretien est consacré au parcours et aux perspectives du salarié (Code du "
    "travail L6315-1). Ce n'est pas une évaluation : on ne commente ici ni les résultats "
    "de l'année ni la manière de travailler. S'il a lieu le même jour que l'entretien "
    "annuel, les deux entretiens restent distincts, chacun avec son compte rendu "
    "(Cass. soc. 5 juillet 2023)."
)


def _career_sections(extra: list[dict] | None = None) -> list[dict]:
    """The five legal themes; `extra` sections go before the information section."""
    sections = [
        {
            "title": "Situation et parcours professionnel",
            "intro": CAREER_INTRO,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Votre poste aujourd'hui : missions principales et évolutions "
                    "depuis le dernier entretien",
                    "help_text": "Le salarié décrit son poste tel qu'il l'exerce : missions, "
                    "périmètre, changements intervenus (organisation, outils, "
                    "responsabilités). Le manager complète si la fiche de poste a évolué.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Les étapes de votre parcours professionnel",
                    "help_text": "Postes occupés dans l'entreprise et avant, mobilités, "
                    "missions transverses. Si le précédent compte rendu décrit déjà le "
                    "parcours, partez de là et notez seulement ce qui a changé.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Compétences et qualifications",
            "intro": "Le salarié décrit ses compétences comme il les voit : il ne s'agit "
            "pas de les noter, mais de repérer celles à entretenir ou à acquérir.",
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Compétences et qualifications que vous mobilisez dans votre poste",
                    "help_text": "Savoir-faire techniques, compétences transversales, "
                    "diplômes, titres, habilitations. Pensez aussi à ce qui a été acquis "
                    "hors du poste : mission transverse, tutorat, mandat de représentant "
                    "du personnel, activités extérieures que le salarié choisit de citer.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Comment ces compétences et qualifications pourraient-elles évoluer ?",
                    "help_text": "Évolutions prévisibles du métier et de l'entreprise "
                    "(outils, techniques, réglementation, organisation) et ce qu'elles "
                    "demanderont. Le manager apporte l'information dont il dispose sur les "
                    "projets de l'entreprise et de son service.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "short_text",
                    "label": "Diplômes, titres ou certifications obtenus depuis le dernier "
                    "entretien",
                    "help_text": "Y compris les blocs de compétences et les certifications "
                    "obtenues par la VAE. Ces informations servent aussi à l'état des lieux "
                    "récapitulatif tous les 8 ans.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Besoins de formation",
            "intro": "Les besoins exprimés ici sont consolidés par les RH dans le plan de "
            "développement des compétences ; leur inscription ne vaut pas accord de "
            "financement.",
            "scored": False,
            "questions": [
                {
                    "kind": "training_requests",
                    "label": "Besoins de formation",
                    "help_text": "Formations utiles pour tenir le poste, accompagner ses "
                    "évolutions ou préparer un projet. Pour chaque besoin : objectif, "
                    "priorité, période souhaitée, et si le salarié envisage de mobiliser "
                    "son CPF.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Souhaits d'évolution professionnelle",
            "intro": "Le salarié exprime ses souhaits librement ; ne pas en avoir est une "
            "réponse légitime.",
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Vos souhaits d'évolution professionnelle",
                    "help_text": "À court terme (1 à 2 ans) et à plus long terme : "
                    "évolution dans le poste, changement de poste, de métier ou de site, "
                    "prise de responsabilités, reconversion. Le manager indique les "
                    "possibilités connues dans l'entreprise sans prendre d'engagement qu'il "
                    "ne pourrait pas tenir.",
                    "answered_by": "employee",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "multiple_choice",
                    "label": "Dispositifs qui pourraient vous être utiles",
                    "help_text": "Reconversion : changer de métier, dans l'entreprise ou en "
                    "dehors. Projet de transition professionnelle (PTP) : formation "
                    "certifiante pour changer de métier, rémunération maintenue, financée "
                    "par Transitions Pro après accord de sa commission. Bilan de "
                    "compétences : analyser ses compétences et ses motivations avec un "
                    "prestataire, finançable par le CPF. VAE : obtenir tout ou partie "
                    "d'une certification grâce à son expérience (vae.gouv.fr).",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Mobilité interne",
                            "Reconversion professionnelle",
                            "Projet de transition professionnelle (PTP)",
                            "Bilan de compétences",
                            "Validation des acquis de l'expérience (VAE)",
                            "Formation certifiante financée par le CPF",
                            "Aucun pour le moment",
                        ]
                    },
                },
                {
                    "kind": "decisions",
                    "label": "Suites convenues",
                    "help_text": "Actions décidées, chacune avec son responsable et son "
                    "échéance : demande de formation à instruire, rendez-vous avec les RH, "
                    "information à transmettre, prise de contact avec un conseiller en "
                    "évolution professionnelle.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
    ]
    sections += extra or []
    sections.append(
        {
            "title": "Information du salarié",
            "intro": "Le manager donne ces informations pendant l'entretien et coche chaque "
            "point une fois l'information donnée. Un compte rendu écrit est établi et "
            "une copie en est remise au salarié.",
            "scored": False,
            "questions": [
                {
                    "kind": "yes_no",
                    "label": "Le salarié a été informé de l'activation et de l'utilisation "
                    "de son compte personnel de formation (CPF)",
                    "help_text": "Le CPF s'active sur moncompteformation.gouv.fr (identité "
                    "vérifiée par FranceConnect+). Le salarié y consulte ses droits, les "
                    "formations éligibles et la participation éventuelle restant à sa "
                    "charge.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Le salarié a été informé des abondements que l'employeur peut "
                    "apporter à son CPF",
                    "help_text": "Présentez les abondements prévus par l'entreprise ou par "
                    "accord collectif (complément de financement d'une formation, publics "
                    "ou formations prioritaires). S'il n'en existe pas, dites-le simplement.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Le salarié a été informé du conseil en évolution "
                    "professionnelle (CEP), gratuit et confidentiel",
                    "help_text": "Le CEP est un accompagnement gratuit, confidentiel et "
                    "indépendant de l'employeur pour faire le point et construire un "
                    "projet : opérateurs régionaux (mon-cep.org), Apec pour les cadres. Il "
                    "peut aussi aider à préparer cet entretien.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "date",
                    "label": "Date à laquelle ces informations ont été données",
                    "help_text": "En général la date de l'entretien.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                _copy_given(),
                _final_comment(),
            ],
        }
    )
    return sections


MID_CAREER_SECTION = {
    "title": "Seconde partie de carrière",
    "intro": "Cet entretien a lieu dans les deux mois qui suivent la visite médicale de "
    "mi-carrière. Cette visite relève du seul médecin du travail : ne posez aucune "
    "question sur son contenu ni sur l'état de la personne. Seules les préconisations "
    "d'aménagement que le médecin du travail a adressées à l'employeur peuvent être "
    "examinées ici.",
    "scored": False,
    "questions": [
        {
            "kind": "long_text",
            "label": "Adaptations du poste ou du temps de travail à envisager",
            "help_text": "Aménagements du poste, de l'organisation ou du temps de travail "
            "que le salarié souhaite, ou que le médecin du travail a préconisés par écrit. "
            "Ne demandez jamais le contenu de la visite médicale ni aucune information "
            "médicale : on parle du poste, pas de la personne.",
            "answered_by": "together",
            "required": True,
            "weight": None,
            "options": {},
        },
        {
            "kind": "long_text",
            "label": "Prévention de l'usure professionnelle : contraintes du poste à réduire",
            "help_text": "Contraintes liées au poste et à son organisation (postures, port "
            "de charges, horaires décalés, gestes répétitifs, déplacements fréquents) et "
            "pistes pour les réduire : équipement, rotation des tâches, évolution du poste.",
            "answered_by": "both",
            "required": True,
            "weight": None,
            "options": {},
        },
        {
            "kind": "long_text",
            "label": "Vos projets pour la seconde partie de votre carrière",
            "help_text": "Approfondir son métier, en changer, devenir tuteur ou référent, se "
            "reconvertir, changer de site. Les besoins de formation correspondants se "
            "notent dans la section « Besoins de formation ».",
            "answered_by": "employee",
            "required": True,
            "weight": None,
            "options": {},
        },
    ],
}

PRE60_SECTION = {
    "title": "Fin de carrière",
    "intro": "Le salarié reste seul maître de ses choix et de leur calendrier : il n'a pas "
    "à annoncer de date de départ et aucune décision n'est prise à sa place. Cet entretien "
    "a lieu dans les deux années qui précèdent son 60e anniversaire.",
    "scored": False,
    "questions": [
        {
            "kind": "long_text",
            "label": "Vos souhaits pour la suite de votre activité et les conditions de votre "
            "maintien dans l'emploi",
            "help_text": "Ce qui permettrait au salarié de poursuivre son activité dans de "
            "bonnes conditions : contenu du poste, organisation, rythme, formation. Ne "
            "demandez pas de date de départ en retraite : c'est au salarié d'en parler s'il "
            "le souhaite.",
            "answered_by": "employee",
            "required": True,
            "weight": None,
            "options": {},
        },
        {
            "kind": "multiple_choice",
            "label": "Aménagements de fin de carrière qui vous intéressent",
            "help_text": "Retraite progressive : travailler à temps partiel en percevant une "
            "partie de sa pension, accessible dès 60 ans sous condition de durée "
            "d'assurance. L'employeur qui refuse le temps partiel demandé dans ce cadre "
            "doit motiver son refus. Le salarié peut estimer ses droits sur "
            "info-retraite.fr.",
            "answered_by": "employee",
            "required": False,
            "weight": None,
            "options": {
                "choices": [
                    "Passage à temps partiel",
                    "Retraite progressive",
                    "Évolution du contenu du poste",
                    "Mission de tutorat ou de transmission",
                    "Aucun pour le moment",
                ]
            },
        },
        {
            "kind": "long_text",
            "label": "Transmission des compétences et savoir-faire",
            "help_text": "Savoir-faire clés que le salarié détient, à qui et comment les "
            "transmettre : tutorat, binôme, documentation, formation interne. Une mission "
            "de tutorat peut être reconnue et précédée d'une formation de tuteur.",
            "answered_by": "both",
            "required": False,
            "weight": None,
            "options": {},
        },
    ],
}

# --- grilles -------------------------------------------------------------------------

ANNUAL = {
    "code": "annual-fr",
    "type": "annual",
    "name": "Entretien annuel d'évaluation",
    "description": "Bilan de l'année écoulée et objectifs de l'année à venir. Les critères "
    "sont précis, objectifs et liés au poste ; ils sont portés à la connaissance des "
    "salariés avant l'entretien (L1222-2, L1222-3). Durée indicative : 1 heure.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Bilan de la période écoulée",
            "intro": "Revenez sur les objectifs fixés l'an dernier et sur les faits marquants "
            "de la période. Appuyez-vous sur des faits et des résultats observables, en lien "
            "avec les missions du poste.",
            "scored": False,
            "questions": [
                {
                    "kind": "objectives_review",
                    "label": "Revue des objectifs de la période écoulée",
                    "help_text": "Pour chaque objectif fixé lors du précédent entretien, "
                    "indiquez le niveau d'atteinte et les éléments qui l'étayent "
                    "(indicateurs, livrables, délais). Tenez compte des moyens réellement "
                    "disponibles et des changements intervenus en cours d'année. Un "
                    "objectif devenu sans objet est signalé comme tel, pas compté comme "
                    "non atteint.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Principales réalisations de la période",
                    "help_text": "Deux ou trois réalisations concrètes (projets menés, "
                    "problèmes résolus, améliorations apportées, missions nouvelles) et "
                    "leur effet pour l'équipe ou les clients. Le salarié les prépare ; le "
                    "manager complète avec ce qu'il a observé.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Difficultés rencontrées et soutien attendu",
                    "help_text": "Situations qui ont freiné le travail et leurs causes : "
                    "moyens, outils, organisation, délais, compétences à renforcer. Puis ce "
                    "qui aiderait le salarié : information, appui du manager ou d'un "
                    "collègue, formation. Le but est de trouver des leviers d'action, pas un "
                    "responsable.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Compétences mobilisées dans le poste",
            "intro": "Seule section notée. Chaque critère s'apprécie au regard des missions "
            "de la fiche de poste, sur des faits observés pendant la période. Choisissez "
            "« Non évalué » quand un critère n'a pas pu être observé.",
            "scored": True,
            "questions": [
                {
                    "kind": "rating",
                    "label": "Réalisation des missions principales du poste",
                    "help_text": "Appréciez la tenue des missions de la fiche de poste sur "
                    "l'ensemble de la période : volume, délais, fiabilité du travail rendu. "
                    "Citez au moins un fait à l'appui du niveau retenu ; un niveau se "
                    "justifie par le travail observé, jamais par un trait de la personne.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": 40,
                    "options": {"scale": _scale(EVALUATION_SCALE)},
                },
                {
                    "kind": "skills_matrix",
                    "label": "Compétences professionnelles du poste",
                    "help_text": "Le salarié se positionne en préparant l'entretien, le "
                    "manager donne son appréciation ; l'écart entre les deux nourrit "
                    "l'échange. Notions : connaît les bases, a besoin d'appui. Pratique : "
                    "réalise seul les situations courantes. Maîtrise : traite aussi les "
                    "situations complexes. Expertise : référent, transmet. Adaptez la liste "
                    "au métier dans une nouvelle version de la grille. Illustrez les niveaux par des "
                    "exemples dans l'appréciation générale.",
                    "answered_by": "both",
                    "required": True,
                    "weight": 60,
                    "options": {
                        "scale": _scale(MASTERY_SCALE),
                        "skills": _skills(ANNUAL_SKILLS),
                    },
                },
            ],
        },
        {
            "title": "Objectifs pour la période à venir",
            "intro": "Trois à cinq objectifs au plus : précis, mesurables, réalistes au "
            "regard des moyens, et datés.",
            "scored": False,
            "questions": [
                {
                    "kind": "new_objectives",
                    "label": "Objectifs de la période à venir",
                    "help_text": "Pour chaque objectif : résultat attendu, indicateur de "
                    "réussite, échéance et moyens associés. Distinguez les objectifs "
                    "individuels des objectifs d'équipe. Ils pourront être revus en cours "
                    "d'année si le contexte change.",
                    "answered_by": "together",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Développement des compétences et formation",
            "intro": "Les projets d'évolution à plus long terme relèvent de l'entretien de "
            "parcours professionnel, tenu à part.",
            "scored": False,
            "questions": [
                {
                    "kind": "training_requests",
                    "label": "Besoins de formation",
                    "help_text": "Formations utiles au poste (adaptation, évolution des "
                    "outils) et au développement des compétences du salarié. Pour chacune : "
                    "objectif, priorité, période souhaitée. Les RH consolident ces besoins "
                    "dans le plan de développement des compétences ; leur inscription ne "
                    "vaut pas accord de financement.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Commentaires et conclusion",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Appréciation générale du manager",
                    "help_text": "Synthèse factuelle de l'année : points forts du travail, "
                    "axes de progrès, conditions de réussite. Attention : un compte rendu "
                    "qui énumère des fautes précises en ordonnant au salarié de changer "
                    "peut être qualifié d'avertissement disciplinaire (Cass. soc. 2 février "
                    "2022). Un manquement sérieux se traite dans un entretien de recadrage "
                    "distinct.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Commentaire du salarié sur la période",
                    "help_text": "Le salarié donne son regard sur l'année écoulée, ses "
                    "conditions de travail et l'entretien lui-même.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                _final_comment(),
            ],
        },
    ],
}

CAREER = {
    "code": "career-fr",
    "type": "career",
    "name": "Entretien de parcours professionnel",
    "description": "Entretien obligatoire (L6315-1) dans l'année qui suit l'embauche puis "
    "tous les 4 ans au plus, et à proposer au retour de certains congés. Consacré aux "
    "perspectives d'évolution : compétences et qualifications, parcours, formation, "
    "souhaits d'évolution, information sur le CPF et le CEP. Il n'évalue pas le travail. "
    "Durée indicative : 45 minutes.",
    "share_preparation": False,
    "sections": _career_sections(),
}

CAREER_MID = {
    "code": "career-mid-fr",
    "type": "career",
    "name": "Entretien de parcours professionnel — mi-carrière",
    "description": "Entretien de parcours professionnel tenu dans les deux mois qui suivent "
    "la visite médicale de mi-carrière (année des 45 ans, sauf autre âge fixé par accord "
    "de branche). En plus des thèmes habituels : adaptation du poste, prévention de "
    "l'usure professionnelle, projets pour la seconde partie de carrière. Parcours "
    "n'enregistre que la date de la visite, jamais son contenu. Durée indicative : "
    "1 heure.",
    "share_preparation": False,
    "sections": _career_sections([MID_CAREER_SECTION]),
}

CAREER_PRE60 = {
    "code": "career-pre60-fr",
    "type": "career",
    "name": "Entretien de parcours professionnel — avant 60 ans",
    "description": "Entretien de parcours professionnel tenu dans les deux années qui "
    "précèdent le 60e anniversaire. En plus des thèmes habituels : maintien dans l'emploi, "
    "aménagements de fin de carrière (temps partiel, retraite progressive), transmission "
    "des compétences. Durée indicative : 1 heure.",
    "share_preparation": False,
    "sections": _career_sections([PRE60_SECTION]),
}

CAREER_REVIEW = {
    "code": "career-review-fr",
    "type": "career_review",
    "name": "État des lieux récapitulatif du parcours professionnel",
    "description": "Tous les 8 ans d'ancienneté ; le premier peut avoir lieu 7 ans après le "
    "premier entretien de parcours (L6315-1 II). Vérifie que les entretiens de parcours "
    "ont eu lieu et si le salarié a suivi au moins une formation non obligatoire, obtenu "
    "des éléments de certification, bénéficié d'une progression salariale ou "
    "professionnelle. Réponses pré-remplies depuis le dossier, modifiables. Compte rendu "
    "écrit, copie remise au salarié.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Période examinée et entretiens de parcours",
            "intro": "Les informations sont reprises du dossier du salarié dans Parcours : "
            "vérifiez-les avec lui et corrigez-les si besoin.",
            "scored": False,
            "questions": [
                {
                    "kind": "short_text",
                    "label": "Période examinée",
                    "help_text": "Rempli depuis le dossier, modifiable. Les 8 années qui "
                    "précèdent cet état des lieux (7 ans après le premier entretien pour le "
                    "premier état des lieux). Les suspensions qui ne comptent pas dans "
                    "l'ancienneté (congé sans solde, congé sabbatique…) prolongent la "
                    "période.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Entretiens de parcours professionnel tenus sur la période (dates)",
                    "help_text": "Rempli depuis le dossier, modifiable. Comptent aussi les "
                    "entretiens de mi-carrière et d'avant 60 ans.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Tous les entretiens de parcours requis sur la période ont-ils "
                    "eu lieu ?",
                    "help_text": "Rempli depuis le dossier, modifiable. Un entretien dans "
                    "l'année qui suit l'embauche, puis tous les 4 ans au plus (ou selon "
                    "l'intervalle plus court fixé par accord).",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Formation, certification et progression",
            "intro": "Entreprises d'au moins 50 salariés : si le salarié n'a bénéficié ni "
            "des entretiens requis ni d'aucune formation non obligatoire, l'employeur verse "
            "3 000 € sur son CPF (abondement correctif, L6323-13).",
            "scored": False,
            "questions": [
                {
                    "kind": "yes_no",
                    "label": "Le salarié a-t-il suivi au moins une action de formation non "
                    "obligatoire ?",
                    "help_text": "Rempli depuis le dossier, modifiable. Une formation est "
                    "obligatoire lorsqu'elle conditionne l'exercice d'une activité ou d'une "
                    "fonction (L6321-2), par exemple une habilitation réglementaire : elle "
                    "ne compte pas ici.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Formations suivies sur la période",
                    "help_text": "Rempli depuis le dossier, modifiable : intitulé, année, "
                    "formation obligatoire ou non.",
                    "answered_by": "manager",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Le salarié a-t-il obtenu des éléments de certification, par la "
                    "formation ou par la VAE ?",
                    "help_text": "Rempli depuis le dossier, modifiable. Diplôme, titre "
                    "professionnel, bloc de compétences, certificat de qualification "
                    "professionnelle (CQP), certification du répertoire spécifique.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "short_text",
                    "label": "Certifications obtenues",
                    "help_text": "Intitulé et année, et s'il s'agit d'une VAE.",
                    "answered_by": "manager",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Le salarié a-t-il bénéficié d'une progression salariale ou "
                    "professionnelle ?",
                    "help_text": "Rempli depuis le dossier, modifiable. Progression "
                    "salariale : augmentation individuelle, promotion. Progression "
                    "professionnelle : changement de poste, de classification, "
                    "responsabilités élargies. Précisez la nature dans le commentaire.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Commentaires sur la formation, la certification et la progression",
                    "help_text": "Précisions du manager et du salarié, notamment si une "
                    "information reprise du dossier a été corrigée.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Conclusion",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "decisions",
                    "label": "Suites données",
                    "help_text": "Actions décidées, avec responsable et échéance : formation "
                    "à proposer, entretien de parcours à programmer. Un abondement "
                    "correctif dû se verse au plus tard le dernier jour du trimestre civil "
                    "qui suit cet entretien (R6323-3).",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                _copy_given(),
                _final_comment(),
            ],
        },
    ],
}

RETURN = {
    "code": "return-fr",
    "type": "return",
    "name": "Entretien de reprise après une longue absence",
    "description": "Pour accueillir le salarié qui reprend son poste après une longue "
    "absence (congé parental, congé de proche aidant, congé sabbatique, arrêt de longue "
    "durée…) et organiser sa réintégration. Il ne remplace pas l'entretien de parcours "
    "professionnel, à proposer aussi au retour de ces congés. Durée indicative : "
    "30 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Retour dans l'entreprise",
            "intro": "Cet entretien porte sur le travail et son organisation. Aucune "
            "question d'ordre médical : la visite de reprise, lorsqu'elle est due, relève "
            "du seul médecin du travail (les RH l'organisent). Le salarié n'a pas à "
            "expliquer la cause de son absence.",
            "scored": False,
            "questions": [
                {
                    "kind": "date",
                    "label": "Date de reprise",
                    "help_text": "Premier jour de travail après l'absence.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Ce qui a changé pendant l'absence",
                    "help_text": "À préparer par le manager : équipe (arrivées, départs), "
                    "organisation, outils et procédures, projets et clients, règles "
                    "nouvelles (accords, télétravail), augmentations générales intervenues. "
                    "Au retour d'un congé lié à une naissance ou une adoption, la "
                    "rémunération est réévaluée des augmentations intervenues pendant le "
                    "congé (L1225-26, L1225-44) : vérifiez-le avec les RH.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Vos attentes et vos questions pour la reprise",
                    "help_text": "Ce que le salarié souhaite savoir ou retrouver, ce qui "
                    "l'aiderait à reprendre ses missions dans de bonnes conditions.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "multiple_choice",
                    "label": "Besoins pour reprendre le poste",
                    "help_text": "Cochez ce qui est utile ; le détail des actions se note "
                    "dans les décisions.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Point sur les dossiers en cours",
                            "Remise à niveau sur les outils et procédures",
                            "Formation",
                            "Binôme ou tuteur pendant les premières semaines",
                            "Reprise progressive des responsabilités",
                            "Aménagement du temps de travail ou des horaires",
                            "Aucun besoin particulier",
                        ]
                    },
                },
            ],
        },
        {
            "title": "Organisation et formation",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Aménagements d'organisation ou du temps de travail souhaités",
                    "help_text": "Temps partiel, horaires, télétravail, répartition des "
                    "missions. Une demande de temps partiel suit ses propres règles : "
                    "notez-la et transmettez-la aux RH. Un aménagement préconisé par le "
                    "médecin du travail s'applique sans que sa cause soit discutée.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "training_requests",
                    "label": "Besoins de formation pour la reprise",
                    "help_text": "Remise à niveau sur ce qui a changé (outils, procédures, "
                    "réglementation) et formations utiles pour la suite.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Un entretien de parcours professionnel a été proposé au salarié",
                    "help_text": "À proposer au retour des congés listés par L6315-1 "
                    "(congé lié à une naissance ou une adoption, congé parental d'éducation, "
                    "proche aidant, congé sabbatique, mobilité volontaire sécurisée, arrêt "
                    "de longue durée, fin de mandat de représentant du personnel), sauf si "
                    "un tel entretien a eu lieu dans les 12 mois précédant la reprise. Il "
                    "peut se tenir le même jour, avec son propre compte rendu.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Suites",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "decisions",
                    "label": "Actions de réintégration",
                    "help_text": "Actions décidées, chacune avec son responsable et son "
                    "échéance : point sur les dossiers, accès aux outils, formation, point "
                    "d'étape à un mois.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                _final_comment(),
            ],
        },
    ],
}

MOBILITY = {
    "code": "mobility-fr",
    "type": "mobility",
    "name": "Entretien de mobilité interne",
    "description": "Accompagne un changement de poste, d'équipe, de site ou de mission : "
    "motivations, compétences à mobiliser et à acquérir, accompagnement, passation. "
    "Durée indicative : 45 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Le projet de mobilité",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "single_choice",
                    "label": "Nature de la mobilité",
                    "help_text": "Une mobilité qui modifie un élément du contrat de travail "
                    "(rémunération, qualification, lieu hors du secteur prévu) demande "
                    "l'accord du salarié et un avenant.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Changement de poste",
                            "Changement d'équipe ou de service",
                            "Changement de site",
                            "Nouvelle mission ou responsabilités élargies",
                            "Promotion",
                        ]
                    },
                },
                {
                    "kind": "long_text",
                    "label": "Origine et motivations de la mobilité",
                    "help_text": "À l'initiative du salarié ou de l'entreprise ; ce qui "
                    "motive le changement et ce que le salarié en attend.",
                    "answered_by": "employee",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Le nouveau poste : missions, rattachement, conditions",
                    "help_text": "Missions, responsable, lieu, horaires, classification et "
                    "rémunération si elles changent.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "date",
                    "label": "Date de prise de poste envisagée",
                    "help_text": "Tenez compte du temps de passation et de remplacement "
                    "sur le poste actuel.",
                    "answered_by": "manager",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Compétences et accompagnement",
            "intro": "Le positionnement sur les compétences du nouveau poste sert à bâtir "
            "l'accompagnement, pas à sélectionner.",
            "scored": False,
            "questions": [
                {
                    "kind": "skills_matrix",
                    "label": "Compétences clés du nouveau poste",
                    "help_text": "Positionnement actuel sur les compétences du poste visé, "
                    "pour repérer les écarts à combler. Adaptez la liste au poste dans une "
                    "nouvelle version de la grille.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {
                        "scale": _scale(MASTERY_SCALE),
                        "skills": _skills(MOBILITY_SKILLS),
                    },
                },
                {
                    "kind": "long_text",
                    "label": "Compétences transférables et acquis à valoriser",
                    "help_text": "Ce que le salarié apporte de son poste actuel et de son "
                    "parcours : savoir-faire, connaissance des produits, des clients, des "
                    "outils.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Plan d'intégration dans le nouveau poste",
                    "help_text": "Tuilage avec le titulaire actuel, tuteur ou référent, "
                    "rencontres à organiser, points d'étape pendant les premiers mois.",
                    "answered_by": "together",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "training_requests",
                    "label": "Formations nécessaires à la prise de poste",
                    "help_text": "Formations pour combler les écarts repérés, avec leur "
                    "priorité ; distinguez celles à suivre avant la prise de poste.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Passation et suites",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Passation des dossiers du poste actuel",
                    "help_text": "Dossiers en cours et leur état, à qui ils sont confiés, "
                    "documentation à mettre à jour, accès à transférer.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "decisions",
                    "label": "Étapes et engagements",
                    "help_text": "Actions convenues avec responsable et échéance : avenant, "
                    "annonce aux équipes, formation, point d'étape après trois mois.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                _final_comment(),
            ],
        },
    ],
}

CORRECTIVE = {
    "code": "corrective-fr",
    "type": "corrective",
    "name": "Entretien de recadrage",
    "description": "Entretien confidentiel pour faire cesser un écart sur des faits précis "
    "liés au travail, rappeler les attendus et organiser le suivi. Oral, il n'est pas une "
    "sanction disciplinaire (L1331-1). Durée indicative : 30 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Faits et échange",
            "intro": "Un recadrage oral n'est pas une sanction disciplinaire (Code du "
            "travail L1331-1). En revanche, un écrit qui reproche des fautes précises et "
            "ordonne au salarié de changer peut être qualifié d'avertissement (Cass. soc. "
            "2 février 2022) : rédigez le compte rendu de façon factuelle et tournée vers "
            "la suite, sans liste de griefs. Si une sanction est envisagée, c'est une "
            "procédure disciplinaire distincte, avec ses règles (2 mois au plus après la "
            "connaissance des faits, L1332-4 ; convocation ; décision entre 2 jours "
            "ouvrables et 1 mois après l'entretien préalable) : voyez les RH avant. "
            "Confidentiel : seuls le salarié, ses managers et les RH habilités y ont accès.",
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Faits observés (dates et situations)",
                    "help_text": "Faits précis, datés et vérifiables, liés au travail : ce "
                    "qui s'est passé, quand, où, l'effet sur le service. Pas de jugement "
                    "sur la personne, pas de rumeur, rien sur la vie privée. Rappel : le "
                    "recadrage oral n'est pas une sanction (L1331-1) ; un écrit qui "
                    "énumère des fautes avec l'ordre de changer peut valoir avertissement.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Explications du salarié",
                    "help_text": "Le salarié donne sa version des faits et leur contexte "
                    "(charge, consignes, outils, relations de travail). Notez-la sans la "
                    "commenter.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Attendus pour la suite",
                    "help_text": "Ce qui est attendu concrètement, à partir de quand, et "
                    "comment on le constatera. Rappelez la règle ou la consigne en cause "
                    "(règlement intérieur, fiche de poste, procédure).",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Accompagnement et suivi",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Accompagnement proposé",
                    "help_text": "Moyens mis à disposition : clarification des consignes, "
                    "formation, points réguliers, appui d'un collègue, ajustement de "
                    "l'organisation ou de la charge.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "decisions",
                    "label": "Engagements et actions de suivi",
                    "help_text": "Engagements de chacun, avec responsable et échéance.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "date",
                    "label": "Date du point de suivi",
                    "help_text": "En général 4 à 8 semaines plus tard, pour constater "
                    "l'évolution ensemble.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                _final_comment(),
            ],
        },
    ],
}

NOTICE = (
    "Délai de prévenance quand l'employeur met fin à l'essai (L1221-25), selon le temps "
    "de présence : 24 heures en deçà de 8 jours ; 48 heures de 8 jours à 1 mois ; "
    "2 semaines après 1 mois ; 1 mois après 3 mois. Ce délai ne prolonge pas la période "
    "d'essai, renouvellement compris : tenez l'entretien assez tôt."
)

PROBATION_END = {
    "code": "probation-end-fr",
    "type": "probation_end",
    "name": "Entretien de fin de période d'essai",
    "description": "Bilan de la période d'essai avant son terme : intégration, missions, "
    "décision de poursuivre ou non. À planifier assez tôt pour respecter le délai de "
    "prévenance (L1221-25). Durée indicative : 30 à 45 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Bilan de la période d'essai",
            "intro": "La période d'essai permet à l'employeur d'apprécier les compétences "
            "du salarié dans son travail, et au salarié d'apprécier si le poste lui "
            "convient (L1221-20). Ne retenez que des éléments professionnels.",
            "scored": False,
            "questions": [
                {
                    "kind": "date",
                    "label": "Date de fin de la période d'essai",
                    "help_text": NOTICE,
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Intégration dans l'équipe et prise en main du poste",
                    "help_text": "Accueil, outils et accès, formation au poste, relations "
                    "de travail, informations qui ont manqué.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Missions confiées et réalisations",
                    "help_text": "Ce qui a été confié, ce qui a été réalisé, avec des "
                    "exemples concrets.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Points d'appui et axes de progrès observés",
                    "help_text": "Compétences professionnelles démontrées au regard du "
                    "poste, illustrées par des faits ; axes de progrès et moyens de les "
                    "travailler.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Votre regard sur le poste et l'entreprise",
                    "help_text": "Le poste correspond-il à ce qui a été présenté ? Ce qui "
                    "convient, ce qui surprend, les questions restantes.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Décision et suites",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "single_choice",
                    "label": "Décision",
                    "help_text": "Renouvellement : seulement si un accord de branche étendu "
                    "le permet et si le contrat le prévoit, avec l'accord exprès et écrit "
                    "du salarié avant le terme de la première période. Fin de l'essai : "
                    "notifiez-la par écrit en respectant le délai de prévenance de "
                    "L1221-25 (24 h en deçà de 8 jours de présence, 48 h de 8 jours à "
                    "1 mois, 2 semaines après 1 mois, 1 mois après 3 mois). Le salarié qui "
                    "part respecte 48 heures, 24 heures en deçà de 8 jours (L1221-26).",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Confirmation dans le poste",
                            "Renouvellement de la période d'essai",
                            "Fin de la période d'essai",
                        ]
                    },
                },
                {
                    "kind": "training_requests",
                    "label": "Besoins de formation ou d'accompagnement",
                    "help_text": "Formations ou appuis utiles pour les prochains mois.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "decisions",
                    "label": "Suites convenues",
                    "help_text": "Actions avec responsable et échéance : premiers objectifs, "
                    "formation, point d'étape, courrier de renouvellement ou de fin "
                    "d'essai.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                _final_comment(),
            ],
        },
    ],
}

CONTRACT_END = {
    "code": "contract-end-fr",
    "type": "contract_end",
    "name": "Entretien de fin de contrat ou de départ",
    "description": "Bilan de la collaboration à la fin d'un contrat à durée déterminée ou "
    "d'alternance, ou lors d'un départ : réalisations, compétences développées, "
    "transmission, retour d'expérience. Durée indicative : 30 à 45 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Bilan de la collaboration",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "single_choice",
                    "label": "Motif de la fin de collaboration",
                    "help_text": "Pour information ; les raisons personnelles d'un départ "
                    "n'ont pas à être détaillées.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Fin de contrat à durée déterminée",
                            "Fin de contrat d'apprentissage ou de professionnalisation",
                            "Démission",
                            "Rupture conventionnelle",
                            "Départ à la retraite",
                            "Autre",
                        ]
                    },
                },
                {
                    "kind": "date",
                    "label": "Dernier jour travaillé",
                    "help_text": "Tenez compte des congés restant à prendre.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Missions réalisées et contributions",
                    "help_text": "Ce que le salarié a accompli, les projets auxquels il a "
                    "contribué.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Compétences développées pendant le contrat",
                    "help_text": "Ce que le salarié a appris ou consolidé : utile pour la "
                    "suite de son parcours et pour une attestation de compétences si "
                    "l'entreprise en délivre.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Transmission",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Dossiers, savoirs et matériel à transmettre",
                    "help_text": "Dossiers en cours et leur état, contacts clés, "
                    "documentation, accès à transférer ou à fermer (par la DSI ; ne notez "
                    "jamais de mot de passe ici), matériel et badges à restituer.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "decisions",
                    "label": "Plan de passation",
                    "help_text": "Chaque élément à transmettre, à qui, et pour quelle date.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Retour d'expérience",
            "intro": "Ce retour est facultatif et sans incidence sur les documents de fin "
            "de contrat.",
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Votre retour sur votre expérience dans l'entreprise",
                    "help_text": "Ce qui a bien fonctionné, ce qui pourrait être amélioré : "
                    "accueil, organisation, outils, management, formation.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "rating",
                    "label": "Satisfaction globale sur votre expérience dans l'entreprise",
                    "help_text": "Le regard du salarié ; il sert à améliorer l'accueil et "
                    "les conditions de travail.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {"scale": _scale(SATISFACTION_SCALE)},
                },
                {
                    "kind": "yes_no",
                    "label": "Souhaitez-vous que nous restions en contact ?",
                    "help_text": "Offres d'emploi futures, réseau des anciens. Seulement "
                    "avec l'accord du salarié, qui peut le retirer à tout moment ; ses "
                    "coordonnées ne sont conservées que pour cet usage.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                _final_comment(),
            ],
        },
    ],
}

WORKLOAD = {
    "code": "workload-fr",
    "type": "workload",
    "name": "Entretien annuel forfait jours",
    "description": "Entretien annuel obligatoire pour les salariés en forfait annuel en "
    "jours (L3121-64, L3121-65) : charge de travail, organisation du travail, articulation "
    "entre activité professionnelle et vie personnelle, rémunération ; droit à la "
    "déconnexion. Sans suivi réel, la convention de forfait peut être privée d'effet. "
    "Durée indicative : 45 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Charge de travail",
            "intro": "L'employeur s'assure que la charge de travail reste raisonnable et "
            "permet une bonne répartition du travail dans le temps (L3121-60).",
            "scored": False,
            "questions": [
                {
                    "kind": "number",
                    "label": "Jours travaillés sur la période de référence",
                    "help_text": "Repris du décompte des jours. Plafond : celui de la "
                    "convention de forfait (218 jours en général).",
                    "answered_by": "manager",
                    "required": False,
                    "weight": None,
                    "options": {"min": 0, "max": 366, "unit": "jours"},
                },
                {
                    "kind": "rating",
                    "label": "Comment qualifiez-vous votre charge de travail sur la période ?",
                    "help_text": "Le salarié se positionne en préparant l'entretien, le "
                    "manager aussi. Une charge élevée ou excessive appelle des mesures "
                    "concrètes, notées dans les décisions.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {"scale": _scale(WORKLOAD_SCALE)},
                },
                {
                    "kind": "long_text",
                    "label": "Périodes de forte charge et leurs causes",
                    "help_text": "Pics d'activité, dossiers, interruptions, réunions, "
                    "déplacements ; ce qui pourrait être allégé, délégué ou reporté.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Organisation du travail",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Organisation du travail et amplitude des journées",
                    "help_text": "Répartition des jours dans la semaine, amplitude "
                    "habituelle, réunions tardives, déplacements, autonomie dans "
                    "l'organisation de l'emploi du temps.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Les repos quotidien (11 heures consécutives) et hebdomadaire "
                    "(35 heures consécutives) sont-ils respectés ?",
                    "help_text": "Si non, notez ce qui empêche de les prendre et la mesure "
                    "décidée.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Activité professionnelle et vie personnelle",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Articulation entre votre activité professionnelle et votre vie "
                    "personnelle",
                    "help_text": "Le salarié dit s'il parvient à concilier les deux, sans "
                    "avoir à détailler sa situation privée. Ne posez aucune question sur "
                    "celle-ci.",
                    "answered_by": "employee",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Le droit à la déconnexion est-il effectif (soirées, fins de "
                    "semaine, congés) ?",
                    "help_text": "Rappelez les règles de l'entreprise sur la déconnexion "
                    "(accord ou charte, L2242-17) : aucune réponse n'est attendue en dehors "
                    "des temps de travail. Si non, notez les sollicitations en cause.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Rémunération",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Votre rémunération au regard de votre charge et de vos "
                    "responsabilités",
                    "help_text": "Le salarié dit si sa rémunération lui paraît en rapport "
                    "avec les sujétions du forfait et ses responsabilités. Une demande de "
                    "révision est transmise au processus de révision salariale.",
                    "answered_by": "employee",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Décisions et suivi",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "decisions",
                    "label": "Mesures décidées et suivi",
                    "help_text": "Mesures concrètes si la charge ou l'organisation ne "
                    "conviennent pas : répartition des dossiers, priorités, renfort, prise "
                    "des jours de repos. Chaque mesure a un responsable et une échéance. "
                    "Sans suivi réel, la convention de forfait peut être privée d'effet et "
                    "des heures supplémentaires réclamées.",
                    "answered_by": "together",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                _final_comment(),
            ],
        },
    ],
}

GRIDS = [
    ANNUAL,
    CAREER,
    CAREER_MID,
    CAREER_PRE60,
    CAREER_REVIEW,
    RETURN,
    MOBILITY,
    CORRECTIVE,
    PROBATION_END,
    CONTRACT_END,
    WORKLOAD,
]

# --- bibliothèque de questions -----------------------------------------------------


def _lib(code, kind, label, help_text, answered_by, tags, types, required=False, options=None):
    return {
        "code": f"lib-{code}-fr",
        "kind": kind,
        "label": label,
        "help_text": help_text,
        "answered_by": answered_by,
        "required": required,
        "weight": None,
        "options": options or {},
        "tags": tags,
        "interview_types": types,
    }


LIBRARY = [
    # Bilan et résultats
    _lib(
        "achievements",
        "long_text",
        "Quelles sont vos principales réalisations de la période ?",
        "Deux ou trois réalisations concrètes et leur effet pour l'équipe ou les clients.",
        "both",
        ["bilan", "réalisations"],
        ["annual"],
    ),
    _lib(
        "difficulties",
        "long_text",
        "Quelles difficultés avez-vous rencontrées et qu'est-ce qui les a causées ?",
        "Cherchez les causes (moyens, outils, organisation, compétences) et les leviers "
        "d'action, pas un responsable.",
        "both",
        ["bilan", "difficultés"],
        ["annual", "probation_end", "mobility"],
    ),
    _lib(
        "support-needed",
        "long_text",
        "De quel soutien avez-vous besoin pour réussir dans votre poste ?",
        "Outils, information, organisation, appui du manager ou d'un collègue, formation.",
        "employee",
        ["soutien", "moyens"],
        ["annual", "return", "mobility", "probation_end"],
    ),
    _lib(
        "objectives-review",
        "objectives_review",
        "Revue des objectifs de la période écoulée",
        "Niveau d'atteinte de chaque objectif et éléments factuels qui l'étayent ; un "
        "objectif devenu sans objet est signalé comme tel.",
        "both",
        ["objectifs", "bilan"],
        ["annual"],
        required=True,
    ),
    _lib(
        "new-objectives",
        "new_objectives",
        "Objectifs de la période à venir",
        "Trois à cinq objectifs précis, mesurables, réalistes et datés, avec leurs moyens.",
        "together",
        ["objectifs"],
        ["annual"],
        required=True,
    ),
    _lib(
        "priorities",
        "long_text",
        "Quelles sont les priorités du poste pour la période à venir ?",
        "Le manager partage les priorités du service ; le salarié dit comment il les voit.",
        "both",
        ["objectifs", "priorités"],
        ["annual", "mobility", "probation_end"],
    ),
    _lib(
        "missions-rating",
        "rating",
        "Réalisation des missions principales du poste",
        "Appréciez sur la période, au regard de la fiche de poste ; citez un fait à l'appui.",
        "manager",
        ["appréciation", "missions"],
        ["annual"],
        options={"scale": _scale(EVALUATION_SCALE)},
    ),
    _lib(
        "quality-rating",
        "rating",
        "Qualité et fiabilité du travail rendu",
        "Conformité aux exigences du poste, erreurs ou reprises, fiabilité des livrables.",
        "manager",
        ["appréciation", "qualité"],
        ["annual"],
        options={"scale": _scale(EVALUATION_SCALE)},
    ),
    _lib(
        "safety-rating",
        "rating",
        "Application des consignes de sécurité et des procédures du poste",
        "Port des équipements de protection, respect des modes opératoires, signalement "
        "des situations dangereuses.",
        "manager",
        ["appréciation", "sécurité", "procédures"],
        ["annual"],
        options={"scale": _scale(EVALUATION_SCALE)},
    ),
    _lib(
        "key-objective-rating",
        "rating",
        "Atteinte de l'objectif prioritaire de la période",
        "Pour les grilles qui isolent un objectif majeur ; appuyez-vous sur l'indicateur convenu.",
        "manager",
        ["objectifs", "appréciation"],
        ["annual"],
        options={"scale": _scale(OBJECTIVES_SCALE)},
    ),
    _lib(
        "skills-matrix",
        "skills_matrix",
        "Compétences transversales",
        "Le salarié se positionne, le manager aussi ; l'écart nourrit l'échange.",
        "both",
        ["compétences"],
        ["annual", "mobility"],
        options={
            "scale": _scale(MASTERY_SCALE),
            "skills": _skills(
                [
                    "Communication écrite et orale",
                    "Organisation et gestion des priorités",
                    "Travail en équipe et coopération",
                    "Analyse et résolution de problèmes",
                    "Adaptation aux évolutions du poste",
                ]
            ),
        },
    ),
    _lib(
        "manager-skills-matrix",
        "skills_matrix",
        "Compétences managériales",
        "Pour les managers : appréciez sur des situations vécues pendant la période.",
        "both",
        ["compétences", "management"],
        ["annual"],
        options={
            "scale": _scale(MASTERY_SCALE),
            "skills": _skills(
                ["Animation d'équipe", "Développement des collaborateurs", "Conduite de projet"]
            ),
        },
    ),
    _lib(
        "manager-comment",
        "long_text",
        "Appréciation générale du manager",
        "Synthèse factuelle. Un écrit qui énumère des fautes précises avec l'ordre de "
        "changer peut valoir avertissement disciplinaire (Cass. soc. 2 février 2022).",
        "manager",
        ["conclusion", "commentaire"],
        ["annual", "probation_end"],
        required=True,
    ),
    _lib(
        "employee-comment",
        "long_text",
        "Commentaire du salarié sur la période",
        "Le regard du salarié sur l'année, ses conditions de travail et l'entretien.",
        "employee",
        ["conclusion", "commentaire"],
        ["annual"],
    ),
    _lib(
        "manager-help",
        "long_text",
        "Qu'est-ce que votre manager pourrait faire pour mieux vous accompagner ?",
        "Question ouverte au salarié ; le manager écoute et note les pistes concrètes.",
        "employee",
        ["management", "soutien"],
        ["annual", "workload", "probation_end"],
    ),
    _lib(
        "working-conditions",
        "long_text",
        "Vos conditions de travail : outils, environnement, organisation",
        "Ce qui facilite ou gêne le travail au quotidien ; restez sur le travail.",
        "employee",
        ["conditions de travail", "organisation"],
        ["annual", "return", "workload"],
    ),
    # Compétences et formation
    _lib(
        "skills-used",
        "long_text",
        "Quelles compétences mobilisez-vous le plus dans votre poste ?",
        "Savoir-faire techniques et compétences transversales, décrits par le salarié.",
        "employee",
        ["compétences"],
        ["career", "annual"],
    ),
    _lib(
        "skills-to-develop",
        "long_text",
        "Quelles compétences souhaitez-vous développer ?",
        "Pour le poste actuel ou pour un projet ; à relier aux besoins de formation.",
        "employee",
        ["compétences", "développement", "formation"],
        ["annual", "career", "mobility"],
    ),
    _lib(
        "skills-evolution",
        "long_text",
        "Comment votre métier et les compétences qu'il demande vont-ils évoluer ?",
        "Outils, techniques, réglementation, organisation : le manager partage ce qu'il sait "
        "des projets de l'entreprise.",
        "both",
        ["compétences", "métier", "évolution"],
        ["career"],
    ),
    _lib(
        "certifications",
        "short_text",
        "Diplômes, titres ou certifications obtenus depuis le dernier entretien",
        "Y compris blocs de compétences et certifications obtenues par la VAE.",
        "employee",
        ["certification", "VAE", "qualifications"],
        ["career", "career_review"],
    ),
    _lib(
        "training-requests",
        "training_requests",
        "Besoins de formation",
        "Objectif, priorité et période souhaitée pour chaque besoin ; les RH les consolident "
        "dans le plan de développement des compétences.",
        "together",
        ["formation"],
        ["annual", "career", "return", "mobility", "probation_end"],
    ),
    _lib(
        "training-followed",
        "long_text",
        "Formations suivies depuis le dernier entretien et ce qu'elles vous ont apporté",
        "Utilisation dans le poste de ce qui a été appris, suites à donner.",
        "employee",
        ["formation", "bilan"],
        ["annual", "career", "career_review"],
    ),
    _lib(
        "non-mandatory-training",
        "yes_no",
        "Le salarié a-t-il suivi au moins une formation non obligatoire sur la période ?",
        "Une formation qui conditionne l'exercice d'une activité (L6321-2) est obligatoire "
        "et ne compte pas ici.",
        "manager",
        ["formation", "état des lieux"],
        ["career_review"],
        required=True,
    ),
    _lib(
        "tutoring",
        "yes_no",
        "Seriez-vous intéressé par une mission de tutorat ?",
        "Accueillir un nouvel arrivant ou un alternant ; une formation de tuteur peut être "
        "proposée.",
        "employee",
        ["tutorat", "transmission"],
        ["career", "annual"],
    ),
    _lib(
        "knowledge-transfer",
        "long_text",
        "Quels savoir-faire faudrait-il transmettre, et à qui ?",
        "Savoir-faire clés, personnes à former, moyens : binôme, documentation, formation interne.",
        "both",
        ["transmission", "tutorat"],
        ["career", "contract_end", "mobility"],
    ),
    # Parcours et évolution
    _lib(
        "career-path",
        "long_text",
        "Les étapes de votre parcours professionnel",
        "Postes, mobilités, missions transverses ; partez du précédent compte rendu.",
        "employee",
        ["parcours"],
        ["career"],
    ),
    _lib(
        "career-wishes",
        "long_text",
        "Quels sont vos souhaits d'évolution à court et à moyen terme ?",
        "Évolution dans le poste, changement de poste ou de métier, responsabilités, "
        "reconversion ; ne pas en avoir est une réponse légitime.",
        "employee",
        ["évolution", "souhaits", "carrière"],
        ["career", "mobility"],
        required=True,
    ),
    _lib(
        "career-schemes",
        "multiple_choice",
        "Dispositifs qui pourraient vous être utiles",
        "PTP : formation certifiante pour changer de métier, financée par Transitions Pro. "
        "Bilan de compétences : finançable par le CPF. VAE : vae.gouv.fr.",
        "employee",
        ["reconversion", "PTP", "bilan de compétences", "VAE", "CPF"],
        ["career"],
        options={
            "choices": [
                "Mobilité interne",
                "Reconversion professionnelle",
                "Projet de transition professionnelle (PTP)",
                "Bilan de compétences",
                "Validation des acquis de l'expérience (VAE)",
                "Aucun pour le moment",
            ]
        },
    ),
    _lib(
        "geographic-mobility",
        "single_choice",
        "Seriez-vous ouvert à une mobilité géographique ?",
        "Pour connaître les possibilités, sans engagement ; le salarié n'a pas à justifier "
        "sa réponse.",
        "employee",
        ["mobilité", "évolution"],
        ["career", "mobility"],
        options={"choices": ["Oui", "Oui, sous conditions", "Non pour le moment"]},
    ),
    _lib(
        "cpf-info",
        "yes_no",
        "Le salarié a été informé de l'activation et de l'utilisation de son CPF",
        "Activation sur moncompteformation.gouv.fr (identité vérifiée par FranceConnect+).",
        "manager",
        ["CPF", "information"],
        ["career"],
        required=True,
    ),
    _lib(
        "cpf-top-up-info",
        "yes_no",
        "Le salarié a été informé des abondements que l'employeur peut apporter à son CPF",
        "Abondements prévus par l'entreprise ou par accord ; s'il n'y en a pas, dites-le.",
        "manager",
        ["CPF", "abondement", "information"],
        ["career"],
        required=True,
    ),
    _lib(
        "cep-info",
        "yes_no",
        "Le salarié a été informé du conseil en évolution professionnelle (CEP), gratuit",
        "Accompagnement gratuit, confidentiel, indépendant de l'employeur : mon-cep.org, "
        "Apec pour les cadres.",
        "manager",
        ["CEP", "information"],
        ["career"],
        required=True,
    ),
    _lib(
        "report-copy",
        "yes_no",
        "Le salarié est informé qu'une copie du compte rendu écrit lui sera remise",
        "Compte rendu obligatoire (L6315-1) ; Parcours enregistre la date de mise à "
        "disposition de la copie.",
        "manager",
        ["compte rendu", "copie"],
        ["career", "career_review"],
        required=True,
    ),
    _lib(
        "progression",
        "yes_no",
        "Le salarié a-t-il bénéficié d'une progression salariale ou professionnelle ?",
        "Rempli depuis le dossier, modifiable : augmentation individuelle, promotion, "
        "changement de poste ou de classification.",
        "manager",
        ["progression", "état des lieux"],
        ["career_review"],
        required=True,
    ),
    # Mobilité
    _lib(
        "mobility-motivation",
        "long_text",
        "Qu'est-ce qui motive ce changement de poste ?",
        "À l'initiative du salarié ou de l'entreprise ; ce que le salarié en attend.",
        "employee",
        ["mobilité", "motivation"],
        ["mobility"],
    ),
    _lib(
        "transferable-skills",
        "long_text",
        "Quelles compétences pourrez-vous réutiliser ?",
        "Savoir-faire, connaissance des produits, des clients, des outils.",
        "both",
        ["mobilité", "compétences"],
        ["mobility", "career"],
    ),
    _lib(
        "onboarding-plan",
        "long_text",
        "Plan d'intégration dans le poste",
        "Tuilage, tuteur ou référent, rencontres à organiser, points d'étape.",
        "together",
        ["intégration", "accompagnement"],
        ["mobility", "return", "probation_end"],
    ),
    _lib(
        "handover",
        "long_text",
        "Dossiers, savoirs et matériel à transmettre",
        "Dossiers en cours et leur état, à qui, pour quand ; accès à transférer ou fermer "
        "(jamais de mot de passe ici).",
        "both",
        ["passation", "transmission"],
        ["mobility", "contract_end"],
    ),
    # Reprise
    _lib(
        "return-changes",
        "long_text",
        "Ce qui a changé pendant votre absence",
        "À préparer par le manager : équipe, organisation, outils, projets, règles nouvelles.",
        "manager",
        ["reprise", "changements"],
        ["return"],
        required=True,
    ),
    _lib(
        "return-needs",
        "multiple_choice",
        "Besoins pour reprendre le poste",
        "Le détail des actions se note dans les décisions.",
        "together",
        ["reprise", "besoins"],
        ["return"],
        options={
            "choices": [
                "Point sur les dossiers en cours",
                "Remise à niveau sur les outils",
                "Formation",
                "Binôme ou tuteur",
                "Aménagement du temps de travail",
                "Aucun besoin particulier",
            ]
        },
    ),
    _lib(
        "return-arrangements",
        "long_text",
        "Aménagements d'organisation ou du temps de travail souhaités",
        "Temps partiel, horaires, télétravail. Aucune question d'ordre médical : un "
        "aménagement préconisé par le médecin du travail s'applique sans discussion de sa "
        "cause.",
        "both",
        ["reprise", "temps de travail", "organisation"],
        ["return"],
    ),
    _lib(
        "return-career-offered",
        "yes_no",
        "Un entretien de parcours professionnel a été proposé au salarié",
        "À proposer au retour des congés listés par L6315-1, sauf entretien tenu dans les "
        "12 mois précédents.",
        "manager",
        ["reprise", "parcours"],
        ["return"],
        required=True,
    ),
    # Forfait jours et équilibre
    _lib(
        "workload-rating",
        "rating",
        "Comment qualifiez-vous votre charge de travail ?",
        "Une charge élevée ou excessive appelle des mesures concrètes et datées.",
        "both",
        ["charge de travail", "forfait jours"],
        ["workload", "annual"],
        required=True,
        options={"scale": _scale(WORKLOAD_SCALE)},
    ),
    _lib(
        "workload-causes",
        "long_text",
        "Périodes de forte charge et leurs causes",
        "Pics, dossiers, interruptions, réunions, déplacements ; ce qui peut être allégé.",
        "both",
        ["charge de travail"],
        ["workload", "annual"],
    ),
    _lib(
        "work-organisation",
        "long_text",
        "Organisation du travail et amplitude des journées",
        "Répartition des jours, amplitude, réunions tardives, autonomie dans l'emploi du temps.",
        "both",
        ["organisation du travail", "forfait jours"],
        ["workload"],
    ),
    _lib(
        "rest-periods",
        "yes_no",
        "Les repos quotidien (11 heures) et hebdomadaire (35 heures) sont-ils respectés ?",
        "Si non, notez ce qui empêche de les prendre et la mesure décidée.",
        "both",
        ["repos", "forfait jours"],
        ["workload"],
        required=True,
    ),
    _lib(
        "work-life-balance",
        "long_text",
        "Articulation entre votre activité professionnelle et votre vie personnelle",
        "Le salarié dit s'il parvient à concilier les deux, sans détailler sa situation privée.",
        "employee",
        ["équilibre", "vie personnelle"],
        ["workload", "annual", "return"],
    ),
    _lib(
        "disconnection",
        "yes_no",
        "Le droit à la déconnexion est-il effectif (soirées, fins de semaine, congés) ?",
        "Rappelez les règles de l'entreprise sur la déconnexion (L2242-17).",
        "both",
        ["déconnexion", "équilibre"],
        ["workload", "annual"],
    ),
    _lib(
        "pay",
        "long_text",
        "Votre rémunération au regard de votre charge et de vos responsabilités",
        "Thème obligatoire de l'entretien forfait jours (L3121-64) ; une demande de "
        "révision suit le processus de révision salariale.",
        "employee",
        ["rémunération", "forfait jours"],
        ["workload"],
    ),
    # Fin de période d'essai
    _lib(
        "probation-integration",
        "long_text",
        "Comment s'est passée votre intégration ?",
        "Accueil, outils, formation au poste, relations de travail, informations manquantes.",
        "both",
        ["intégration", "période d'essai"],
        ["probation_end"],
    ),
    _lib(
        "probation-view",
        "long_text",
        "Le poste correspond-il à ce qui vous avait été présenté ?",
        "Ce qui convient, ce qui surprend, les questions restantes.",
        "employee",
        ["période d'essai"],
        ["probation_end"],
    ),
    _lib(
        "probation-decision",
        "single_choice",
        "Décision à l'issue de la période d'essai",
        "Fin de l'essai : délai de prévenance de L1221-25 (24 h en deçà de 8 jours de "
        "présence, 48 h de 8 jours à 1 mois, 2 semaines après 1 mois, 1 mois après 3 mois). "
        "Renouvellement : accord écrit du salarié avant le terme.",
        "manager",
        ["période d'essai", "décision"],
        ["probation_end"],
        required=True,
        options={
            "choices": [
                "Confirmation dans le poste",
                "Renouvellement de la période d'essai",
                "Fin de la période d'essai",
            ]
        },
    ),
    # Recadrage
    _lib(
        "observed-facts",
        "long_text",
        "Faits observés (dates et situations)",
        "Faits précis, datés, vérifiables et liés au travail ; pas de jugement sur la "
        "personne. Un recadrage oral n'est pas une sanction (L1331-1).",
        "manager",
        ["recadrage", "faits"],
        ["corrective"],
        required=True,
    ),
    _lib(
        "expectations",
        "long_text",
        "Attendus pour la suite",
        "Ce qui est attendu, à partir de quand, et comment on le constatera.",
        "manager",
        ["recadrage", "attendus"],
        ["corrective"],
        required=True,
    ),
    _lib(
        "follow-up-date",
        "date",
        "Date du point de suivi",
        "En général 4 à 8 semaines plus tard.",
        "manager",
        ["suivi"],
        ["corrective", "return", "probation_end"],
    ),
    # Fin de contrat
    _lib(
        "exit-feedback",
        "long_text",
        "Votre retour sur votre expérience dans l'entreprise",
        "Facultatif : accueil, organisation, outils, management, formation.",
        "employee",
        ["départ", "retour d'expérience"],
        ["contract_end"],
    ),
    _lib(
        "exit-satisfaction",
        "rating",
        "Satisfaction globale sur votre expérience dans l'entreprise",
        "Le regard du salarié, pour améliorer l'accueil et les conditions de travail.",
        "employee",
        ["départ", "satisfaction"],
        ["contract_end"],
        options={"scale": _scale(SATISFACTION_SCALE)},
    ),
    _lib(
        "keep-in-touch",
        "yes_no",
        "Souhaitez-vous que nous restions en contact ?",
        "Avec l'accord du salarié seulement, révocable à tout moment.",
        "employee",
        ["départ", "anciens"],
        ["contract_end"],
    ),
    # Toutes les grilles
    _lib(
        "decisions",
        "decisions",
        "Décisions et actions de suivi",
        "Chaque action avec son responsable et son échéance ; elles sont suivies dans le "
        "registre des décisions.",
        "together",
        ["décisions", "suivi"],
        [],
    ),
    _lib(
        "final-comment",
        "final_comment",
        "Commentaire final du salarié",
        "Accord ou désaccord avec le compte rendu, remarques ; la signature atteste la "
        "prise de connaissance.",
        "employee",
        ["conclusion", "signature"],
        [],
    ),
]

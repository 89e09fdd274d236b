"""Small lists of plausible French content for the demo history (hr.demo.history):
answers by question, objectives, training requests, follow-up actions, comments."""

from hr.interviews.models import ObjectiveStatus, TrainingReason, TrainingStatus

# (words found in the question's label, {party: texts}); "any" serves every party.
TEXTS: list[tuple[str, dict[str, list[str]]]] = [
    (
        "principales realisations",
        {
            "employee": [
                "Mise en place du nouveau planning avec l'équipe ; reprise du suivi des "
                "non-conformités ; accueil et formation de deux nouveaux arrivants.",
                "J'ai mené à bien la réorganisation du stock et réduit les délais de "
                "préparation des commandes.",
                "Participation au chantier 5S et prise en charge des réclamations clients "
                "de mon secteur.",
                "J'ai assuré l'intérim de mon responsable cet été et terminé la migration "
                "des dossiers vers le nouvel outil.",
            ],
            "manager": [
                "Objectifs de l'année globalement tenus ; très bon investissement sur le "
                "projet de réorganisation.",
                "Travail fiable et régulier ; a pris en charge l'accueil des nouveaux "
                "arrivants avec sérieux.",
                "Bonne progression sur les dossiers complexes ; délais tenus malgré la "
                "charge du second semestre.",
                "Contribution appréciée au chantier d'amélioration continue ; comptes "
                "rendus à formaliser davantage.",
            ],
        },
    ),
    (
        "difficultes rencontrees",
        {
            "employee": [
                "Charge importante en fin d'année et outils parfois lents ; un appui "
                "ponctuel aiderait pendant les pics.",
                "Les consignes changent souvent d'une équipe à l'autre : un point "
                "hebdomadaire serait utile.",
                "Manque de visibilité sur les priorités au premier trimestre.",
            ],
            "manager": [
                "Période de forte charge au printemps, absorbée avec l'appui de l'équipe.",
                "Prévoir un accompagnement sur le nouvel ERP.",
                "Les changements d'organisation ont ralenti certains dossiers ; point suivi "
                "en réunion d'équipe.",
            ],
        },
    ),
    (
        "appreciation generale",
        {
            "any": [
                "Année solide : travail fiable, bonne coopération avec les autres services. "
                "Axe de progrès : mieux prioriser les demandes urgentes.",
                "Très bonne année, implication remarquée sur les projets transverses. "
                "Prochaine étape : mener un dossier en complète autonomie.",
                "Résultats conformes aux attentes. Net progrès à l'écrit ; poursuivre la "
                "montée en compétences sur les outils.",
                "Prise de poste réussie, objectifs atteints pour l'essentiel. À consolider : "
                "l'organisation des priorités.",
            ]
        },
    ),
    (
        "commentaire du salarie sur la periode",
        {
            "any": [
                "Année intense mais intéressante ; j'aimerais plus de visibilité sur les "
                "projets de l'an prochain.",
                "Bonne ambiance dans l'équipe ; je souhaite être davantage associé(e) aux "
                "décisions d'organisation.",
                "Entretien utile, les objectifs proposés me paraissent réalistes.",
            ]
        },
    ),
    (
        "commentaire final",
        {
            "any": [
                "Je partage l'essentiel du compte rendu.",
                "Merci pour cet échange.",
                "D'accord avec les objectifs fixés.",
            ]
        },
    ),
    (
        "votre poste aujourd'hui",
        {
            "employee": [
                "Mes missions ont peu changé ; j'ai repris en plus le suivi des indicateurs "
                "qualité de l'atelier.",
                "Je gère désormais un portefeuille de clients plus large et je forme les "
                "nouveaux arrivants.",
                "Poste stable ; le nouvel outil a changé une partie de mon travail quotidien.",
            ],
            "manager": [
                "Fiche de poste mise à jour au printemps (ajout du suivi des indicateurs).",
                "Missions conformes à la fiche de poste ; élargissement prévu l'an prochain.",
                "Pas d'évolution de la fiche de poste depuis le dernier entretien.",
            ],
        },
    ),
    (
        "etapes de votre parcours",
        {
            "any": [
                "Entré(e) comme opérateur(trice), régleur(se) depuis trois ans.",
                "Dix ans dans l'automobile avant de rejoindre l'entreprise ; passage par le "
                "service qualité.",
                "Embauché(e) en alternance, puis en CDI dans le même service.",
            ]
        },
    ),
    (
        "mobilisez dans votre poste",
        {
            "any": [
                "Réglage des lignes, lecture de plans, habilitation électrique B1V.",
                "Relation client, négociation, bonne maîtrise du CRM.",
                "Tableur avancé, analyse de données, animation de réunions.",
                "Contrôle qualité, métrologie, rédaction de procédures.",
            ]
        },
    ),
    (
        "pourraient-elles evoluer",
        {
            "any": [
                "L'automatisation de la ligne demandera des bases en programmation d'automates.",
                "Le passage au nouvel ERP suppose une formation sur le module achats.",
                "La réglementation environnementale évolue : se tenir à jour.",
            ]
        },
    ),
    (
        "diplomes, titres",
        {
            "any": [
                "CACES R489 catégorie 3",
                "Habilitation électrique renouvelée",
                "TOEIC (850 points)",
                "Aucun",
            ]
        },
    ),
    (
        "souhaits d'evolution",
        {
            "any": [
                "Évoluer vers un poste de chef(fe) d'équipe d'ici deux ans.",
                "Rester sur mon poste en approfondissant l'expertise technique.",
                "Découvrir le service méthodes ; quelques jours d'immersion seraient idéaux.",
                "Pas de souhait d'évolution pour le moment : je me sens bien dans mon poste.",
            ]
        },
    ),
    (
        "ce qui a change",
        {
            "any": [
                "Nouvelle organisation des équipes depuis septembre ; nouvel outil de "
                "planification.",
                "Deux collègues ont rejoint l'équipe ; procédures qualité mises à jour.",
                "Le service a déménagé au bâtiment B ; nouveaux horaires de l'atelier.",
            ]
        },
    ),
    (
        "vos attentes",
        {
            "any": [
                "Reprendre progressivement mes dossiers et faire le point sur les "
                "nouvelles procédures.",
                "Être formé(e) au nouvel outil avant de reprendre toutes mes missions.",
            ]
        },
    ),
    (
        "amenagements d'organisation",
        {
            "any": [
                "Horaires décalés le mercredi pendant trois mois.",
                "Passage à 80 % souhaité, à étudier avec les RH.",
                "Aucun aménagement nécessaire.",
            ]
        },
    ),
    (
        "origine et motivations",
        {
            "any": [
                "Envie de découvrir un autre métier de l'entreprise après cinq ans sur le "
                "même poste.",
                "Rapprochement de mon domicile avec le site de Grenoble.",
                "Souhait de prendre davantage de responsabilités.",
            ]
        },
    ),
    (
        "le nouveau poste",
        {
            "any": [
                "Technicien(ne) méthodes au service Industrialisation, rattaché(e) au "
                "responsable méthodes ; horaires de journée.",
                "Chargé(e) de clientèle grands comptes, équipe Ventes France ; "
                "déplacements ponctuels.",
                "Référent(e) qualité fournisseurs ; rémunération inchangée, revue à six mois.",
            ]
        },
    ),
    (
        "transferables",
        {
            "any": [
                "Connaissance des produits et des clients, rigueur dans le suivi des dossiers.",
                "Maîtrise des outils de l'atelier et des règles de sécurité.",
            ]
        },
    ),
    (
        "plan d'integration",
        {
            "any": [
                "Deux semaines en binôme avec le titulaire, puis prise de poste "
                "progressive ; point d'étape à un mois.",
                "Un mois d'intégration : rencontres avec les services, formation aux "
                "outils, premier dossier accompagné.",
            ]
        },
    ),
    (
        "passation",
        {
            "any": [
                "Passation des dossiers en cours sur trois semaines avec le remplaçant.",
                "Documentation des procédures du poste avant le départ.",
            ]
        },
    ),
    (
        "faits observes",
        {
            "any": [
                "Retards répétés en début de poste (trois fois ce mois-ci), sans prévenir "
                "l'équipe.",
                "Deux livraisons expédiées sans le contrôle final prévu par la procédure.",
                "Ton inapproprié envers un collègue lors d'une réunion d'équipe, rapporté "
                "par plusieurs participants.",
            ]
        },
    ),
    (
        "explications du salarie",
        {
            "any": [
                "Difficultés de transport liées aux travaux sur ma ligne de bus ; je vais "
                "m'organiser autrement.",
                "Je n'avais pas compris que le contrôle final restait obligatoire pour ces "
                "références.",
            ]
        },
    ),
    (
        "attendus pour la suite",
        {
            "any": [
                "Respect des horaires de prise de poste ; prévenir le chef d'équipe en cas "
                "d'empêchement.",
                "Application systématique de la procédure de contrôle avant expédition.",
                "Échanges courtois avec tous les collègues, y compris en cas de désaccord.",
            ]
        },
    ),
    (
        "accompagnement propose",
        {
            "any": [
                "Rappel de la procédure avec le service qualité ; point hebdomadaire "
                "pendant un mois.",
                "Heure de prise de poste à revoir avec le planning si besoin.",
                "Formation à la communication en équipe proposée.",
            ]
        },
    ),
    (
        "integration dans l'equipe",
        {
            "any": [
                "Bonne intégration dans l'équipe ; les outils sont pris en main.",
                "Accueil réussi, je me sens à l'aise dans l'équipe.",
            ]
        },
    ),
    (
        "missions confiees",
        {
            "any": [
                "Commandes du secteur Sud-Est ; premiers dossiers menés en autonomie.",
                "Réglage des machines de la ligne 2 et participation au contrôle qualité.",
            ]
        },
    ),
    (
        "points d'appui",
        {
            "any": [
                "Points d'appui : rigueur, écoute. À développer : connaissance des produits.",
                "Apprend vite ; gagner en autonomie sur les situations inhabituelles.",
            ]
        },
    ),
    (
        "votre regard",
        {
            "any": [
                "Le poste correspond à ce qui m'avait été présenté ; je souhaite "
                "approfondir les aspects techniques.",
            ]
        },
    ),
    (
        "periodes de forte charge",
        {
            "any": [
                "Clôture annuelle et lancement de l'ERP : plusieurs semaines très chargées.",
                "Pics en mars et en septembre, liés aux salons professionnels.",
                "Pas de période de surcharge marquée cette année.",
            ]
        },
    ),
    (
        "amplitude des journees",
        {
            "any": [
                "Journées de 8 h 30 à 18 h en moyenne ; réunions regroupées le mardi et le jeudi.",
                "Amplitude raisonnable ; quelques soirées en période de clôture.",
                "Télétravail deux jours par semaine, organisation satisfaisante.",
            ]
        },
    ),
    (
        "articulation entre",
        {
            "any": [
                "Bon équilibre dans l'ensemble ; les déplacements du premier semestre ont pesé.",
                "Équilibre satisfaisant depuis la réorganisation de l'équipe.",
            ]
        },
    ),
    (
        "votre remuneration",
        {
            "any": [
                "Rémunération en rapport avec les responsabilités actuelles.",
                "Je souhaite une revue de ma rémunération au vu de l'élargissement de mon "
                "périmètre.",
            ]
        },
    ),
]
GENERIC_TEXTS = [
    "Point abordé pendant l'entretien, sans remarque particulière.",
    "Voir l'échange en séance ; rien à signaler.",
]

# (title, indicator, description or None)
OBJECTIVES = [
    ("Réduire le taux de rebut de la ligne 2", "Taux de rebut inférieur à 2 %", None),
    ("Mettre à jour les procédures qualité du service", "Procédures validées et diffusées", None),
    ("Former deux nouveaux arrivants au poste", "Deux personnes autonomes au poste", None),
    (
        "Respecter les délais de livraison clients",
        "95 % des commandes livrées à la date promise",
        "Suivi mensuel avec le service logistique.",
    ),
    ("Déployer le nouvel outil de planification dans l'équipe", "Outil utilisé par tous", None),
    ("Développer le portefeuille clients du secteur", "+10 % de chiffre d'affaires", None),
    ("Réduire les délais de traitement des demandes internes", "Délai moyen sous 3 jours", None),
    ("Fiabiliser les inventaires du magasin", "Écart d'inventaire inférieur à 1 %", None),
    (
        "Automatiser le reporting mensuel",
        "Rapport produit sans ressaisie",
        "Avec l'appui de la DSI pour l'accès aux données.",
    ),
    ("Répondre aux réclamations clients sous 48 h", "90 % des réponses sous 48 h", None),
    ("Animer les réunions sécurité mensuelles", "Douze réunions tenues", None),
]
REVIEW_COMMENTS = {
    ObjectiveStatus.ACHIEVED: ["Atteint, au-delà de la cible au second semestre.", None],
    ObjectiveStatus.PARTIALLY: ["Atteint aux deux tiers ; retard lié au changement d'outil."],
    ObjectiveStatus.NOT_ACHIEVED: ["Non atteint : moyens réaffectés à un projet prioritaire."],
    ObjectiveStatus.DROPPED: ["Sans objet après la réorganisation du service."],
}
# (subject, reason, priority, wished period, mandatory)
TRAININGS = [
    ("Habilitation électrique BR — recyclage", TrainingReason.ADAPT, 1, "1er trimestre", True),
    ("Excel — tableaux croisés dynamiques", TrainingReason.DEVELOP, 2, "Printemps", False),
    ("Anglais professionnel (niveau B2)", TrainingReason.DEVELOP, 3, "Sur l'année", False),
    ("Management de proximité", TrainingReason.DEVELOP, 1, "Avant l'été", False),
    ("CACES R489", TrainingReason.ADAPT, 1, "Dès que possible", True),
    ("Gestes et postures", TrainingReason.ADAPT, 2, None, True),
    ("Lean manufacturing — les bases", TrainingReason.DEVELOP, 2, "Second semestre", False),
    ("Bilan de compétences", TrainingReason.PERSONAL, 3, "Second semestre", False),
    ("Nouvel ERP — module achats", TrainingReason.ADAPT, 1, "Avant le déploiement", False),
    ("Prise de parole en public", TrainingReason.DEVELOP, 3, None, False),
]
TRAINING_NOTES = {
    TrainingStatus.APPROVED: "Accord de principe ; session à planifier.",
    TrainingStatus.PLANNED: "Inscrit(e) à la session du plan de développement des compétences.",
    TrainingStatus.REFUSED: [
        "Non retenue au plan cette année ; à reproposer l'an prochain.",
        "Besoin couvert par la formation interne prévue au printemps.",
        "Sans lien direct avec le poste : à financer par le CPF si vous le souhaitez.",
    ],
}
# (what, owner: "interviewer" | "employee", days after the meeting)
ACTIONS = [
    ("Faire le point avec les RH sur la demande de formation", "interviewer", 30),
    ("Organiser deux jours d'immersion au service méthodes", "interviewer", 60),
    ("Mettre à jour la fiche de poste", "interviewer", 45),
    ("Prendre rendez-vous avec un conseiller en évolution professionnelle", "employee", 90),
    ("Transmettre la documentation du nouvel outil", "interviewer", 15),
    ("Point d'étape sur les objectifs", "interviewer", 120),
    ("Constituer le dossier de VAE", "employee", 150),
]
TYPE_ACTIONS = {
    "corrective": [("Point de suivi avec le manager sur les attendus", "interviewer", 30)],
    "workload": [
        ("Répartir les dossiers du second semestre avec l'équipe", "interviewer", 30),
        ("Ne plus programmer de réunion après 18 h", "interviewer", 14),
    ],
    "mobility": [("Organiser la passation avec le remplaçant", "interviewer", 20)],
    "return": [("Planifier la remise à niveau sur les nouveaux outils", "interviewer", 10)],
}
CANCEL_REASONS = [
    "Changement de poste en cours d'année : remplacé par un entretien de mobilité.",
    "Congé parental jusqu'au printemps : l'entretien aura lieu au retour.",
    "Doublon : entretien créé par erreur.",
]
DECLINE_COMMENTS = [
    "Départ à la retraite en janvier : le salarié ne souhaite pas d'entretien.",
    "Le salarié quitte l'entreprise à la fin du mois.",
]
SIGN_COMMENTS = [
    "Merci pour cet échange constructif.",
    "Je souhaite que le point sur ma demande de formation soit fait rapidement.",
    "D'accord avec le compte rendu.",
    "Les objectifs sont ambitieux mais atteignables.",
]
DISAGREEMENTS = [
    "Je ne partage pas l'appréciation sur la réalisation des missions : la charge du "
    "second semestre n'a pas été prise en compte.",
    "Je conteste le niveau retenu pour l'organisation : plusieurs retards venaient des "
    "livraisons fournisseurs.",
]
REFUSAL = "Je refuse de signer : le compte rendu ne reflète pas nos échanges."

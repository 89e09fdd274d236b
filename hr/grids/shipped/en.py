"""Shipped content in English: scales, a starter skills referential, ready-to-publish
grids for every interview type and a question library. It mirrors `fr.py`.

Rules followed (see shared/design/LEGAL.md): objective, job-related criteria; no
question about private life, medical matters or opinions; the career interview never
evaluates the work (L6315-1). Help texts are written for the person who conducts the
interview. French legal terms are kept in brackets where employees will meet them.
"""

from __future__ import annotations

# --- scales --------------------------------------------------------------------------

EVALUATION_SCALE = {
    "code": "evaluation4-en",
    "name": "Four-level assessment",
    "levels": [
        {"value": 1, "label": "Below the requirements of the job"},
        {"value": 2, "label": "Partly meets the requirements"},
        {"value": 3, "label": "Meets the requirements"},
        {"value": 4, "label": "Exceeds the requirements"},
    ],
    "not_assessed": True,
}
OBJECTIVES_SCALE = {
    "code": "objectives4-en",
    "name": "Objective outcome",
    "levels": [
        {"value": 1, "label": "Not met"},
        {"value": 2, "label": "Partly met"},
        {"value": 3, "label": "Met"},
        {"value": 4, "label": "Exceeded"},
    ],
    "not_assessed": True,
}
MASTERY_SCALE = {
    "code": "mastery4-en",
    "name": "Skill mastery",
    "levels": [
        {"value": 1, "label": "Basic knowledge"},
        {"value": 2, "label": "Practitioner"},
        {"value": 3, "label": "Proficient"},
        {"value": 4, "label": "Expert"},
    ],
    "not_assessed": True,
}
WORKLOAD_SCALE = {
    "code": "workload4-en",
    "name": "Workload (days-based contract)",
    "levels": [
        {"value": 1, "label": "Too light"},
        {"value": 2, "label": "Appropriate"},
        {"value": 3, "label": "Heavy"},
        {"value": 4, "label": "Excessive"},
    ],
    "not_assessed": False,
}
SATISFACTION_SCALE = {
    "code": "satisfaction4-en",
    "name": "Four-level satisfaction",
    "levels": [
        {"value": 1, "label": "Not at all satisfied"},
        {"value": 2, "label": "Rather dissatisfied"},
        {"value": 3, "label": "Rather satisfied"},
        {"value": 4, "label": "Very satisfied"},
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


# --- skills referential ----------------------------------------------------------------

TRANSVERSAL = "Transversal skills"
MANAGEMENT = "Management skills"
TECHNICAL = "Technical skills"
DIGITAL = "Digital skills"

SKILLS = [
    {
        "name": "Written and oral communication",
        "family": TRANSVERSAL,
        "description": "Convey clear information suited to the audience, orally and in "
        "writing (minutes, e-mails, presentations).",
    },
    {
        "name": "Organisation and prioritisation",
        "family": TRANSVERSAL,
        "description": "Plan one's work, rank requests, meet deadlines and warn in time "
        "about those that cannot be met.",
    },
    {
        "name": "Teamwork and cooperation",
        "family": TRANSVERSAL,
        "description": "Share information, contribute to common objectives, work with "
        "other departments.",
    },
    {
        "name": "Analysis and problem solving",
        "family": TRANSVERSAL,
        "description": "Find the causes of a malfunction, propose and implement solutions, "
        "check their effect.",
    },
    {
        "name": "Internal and external customer relations",
        "family": TRANSVERSAL,
        "description": "Understand the needs of a customer or department, answer within the "
        "agreed time, handle a complaint.",
    },
    {
        "name": "Adapting to changes in the job",
        "family": TRANSVERSAL,
        "description": "Take up new tools, procedures or organisations and adjust one's "
        "working methods accordingly.",
    },
    {
        "name": "Project management",
        "family": TRANSVERSAL,
        "description": "Scope a project, plan its stages, coordinate contributors, follow "
        "budget and deadlines, report.",
    },
    {
        "name": "Knowledge transfer and tutoring",
        "family": TRANSVERSAL,
        "description": "Train a newcomer or an apprentice, document know-how, help a "
        "colleague build up skills.",
    },
    {
        "name": "Leading a team",
        "family": MANAGEMENT,
        "description": "Set the team's framework and priorities, share out the work, run "
        "meetings, follow up the activity.",
    },
    {
        "name": "Developing people",
        "family": MANAGEMENT,
        "description": "Hold interviews, give factual feedback, identify training needs, "
        "support career plans.",
    },
    {
        "name": "Command of the trade's techniques and tools",
        "family": TECHNICAL,
        "description": "Know and apply the techniques, methods, equipment and software of the job.",
    },
    {
        "name": "Applying safety and environmental rules",
        "family": TECHNICAL,
        "description": "Know and apply the job's safety and environmental instructions, wear "
        "protective equipment, report dangerous situations.",
    },
    {
        "name": "Quality and continuous improvement",
        "family": TECHNICAL,
        "description": "Apply quality procedures, handle non-conformities, suggest better "
        "working methods.",
    },
    {
        "name": "Knowledge of the trade's regulations",
        "family": TECHNICAL,
        "description": "Know the rules, standards and procedures that apply to the field and "
        "take them into account at work.",
    },
    {
        "name": "Professional French",
        "family": TECHNICAL,
        "description": "Communicate in French, orally and in writing, in the usual "
        "situations of the job (customers, suppliers, documentation).",
    },
    {
        "name": "Office and collaboration software",
        "family": DIGITAL,
        "description": "Use word processing, spreadsheets, e-mail, shared calendars and "
        "collaborative workspaces.",
    },
    {
        "name": "Working with data and dashboards",
        "family": DIGITAL,
        "description": "Extract, clean and analyse data; build and read a dashboard.",
    },
    {
        "name": "Everyday IT security",
        "family": DIGITAL,
        "description": "Apply good practice: passwords, phishing, protection of personal and "
        "confidential data.",
    },
]

ANNUAL_SKILLS = [
    "Command of the trade's techniques and tools",
    "Organisation and prioritisation",
    "Written and oral communication",
    "Teamwork and cooperation",
    "Analysis and problem solving",
    "Applying safety and environmental rules",
]
MOBILITY_SKILLS = [
    "Command of the trade's techniques and tools",
    "Knowledge of the trade's regulations",
    "Internal and external customer relations",
    "Organisation and prioritisation",
    "Office and collaboration software",
]


def _skills(names: list[str]) -> list[dict]:
    return [{"name": name} for name in names]


# --- common questions ----------------------------------------------------------------


def _final_comment() -> dict:
    return {
        "kind": "final_comment",
        "label": "Employee's final comment",
        "help_text": "The employee may state agreement or disagreement with the report and "
        "add any remark. Signing shows that the employee has read the report, not that they "
        "approve of it.",
        "answered_by": "employee",
        "required": False,
        "weight": None,
        "options": {},
    }


def _copy_given() -> dict:
    return {
        "kind": "yes_no",
        "label": "The employee is told that a copy of the written report will be given to them",
        "help_text": "The written report is compulsory (L6315-1). Once signed, its copy is "
        "made available to the employee in Parcours, which records the date; a paper copy "
        "can be handed over on request.",
        "answered_by": "manager",
        "required": True,
        "weight": None,
        "options": {},
    }


# --- career interview (common part and variants) ---------------------------------------

CAREER_INTRO = (
    "This interview is about the employee's career path and prospects (Code du travail "
    "L6315-1). It is not an evaluation: neither the year's results nor the way the "
    "employee works are discussed here. When it is held on the same day as the annual "
    "evaluation, the two interviews stay separate, each with its own report (Cass. soc. "
    "5 July 2023)."
)


def _career_sections(extra: list[dict] | None = None) -> list[dict]:
    """The five legal themes; `extra` sections go before the information section."""
    sections = [
        {
            "title": "Situation and career path",
            "intro": CAREER_INTRO,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Your job today: main duties and changes since the last interview",
                    "help_text": "The employee describes the job as they do it: duties, "
                    "scope, changes (organisation, tools, responsibilities). The manager "
                    "adds whatever changed in the job description.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "The stages of your career path",
                    "help_text": "Jobs held in the company and before, moves, cross-functional "
                    "assignments. If the previous report already describes the path, start "
                    "from it and only note what changed.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Skills and qualifications",
            "intro": "The employee describes their skills as they see them: the point is not "
            "to score them but to spot those to maintain or acquire.",
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "The skills and qualifications you use in your job",
                    "help_text": "Technical know-how, transversal skills, diplomas, "
                    "certificates, authorisations. Also think of what was acquired outside "
                    "the job: cross-functional assignment, tutoring, staff representative "
                    "mandate, outside activities the employee chooses to mention.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "How might these skills and qualifications change?",
                    "help_text": "Foreseeable changes in the trade and the company (tools, "
                    "techniques, regulations, organisation) and what they will require. The "
                    "manager shares what they know of the company's and the department's "
                    "plans.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "short_text",
                    "label": "Diplomas, titles or certifications obtained since the last interview",
                    "help_text": "Including skill blocks and certifications obtained through "
                    "VAE (accreditation of prior experience). This also feeds the 8-year "
                    "career review.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Training needs",
            "intro": "HR consolidates the needs expressed here into the skills development "
            "plan; listing a need does not mean that its funding is approved.",
            "scored": False,
            "questions": [
                {
                    "kind": "training_requests",
                    "label": "Training needs",
                    "help_text": "Training that helps in the current job, prepares for its "
                    "changes or for a project. For each need: purpose, priority, preferred "
                    "period, and whether the employee plans to use their CPF.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Career wishes",
            "intro": "The employee expresses their wishes freely; having none is a legitimate "
            "answer.",
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Your career wishes",
                    "help_text": "Short term (1 to 2 years) and longer term: growing in the "
                    "job, another job, trade or site, more responsibilities, retraining. The "
                    "manager mentions the opportunities known in the company without making "
                    "promises they could not keep.",
                    "answered_by": "employee",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "multiple_choice",
                    "label": "Schemes that could help you",
                    "help_text": "Retraining: moving to another trade, inside or outside the "
                    "company. Career transition project (PTP): a certifying course to change "
                    "trade, pay maintained, funded by Transitions Pro once its committee "
                    "agrees. Skills assessment (bilan de compétences): reviewing one's "
                    "skills and motivations with a provider, can be paid with the CPF. VAE: "
                    "obtaining all or part of a certification through experience "
                    "(vae.gouv.fr).",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Internal mobility",
                            "Retraining",
                            "Career transition project (PTP)",
                            "Skills assessment (bilan de compétences)",
                            "Accreditation of prior experience (VAE)",
                            "Certifying course paid with the CPF",
                            "None for now",
                        ]
                    },
                },
                {
                    "kind": "decisions",
                    "label": "Agreed next steps",
                    "help_text": "Actions decided, each with an owner and a due date: "
                    "training request to process, meeting with HR, information to send, "
                    "contact with a career-advice counsellor.",
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
            "title": "Information given to the employee",
            "intro": "The manager gives this information during the interview and ticks each "
            "point once it has been given. A written report is produced and a copy is given "
            "to the employee.",
            "scored": False,
            "questions": [
                {
                    "kind": "yes_no",
                    "label": "The employee was told how to activate and use their personal "
                    "training account (CPF)",
                    "help_text": "The CPF is activated on moncompteformation.gouv.fr (identity "
                    "checked with FranceConnect+). The employee sees there their rights, the "
                    "eligible courses and any share left for them to pay.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "The employee was told about the top-ups the employer can add to "
                    "their CPF",
                    "help_text": "Present the top-ups (abondements) provided by the company or "
                    "by a collective agreement (extra funding for a course, priority groups or "
                    "courses). If there are none, simply say so.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "The employee was told about the free and confidential career "
                    "advice service (CEP)",
                    "help_text": "The CEP (conseil en évolution professionnelle) is free, "
                    "confidential and independent of the employer; it helps take stock and "
                    "build a plan: regional providers (mon-cep.org), Apec for managers. It can "
                    "also help prepare this interview.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "date",
                    "label": "Date on which this information was given",
                    "help_text": "Usually the date of the interview.",
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
    "title": "Second half of the career",
    "intro": "This interview takes place within two months after the mid-career medical "
    "visit. That visit is the occupational doctor's business alone: ask nothing about what "
    "was said there or about the person's condition. Only the adjustments that the "
    "occupational doctor recommended to the employer in writing may be discussed here.",
    "scored": False,
    "questions": [
        {
            "kind": "long_text",
            "label": "Adjustments to the job or working time to consider",
            "help_text": "Adjustments to the workstation, the organisation or the working "
            "time that the employee wishes, or that the occupational doctor recommended in "
            "writing. Never ask about the medical visit or for any medical information: talk "
            "about the job, not the person.",
            "answered_by": "together",
            "required": True,
            "weight": None,
            "options": {},
        },
        {
            "kind": "long_text",
            "label": "Preventing wear and tear at work: constraints of the job to reduce",
            "help_text": "Constraints of the job and its organisation (postures, carrying "
            "loads, shift hours, repetitive movements, frequent travel) and ways to reduce "
            "them: equipment, task rotation, changes to the job.",
            "answered_by": "both",
            "required": True,
            "weight": None,
            "options": {},
        },
        {
            "kind": "long_text",
            "label": "Your plans for the second half of your career",
            "help_text": "Deepening one's trade, changing it, becoming a tutor or an expert "
            "of reference, retraining, moving site. The matching training needs go in the "
            "“Training needs” section.",
            "answered_by": "employee",
            "required": True,
            "weight": None,
            "options": {},
        },
    ],
}

PRE60_SECTION = {
    "title": "End of career",
    "intro": "The employee alone decides their choices and their timing: they need not "
    "announce a leaving date and no decision is taken for them. This interview takes place "
    "in the two years before their 60th birthday.",
    "scored": False,
    "questions": [
        {
            "kind": "long_text",
            "label": "Your wishes for the rest of your working life and the conditions for "
            "staying in employment",
            "help_text": "What would let the employee keep working in good conditions: job "
            "content, organisation, pace, training. Do not ask for a retirement date: it is "
            "up to the employee to raise it if they wish.",
            "answered_by": "employee",
            "required": True,
            "weight": None,
            "options": {},
        },
        {
            "kind": "multiple_choice",
            "label": "End-of-career arrangements you are interested in",
            "help_text": "Progressive retirement (retraite progressive): working part-time "
            "while drawing part of one's pension, open from 60 subject to the insurance "
            "period. An employer who refuses the part-time work requested for it must give "
            "reasons. The employee can estimate their rights on info-retraite.fr.",
            "answered_by": "employee",
            "required": False,
            "weight": None,
            "options": {
                "choices": [
                    "Moving to part-time work",
                    "Progressive retirement",
                    "Changes to the job content",
                    "Tutoring or knowledge-transfer assignment",
                    "None for now",
                ]
            },
        },
        {
            "kind": "long_text",
            "label": "Passing on skills and know-how",
            "help_text": "Key know-how the employee holds, to whom and how to pass it on: "
            "tutoring, working in pairs, documentation, in-house training. A tutoring "
            "assignment can be recognised and preceded by tutor training.",
            "answered_by": "both",
            "required": False,
            "weight": None,
            "options": {},
        },
    ],
}

# --- grids -------------------------------------------------------------------------------

ANNUAL = {
    "code": "annual-en",
    "type": "annual",
    "name": "Annual evaluation",
    "description": "Review of the past year and objectives for the coming one. The criteria "
    "are precise, objective and related to the job; employees are told of them before the "
    "interview (L1222-2, L1222-3). About 1 hour.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Review of the past period",
            "intro": "Go back over the objectives set last year and the key facts of the "
            "period. Rely on facts and observable results, related to the duties of the job.",
            "scored": False,
            "questions": [
                {
                    "kind": "objectives_review",
                    "label": "Review of last period's objectives",
                    "help_text": "For each objective set at the previous interview, give the "
                    "outcome and the evidence for it (indicators, deliverables, deadlines). "
                    "Take into account the means actually available and the changes that "
                    "occurred during the year. An objective that became irrelevant is marked "
                    "as such, not counted as not met.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Main achievements of the period",
                    "help_text": "Two or three concrete achievements (projects led, problems "
                    "solved, improvements made, new assignments) and their effect for the "
                    "team or customers. The employee prepares them; the manager adds what "
                    "they observed.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Difficulties met and support expected",
                    "help_text": "Situations that held the work back and their causes: means, "
                    "tools, organisation, deadlines, skills to strengthen. Then what would "
                    "help the employee: information, support from the manager or a "
                    "colleague, training. The aim is to find what to act on, not someone to "
                    "blame.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Skills used in the job",
            "intro": "The only scored section. Each criterion is assessed against the duties "
            "in the job description, on facts observed during the period. Choose “Not "
            "assessed” when a criterion could not be observed.",
            "scored": True,
            "questions": [
                {
                    "kind": "rating",
                    "label": "Carrying out the main duties of the job",
                    "help_text": "Assess how the duties of the job description were carried "
                    "out over the whole period: volume, deadlines, reliability of the work "
                    "delivered. Give at least one fact for the level chosen; a level is "
                    "justified by the work observed, never by a trait of the person.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": 40,
                    "options": {"scale": _scale(EVALUATION_SCALE)},
                },
                {
                    "kind": "skills_matrix",
                    "label": "Professional skills of the job",
                    "help_text": "The employee places themselves while preparing, the manager "
                    "gives their view; the gap between the two feeds the discussion. Basic "
                    "knowledge: knows the basics, needs support. Practitioner: handles usual "
                    "situations alone. Proficient: also handles complex situations. Expert: "
                    "reference person, passes knowledge on. Adapt the list to the trade in a "
                    "new version of the grid. Illustrate the levels with examples in the "
                    "manager's overall assessment.",
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
            "title": "Objectives for the coming period",
            "intro": "Three to five objectives at most: precise, measurable, realistic given "
            "the means, and dated.",
            "scored": False,
            "questions": [
                {
                    "kind": "new_objectives",
                    "label": "Objectives for the coming period",
                    "help_text": "For each objective: expected result, success indicator, "
                    "due date and the means provided. Distinguish individual and team "
                    "objectives. They can be revised during the year if the context changes.",
                    "answered_by": "together",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Skills development and training",
            "intro": "Longer-term career plans belong to the career interview, held separately.",
            "scored": False,
            "questions": [
                {
                    "kind": "training_requests",
                    "label": "Training needs",
                    "help_text": "Training useful for the job (adaptation, new tools) and for "
                    "developing the employee's skills. For each: purpose, priority, preferred "
                    "period. HR consolidates these needs into the skills development plan; "
                    "listing a need does not mean that its funding is approved.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Comments and conclusion",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Manager's overall assessment",
                    "help_text": "A factual summary of the year: strengths of the work, areas "
                    "for progress, conditions for success. Beware: a report that lists precise "
                    "faults and orders the employee to change can be held to be a "
                    "disciplinary warning (Cass. soc. 2 February 2022). A serious failing is "
                    "handled in a separate corrective interview.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Employee's comment on the period",
                    "help_text": "The employee's view of the past year, their working "
                    "conditions and the interview itself.",
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
    "code": "career-en",
    "type": "career",
    "name": "Career interview",
    "description": "Compulsory interview (L6315-1) within the year after hiring, then every "
    "4 years at most, and to be offered on return from some leaves. About career prospects: "
    "skills and qualifications, career path, training, career wishes, information on the "
    "CPF and the CEP. It does not evaluate the work. About 45 minutes.",
    "share_preparation": False,
    "sections": _career_sections(),
}

CAREER_MID = {
    "code": "career-mid-en",
    "type": "career",
    "name": "Career interview — mid-career",
    "description": "Career interview held within two months after the mid-career medical "
    "visit (in the year of the 45th birthday unless a branch agreement sets another age). "
    "On top of the usual themes: adjusting the job, preventing wear and tear at work, plans "
    "for the second half of the career. Parcours records only the date of the visit, never "
    "its content. About 1 hour.",
    "share_preparation": False,
    "sections": _career_sections([MID_CAREER_SECTION]),
}

CAREER_PRE60 = {
    "code": "career-pre60-en",
    "type": "career",
    "name": "Career interview — before 60",
    "description": "Career interview held in the two years before the 60th birthday. On top "
    "of the usual themes: staying in employment, end-of-career arrangements (part-time work, "
    "progressive retirement), passing on skills. About 1 hour.",
    "share_preparation": False,
    "sections": _career_sections([PRE60_SECTION]),
}

CAREER_REVIEW = {
    "code": "career-review-en",
    "type": "career_review",
    "name": "8-year career review",
    "description": "Every 8 years of seniority; the first may take place 7 years after the "
    "first career interview (L6315-1 II). Checks that the career interviews were held and "
    "whether the employee followed at least one non-mandatory training action, obtained "
    "certification elements, had salary or professional progression. Answers are filled "
    "from the record and stay editable. Written report, copy given to the employee.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Period reviewed and career interviews",
            "intro": "The information is taken from the employee's record in Parcours: check "
            "it with them and correct it if needed.",
            "scored": False,
            "questions": [
                {
                    "kind": "short_text",
                    "label": "Period reviewed",
                    "help_text": "Filled from the record, editable. The 8 years before this "
                    "review (7 years after the first interview for the first review). "
                    "Suspensions that do not count towards seniority (unpaid leave, "
                    "sabbatical…) extend the period.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Career interviews held during the period (dates)",
                    "help_text": "Filled from the record, editable. Mid-career and before-60 "
                    "interviews count too.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Were all the required career interviews held during the period?",
                    "help_text": "Filled from the record, editable. One within the year after "
                    "hiring, then every 4 years at most (or the shorter interval set by "
                    "agreement).",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Training, certification and progression",
            "intro": "Companies with 50 employees or more: when the employee had neither the "
            "required interviews nor any non-mandatory training, the employer pays €3,000 "
            "into their CPF (abondement correctif, L6323-13).",
            "scored": False,
            "questions": [
                {
                    "kind": "yes_no",
                    "label": "Did the employee follow at least one non-mandatory training action?",
                    "help_text": "Filled from the record, editable. A training is mandatory "
                    "when it conditions the exercise of an activity or function (L6321-2), "
                    "e.g. a regulatory authorisation: it does not count here.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Training followed during the period",
                    "help_text": "Filled from the record, editable: title, year, mandatory or not.",
                    "answered_by": "manager",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Did the employee obtain certification elements, through training "
                    "or VAE?",
                    "help_text": "Filled from the record, editable. Diploma, professional "
                    "title, skill block, professional qualification certificate (CQP), "
                    "certification in the specific register.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "short_text",
                    "label": "Certifications obtained",
                    "help_text": "Title and year, and whether through VAE.",
                    "answered_by": "manager",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Did the employee have salary or professional progression?",
                    "help_text": "Filled from the record, editable. Salary progression: "
                    "individual raise, promotion. Professional progression: new job, new "
                    "classification, wider responsibilities. Give the details in the comment.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Comments on training, certification and progression",
                    "help_text": "Details from the manager and the employee, especially when "
                    "information taken from the record was corrected.",
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
                    "label": "Follow-up",
                    "help_text": "Actions decided, with owner and due date: training to offer, "
                    "career interview to schedule. A CPF penalty top-up that is due must be "
                    "paid by the last day of the calendar quarter after this interview "
                    "(R6323-3).",
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
    "code": "return-en",
    "type": "return",
    "name": "Return-to-work interview after a long absence",
    "description": "To welcome back an employee after a long absence (parental leave, "
    "family-carer leave, sabbatical, long-term leave…) and organise their reintegration. It "
    "does not replace the career interview, which must also be offered on return from these "
    "leaves. About 30 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Back in the company",
            "intro": "This interview is about the work and its organisation. No medical "
            "question: the return visit, when it is due, is the occupational doctor's "
            "business alone (HR arranges it). The employee does not have to explain the "
            "reason for the absence.",
            "scored": False,
            "questions": [
                {
                    "kind": "date",
                    "label": "Return date",
                    "help_text": "First working day after the absence.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "What changed during the absence",
                    "help_text": "Prepared by the manager: team (arrivals, departures), "
                    "organisation, tools and procedures, projects and customers, new rules "
                    "(agreements, remote work), general pay rises. On return from leave for a "
                    "birth or an adoption, pay is raised by the increases granted during the "
                    "leave (L1225-26, L1225-44): check it with HR.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Your expectations and questions for the return",
                    "help_text": "What the employee wants to know or find again, what would "
                    "help them resume their duties in good conditions.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "multiple_choice",
                    "label": "Needs for resuming the job",
                    "help_text": "Tick what is useful; the detailed actions go in the decisions.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Update on current files",
                            "Refresher on tools and procedures",
                            "Training",
                            "A buddy or tutor for the first weeks",
                            "Gradual return of responsibilities",
                            "Adjusted working time or hours",
                            "No particular need",
                        ]
                    },
                },
            ],
        },
        {
            "title": "Organisation and training",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Adjustments to the organisation or working time requested",
                    "help_text": "Part-time, hours, remote work, sharing of duties. A "
                    "part-time request follows its own rules: note it and pass it on to HR. "
                    "An adjustment recommended by the occupational doctor applies without its "
                    "reason being discussed.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "training_requests",
                    "label": "Training needs for the return",
                    "help_text": "Refresher on what changed (tools, procedures, regulations) "
                    "and training useful for what comes next.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "A career interview was offered to the employee",
                    "help_text": "To be offered on return from the leaves listed in L6315-1 "
                    "(leave for a birth or an adoption, parental leave, family-carer leave, "
                    "sabbatical, secured voluntary mobility, long-term leave, end of a staff "
                    "representative mandate), unless one took place in the 12 months before "
                    "the return. It may be held on the same day, with its own report.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Next steps",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "decisions",
                    "label": "Reintegration actions",
                    "help_text": "Actions decided, each with an owner and a due date: update "
                    "on files, access to tools, training, check-in after one month.",
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
    "code": "mobility-en",
    "type": "mobility",
    "name": "Internal mobility interview",
    "description": "Accompanies a change of job, team, site or assignment: motivations, "
    "skills to use and to acquire, support, handover. About 45 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "The mobility plan",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "single_choice",
                    "label": "Type of move",
                    "help_text": "A move that changes an element of the employment contract "
                    "(pay, qualification, place outside the agreed area) needs the "
                    "employee's consent and a contract amendment.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Change of job",
                            "Change of team or department",
                            "Change of site",
                            "New assignment or wider responsibilities",
                            "Promotion",
                        ]
                    },
                },
                {
                    "kind": "long_text",
                    "label": "Origin of and reasons for the move",
                    "help_text": "At the employee's or the company's initiative; what drives "
                    "the change and what the employee expects from it.",
                    "answered_by": "employee",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "The new job: duties, reporting line, conditions",
                    "help_text": "Duties, manager, place, hours, classification and pay if "
                    "they change.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "date",
                    "label": "Planned start date in the new job",
                    "help_text": "Allow time for the handover and replacement in the current job.",
                    "answered_by": "manager",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Skills and support",
            "intro": "Placing oneself on the skills of the new job serves to build the "
            "support plan, not to select.",
            "scored": False,
            "questions": [
                {
                    "kind": "skills_matrix",
                    "label": "Key skills of the new job",
                    "help_text": "Current level on the skills of the target job, to spot the "
                    "gaps to close. Adapt the list to the job in a new version of the grid.",
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
                    "label": "Transferable skills and experience to build on",
                    "help_text": "What the employee brings from the current job and their "
                    "career: know-how, knowledge of products, customers, tools.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Onboarding plan for the new job",
                    "help_text": "Overlap with the current holder, tutor or reference person, "
                    "people to meet, check-ins during the first months.",
                    "answered_by": "together",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "training_requests",
                    "label": "Training needed for the new job",
                    "help_text": "Training to close the gaps found, with its priority; flag "
                    "what must be done before starting.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Handover and next steps",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Handover of the current job's files",
                    "help_text": "Current files and their status, to whom they go, "
                    "documentation to update, access rights to transfer.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "decisions",
                    "label": "Steps and commitments",
                    "help_text": "Agreed actions with owner and due date: contract amendment, "
                    "announcement to the teams, training, check-in after three months.",
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
    "code": "corrective-en",
    "type": "corrective",
    "name": "Corrective interview",
    "description": "Confidential interview to stop a shortcoming on precise, work-related "
    "facts, restate what is expected and organise the follow-up. Held orally, it is not a "
    "disciplinary sanction (L1331-1). About 30 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Facts and discussion",
            "intro": "An oral corrective talk (recadrage) is not a disciplinary sanction "
            "(Code du travail L1331-1). A written record that lists precise faults and orders "
            "the employee to change, however, can be held to be a warning (Cass. soc. "
            "2 February 2022): write the report factually and looking ahead, without a list "
            "of grievances. If a sanction is considered, that is a separate disciplinary "
            "procedure with its own rules (at most 2 months after the facts became known, "
            "L1332-4; notice of the meeting; decision between 2 working days and 1 month "
            "after the meeting): see HR first. Confidential: only the employee, their "
            "managers and authorised HR have access.",
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Facts observed (dates and situations)",
                    "help_text": "Precise, dated, verifiable, work-related facts: what "
                    "happened, when, where, the effect on the department. No judgement of the "
                    "person, no hearsay, nothing about private life. Reminder: an oral "
                    "corrective talk is not a sanction (L1331-1); a written record listing "
                    "faults with an order to change may count as a warning.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "The employee's explanations",
                    "help_text": "The employee gives their account of the facts and their "
                    "context (workload, instructions, tools, working relations). Note it "
                    "without commenting on it.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "What is expected from now on",
                    "help_text": "What is concretely expected, from when, and how it will be "
                    "observed. Recall the rule or instruction concerned (internal rules, job "
                    "description, procedure).",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Support and follow-up",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Support offered",
                    "help_text": "Means provided: clearer instructions, training, regular "
                    "check-ins, help from a colleague, changes to the organisation or "
                    "workload.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "decisions",
                    "label": "Commitments and follow-up actions",
                    "help_text": "Each party's commitments, with owner and due date.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "date",
                    "label": "Follow-up meeting date",
                    "help_text": "Usually 4 to 8 weeks later, to review progress together.",
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
    "Notice the employer must give when ending the probation (L1221-25), by time spent in "
    "the company: 24 hours under 8 days; 48 hours from 8 days to 1 month; 2 weeks after "
    "1 month; 1 month after 3 months. The notice never extends the probation period, "
    "renewal included: hold the interview early enough."
)

PROBATION_END = {
    "code": "probation-end-en",
    "type": "probation_end",
    "name": "End-of-probation interview",
    "description": "Review of the probation period before it ends: integration, duties, "
    "decision to continue or not. Schedule it early enough to respect the notice period "
    "(L1221-25). About 30 to 45 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Review of the probation period",
            "intro": "The probation period lets the employer assess the employee's skills in "
            "the job, and the employee judge whether the job suits them (L1221-20). Only "
            "consider work-related facts.",
            "scored": False,
            "questions": [
                {
                    "kind": "date",
                    "label": "End date of the probation period",
                    "help_text": NOTICE,
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Joining the team and getting to grips with the job",
                    "help_text": "Welcome, tools and access, on-the-job training, working "
                    "relations, information that was missing.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Duties entrusted and achievements",
                    "help_text": "What was entrusted, what was done, with concrete examples.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Strengths and areas for progress observed",
                    "help_text": "Professional skills shown in the job, illustrated by facts; "
                    "areas for progress and how to work on them.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Your view of the job and the company",
                    "help_text": "Does the job match what was presented? What suits, what "
                    "surprises, the remaining questions.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Decision and next steps",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "single_choice",
                    "label": "Decision",
                    "help_text": "Renewal: only if an extended branch agreement allows it and "
                    "the contract provides for it, with the employee's express written "
                    "consent before the first period ends. Ending the probation: notify it in "
                    "writing with the notice of L1221-25 (24 h under 8 days of presence, 48 h "
                    "from 8 days to 1 month, 2 weeks after 1 month, 1 month after 3 months). "
                    "An employee who leaves gives 48 hours, 24 hours under 8 days (L1221-26).",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {
                        "choices": [
                            "Confirmed in the job",
                            "Probation period renewed",
                            "Probation period ended",
                        ]
                    },
                },
                {
                    "kind": "training_requests",
                    "label": "Training or support needs",
                    "help_text": "Training or support useful for the coming months.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "decisions",
                    "label": "Agreed next steps",
                    "help_text": "Actions with owner and due date: first objectives, training, "
                    "check-in, renewal or termination letter.",
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
    "code": "contract-end-en",
    "type": "contract_end",
    "name": "End-of-contract or exit interview",
    "description": "Review of the collaboration at the end of a fixed-term or work-study "
    "contract, or on departure: achievements, skills developed, handover, feedback. About "
    "30 to 45 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Review of the collaboration",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "single_choice",
                    "label": "Reason the collaboration ends",
                    "help_text": "For information; personal reasons for leaving need not be "
                    "detailed.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {
                        "choices": [
                            "End of fixed-term contract",
                            "End of apprenticeship or professionalisation contract",
                            "Resignation",
                            "Mutually agreed termination (rupture conventionnelle)",
                            "Retirement",
                            "Other",
                        ]
                    },
                },
                {
                    "kind": "date",
                    "label": "Last working day",
                    "help_text": "Take the remaining paid leave into account.",
                    "answered_by": "manager",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Duties carried out and contributions",
                    "help_text": "What the employee accomplished, the projects they "
                    "contributed to.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "long_text",
                    "label": "Skills developed during the contract",
                    "help_text": "What the employee learnt or strengthened: useful for the "
                    "rest of their career and for a skills certificate if the company issues "
                    "one.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Handover",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Files, know-how and equipment to hand over",
                    "help_text": "Current files and their status, key contacts, "
                    "documentation, access rights to transfer or close (by IT; never write a "
                    "password here), equipment and badges to return.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "decisions",
                    "label": "Handover plan",
                    "help_text": "Each item to hand over, to whom, by when.",
                    "answered_by": "together",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Feedback",
            "intro": "This feedback is optional and has no effect on the end-of-contract "
            "documents.",
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Your feedback on your time in the company",
                    "help_text": "What worked well, what could be improved: welcome, "
                    "organisation, tools, management, training.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "rating",
                    "label": "Overall satisfaction with your time in the company",
                    "help_text": "The employee's view; it helps improve onboarding and "
                    "working conditions.",
                    "answered_by": "employee",
                    "required": False,
                    "weight": None,
                    "options": {"scale": _scale(SATISFACTION_SCALE)},
                },
                {
                    "kind": "yes_no",
                    "label": "Would you like us to keep in touch?",
                    "help_text": "Future job offers, alumni network. Only with the "
                    "employee's consent, which they can withdraw at any time; their contact "
                    "details are kept for this purpose only.",
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
    "code": "workload-en",
    "type": "workload",
    "name": "Forfait-jours workload interview",
    "description": "Yearly interview required for employees on a days-based annual contract "
    "(forfait jours, L3121-64, L3121-65): workload, organisation of work, balance between "
    "work and private life, pay; right to disconnect. Without real follow-up the days-based "
    "agreement can be deprived of effect. About 45 minutes.",
    "share_preparation": False,
    "sections": [
        {
            "title": "Workload",
            "intro": "The employer makes sure that the workload stays reasonable and that the "
            "work is well spread over time (L3121-60).",
            "scored": False,
            "questions": [
                {
                    "kind": "number",
                    "label": "Days worked in the reference period",
                    "help_text": "Taken from the day count. Ceiling: the one in the days-based "
                    "agreement (usually 218 days).",
                    "answered_by": "manager",
                    "required": False,
                    "weight": None,
                    "options": {"min": 0, "max": 366, "unit": "days"},
                },
                {
                    "kind": "rating",
                    "label": "How would you describe your workload over the period?",
                    "help_text": "The employee places themselves while preparing, and so does "
                    "the manager. A heavy or excessive workload calls for concrete measures, "
                    "recorded in the decisions.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {"scale": _scale(WORKLOAD_SCALE)},
                },
                {
                    "kind": "long_text",
                    "label": "Busy periods and their causes",
                    "help_text": "Peaks of activity, files, interruptions, meetings, travel; "
                    "what could be lightened, delegated or postponed.",
                    "answered_by": "both",
                    "required": False,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Organisation of work",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Organisation of work and length of the working day",
                    "help_text": "Spread of days over the week, usual span of the day, late "
                    "meetings, travel, freedom in organising one's schedule.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Are the daily (11 consecutive hours) and weekly (35 consecutive "
                    "hours) rest periods respected?",
                    "help_text": "If not, note what prevents taking them and the measure decided.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Work and private life",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Balance between your work and your private life",
                    "help_text": "The employee says whether they manage to reconcile the two, "
                    "without having to detail their private situation. Ask no question about "
                    "it.",
                    "answered_by": "employee",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
                {
                    "kind": "yes_no",
                    "label": "Is the right to disconnect effective (evenings, weekends, holidays)?",
                    "help_text": "Recall the company's rules on disconnecting (agreement or "
                    "charter, L2242-17): no answer is expected outside working time. If not, "
                    "note the requests concerned.",
                    "answered_by": "both",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Pay",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "long_text",
                    "label": "Your pay in relation to your workload and responsibilities",
                    "help_text": "The employee says whether their pay seems in line with the "
                    "demands of the days-based contract and their responsibilities. A request "
                    "for a review goes to the pay review process.",
                    "answered_by": "employee",
                    "required": True,
                    "weight": None,
                    "options": {},
                },
            ],
        },
        {
            "title": "Decisions and follow-up",
            "intro": None,
            "scored": False,
            "questions": [
                {
                    "kind": "decisions",
                    "label": "Measures decided and follow-up",
                    "help_text": "Concrete measures when the workload or organisation is not "
                    "right: sharing of files, priorities, extra help, taking rest days. Each "
                    "measure has an owner and a due date. Without real follow-up the "
                    "days-based agreement can be deprived of effect and overtime claimed.",
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

# --- question library ------------------------------------------------------------------


def _lib(code, kind, label, help_text, answered_by, tags, types, required=False, options=None):
    return {
        "code": f"lib-{code}-en",
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
    # Review and results
    _lib(
        "achievements",
        "long_text",
        "What were your main achievements over the period?",
        "Two or three concrete achievements and their effect for the team or customers.",
        "both",
        ["review", "achievements"],
        ["annual"],
    ),
    _lib(
        "difficulties",
        "long_text",
        "What difficulties did you meet, and what caused them?",
        "Look for causes (means, tools, organisation, skills) and what to act on, not "
        "someone to blame.",
        "both",
        ["review", "difficulties"],
        ["annual", "probation_end", "mobility"],
    ),
    _lib(
        "support-needed",
        "long_text",
        "What support do you need to succeed in your job?",
        "Tools, information, organisation, support from the manager or a colleague, training.",
        "employee",
        ["support", "means"],
        ["annual", "return", "mobility", "probation_end"],
    ),
    _lib(
        "objectives-review",
        "objectives_review",
        "Review of last period's objectives",
        "Outcome of each objective and the facts behind it; an objective that became "
        "irrelevant is marked as such.",
        "both",
        ["objectives", "review"],
        ["annual"],
        required=True,
    ),
    _lib(
        "new-objectives",
        "new_objectives",
        "Objectives for the coming period",
        "Three to five precise, measurable, realistic and dated objectives, with their means.",
        "together",
        ["objectives"],
        ["annual"],
        required=True,
    ),
    _lib(
        "priorities",
        "long_text",
        "What are the job's priorities for the coming period?",
        "The manager shares the department's priorities; the employee says how they see them.",
        "both",
        ["objectives", "priorities"],
        ["annual", "mobility", "probation_end"],
    ),
    _lib(
        "missions-rating",
        "rating",
        "Carrying out the main duties of the job",
        "Assess over the period against the job description; give a fact in support.",
        "manager",
        ["assessment", "duties"],
        ["annual"],
        options={"scale": _scale(EVALUATION_SCALE)},
    ),
    _lib(
        "quality-rating",
        "rating",
        "Quality and reliability of the work delivered",
        "Compliance with the job's requirements, errors or rework, reliability of deliverables.",
        "manager",
        ["assessment", "quality"],
        ["annual"],
        options={"scale": _scale(EVALUATION_SCALE)},
    ),
    _lib(
        "safety-rating",
        "rating",
        "Applying the job's safety instructions and procedures",
        "Wearing protective equipment, following operating procedures, reporting dangerous "
        "situations.",
        "manager",
        ["assessment", "safety", "procedures"],
        ["annual"],
        options={"scale": _scale(EVALUATION_SCALE)},
    ),
    _lib(
        "key-objective-rating",
        "rating",
        "Outcome of the period's priority objective",
        "For grids that single out one major objective; rely on the agreed indicator.",
        "manager",
        ["objectives", "assessment"],
        ["annual"],
        options={"scale": _scale(OBJECTIVES_SCALE)},
    ),
    _lib(
        "skills-matrix",
        "skills_matrix",
        "Transversal skills",
        "The employee places themselves, so does the manager; the gap feeds the discussion.",
        "both",
        ["skills"],
        ["annual", "mobility"],
        options={
            "scale": _scale(MASTERY_SCALE),
            "skills": _skills(
                [
                    "Written and oral communication",
                    "Organisation and prioritisation",
                    "Teamwork and cooperation",
                    "Analysis and problem solving",
                    "Adapting to changes in the job",
                ]
            ),
        },
    ),
    _lib(
        "manager-skills-matrix",
        "skills_matrix",
        "Management skills",
        "For managers: assess on situations that occurred during the period.",
        "both",
        ["skills", "management"],
        ["annual"],
        options={
            "scale": _scale(MASTERY_SCALE),
            "skills": _skills(["Leading a team", "Developing people", "Project management"]),
        },
    ),
    _lib(
        "manager-comment",
        "long_text",
        "Manager's overall assessment",
        "Factual summary. A written record that lists precise faults with an order to "
        "change may count as a disciplinary warning (Cass. soc. 2 February 2022).",
        "manager",
        ["conclusion", "comment"],
        ["annual", "probation_end"],
        required=True,
    ),
    _lib(
        "employee-comment",
        "long_text",
        "Employee's comment on the period",
        "The employee's view of the year, their working conditions and the interview.",
        "employee",
        ["conclusion", "comment"],
        ["annual"],
    ),
    _lib(
        "manager-help",
        "long_text",
        "What could your manager do to support you better?",
        "Open question to the employee; the manager listens and notes concrete ideas.",
        "employee",
        ["management", "support"],
        ["annual", "workload", "probation_end"],
    ),
    _lib(
        "working-conditions",
        "long_text",
        "Your working conditions: tools, environment, organisation",
        "What helps or hinders the daily work; stay on the work.",
        "employee",
        ["working conditions", "organisation"],
        ["annual", "return", "workload"],
    ),
    # Skills and training
    _lib(
        "skills-used",
        "long_text",
        "Which skills do you use most in your job?",
        "Technical know-how and transversal skills, described by the employee.",
        "employee",
        ["skills"],
        ["career", "annual"],
    ),
    _lib(
        "skills-to-develop",
        "long_text",
        "Which skills would you like to develop?",
        "For the current job or for a plan; link them to training needs.",
        "employee",
        ["skills", "development", "training"],
        ["annual", "career", "mobility"],
    ),
    _lib(
        "skills-evolution",
        "long_text",
        "How will your trade and the skills it requires change?",
        "Tools, techniques, regulations, organisation: the manager shares what they know of "
        "the company's plans.",
        "both",
        ["skills", "trade", "change"],
        ["career"],
    ),
    _lib(
        "certifications",
        "short_text",
        "Diplomas, titles or certifications obtained since the last interview",
        "Including skill blocks and certifications obtained through VAE.",
        "employee",
        ["certification", "VAE", "qualifications"],
        ["career", "career_review"],
    ),
    _lib(
        "training-requests",
        "training_requests",
        "Training needs",
        "Purpose, priority and preferred period for each need; HR consolidates them in the "
        "skills development plan.",
        "together",
        ["training"],
        ["annual", "career", "return", "mobility", "probation_end"],
    ),
    _lib(
        "training-followed",
        "long_text",
        "Training followed since the last interview and what it brought you",
        "How what was learnt is used in the job, what should follow.",
        "employee",
        ["training", "review"],
        ["annual", "career", "career_review"],
    ),
    _lib(
        "non-mandatory-training",
        "yes_no",
        "Did the employee follow at least one non-mandatory training action in the period?",
        "Training that conditions the exercise of an activity (L6321-2) is mandatory and does "
        "not count here.",
        "manager",
        ["training", "career review"],
        ["career_review"],
        required=True,
    ),
    _lib(
        "tutoring",
        "yes_no",
        "Would you be interested in a tutoring assignment?",
        "Welcoming a newcomer or an apprentice; tutor training can be offered.",
        "employee",
        ["tutoring", "knowledge transfer"],
        ["career", "annual"],
    ),
    _lib(
        "knowledge-transfer",
        "long_text",
        "Which know-how should be passed on, and to whom?",
        "Key know-how, people to train, means: working in pairs, documentation, in-house training.",
        "both",
        ["knowledge transfer", "tutoring"],
        ["career", "contract_end", "mobility"],
    ),
    # Career path and prospects
    _lib(
        "career-path",
        "long_text",
        "The stages of your career path",
        "Jobs, moves, cross-functional assignments; start from the previous report.",
        "employee",
        ["career path"],
        ["career"],
    ),
    _lib(
        "career-wishes",
        "long_text",
        "What are your career wishes in the short and medium term?",
        "Growing in the job, another job or trade, responsibilities, retraining; having none "
        "is a legitimate answer.",
        "employee",
        ["prospects", "wishes", "career"],
        ["career", "mobility"],
        required=True,
    ),
    _lib(
        "career-schemes",
        "multiple_choice",
        "Schemes that could help you",
        "PTP: certifying course to change trade, funded by Transitions Pro. Skills "
        "assessment: can be paid with the CPF. VAE: vae.gouv.fr.",
        "employee",
        ["retraining", "PTP", "skills assessment", "VAE", "CPF"],
        ["career"],
        options={
            "choices": [
                "Internal mobility",
                "Retraining",
                "Career transition project (PTP)",
                "Skills assessment (bilan de compétences)",
                "Accreditation of prior experience (VAE)",
                "None for now",
            ]
        },
    ),
    _lib(
        "geographic-mobility",
        "single_choice",
        "Would you be open to moving to another site?",
        "To know the options, without commitment; the employee need not justify the answer.",
        "employee",
        ["mobility", "prospects"],
        ["career", "mobility"],
        options={"choices": ["Yes", "Yes, on conditions", "Not for now"]},
    ),
    _lib(
        "cpf-info",
        "yes_no",
        "The employee was told how to activate and use their CPF",
        "Activation on moncompteformation.gouv.fr (identity checked with FranceConnect+).",
        "manager",
        ["CPF", "information"],
        ["career"],
        required=True,
    ),
    _lib(
        "cpf-top-up-info",
        "yes_no",
        "The employee was told about the top-ups the employer can add to their CPF",
        "Top-ups provided by the company or by agreement; if there are none, say so.",
        "manager",
        ["CPF", "top-up", "information"],
        ["career"],
        required=True,
    ),
    _lib(
        "cep-info",
        "yes_no",
        "The employee was told about the free career advice service (CEP)",
        "Free, confidential, independent of the employer: mon-cep.org, Apec for managers.",
        "manager",
        ["CEP", "information"],
        ["career"],
        required=True,
    ),
    _lib(
        "report-copy",
        "yes_no",
        "The employee is told that a copy of the written report will be given to them",
        "Compulsory report (L6315-1); Parcours records the date the copy is made available.",
        "manager",
        ["report", "copy"],
        ["career", "career_review"],
        required=True,
    ),
    _lib(
        "progression",
        "yes_no",
        "Did the employee have salary or professional progression?",
        "Filled from the record, editable: individual raise, promotion, new job or classification.",
        "manager",
        ["progression", "career review"],
        ["career_review"],
        required=True,
    ),
    # Mobility
    _lib(
        "mobility-motivation",
        "long_text",
        "What motivates this change of job?",
        "At the employee's or the company's initiative; what the employee expects from it.",
        "employee",
        ["mobility", "motivation"],
        ["mobility"],
    ),
    _lib(
        "transferable-skills",
        "long_text",
        "Which of your skills will you be able to reuse?",
        "Know-how, knowledge of products, customers, tools.",
        "both",
        ["mobility", "skills"],
        ["mobility", "career"],
    ),
    _lib(
        "onboarding-plan",
        "long_text",
        "Onboarding plan for the job",
        "Overlap, tutor or reference person, people to meet, check-ins.",
        "together",
        ["onboarding", "support"],
        ["mobility", "return", "probation_end"],
    ),
    _lib(
        "handover",
        "long_text",
        "Files, know-how and equipment to hand over",
        "Current files and their status, to whom, by when; access rights to transfer or "
        "close (never a password here).",
        "both",
        ["handover", "knowledge transfer"],
        ["mobility", "contract_end"],
    ),
    # Return to work
    _lib(
        "return-changes",
        "long_text",
        "What changed during your absence",
        "Prepared by the manager: team, organisation, tools, projects, new rules.",
        "manager",
        ["return", "changes"],
        ["return"],
        required=True,
    ),
    _lib(
        "return-needs",
        "multiple_choice",
        "Needs for resuming the job",
        "The detailed actions go in the decisions.",
        "together",
        ["return", "needs"],
        ["return"],
        options={
            "choices": [
                "Update on current files",
                "Refresher on tools",
                "Training",
                "A buddy or tutor",
                "Adjusted working time",
                "No particular need",
            ]
        },
    ),
    _lib(
        "return-arrangements",
        "long_text",
        "Adjustments to the organisation or working time requested",
        "Part-time, hours, remote work. No medical question: an adjustment recommended by the "
        "occupational doctor applies without discussing its reason.",
        "both",
        ["return", "working time", "organisation"],
        ["return"],
    ),
    _lib(
        "return-career-offered",
        "yes_no",
        "A career interview was offered to the employee",
        "To be offered on return from the leaves listed in L6315-1, unless one was held in "
        "the previous 12 months.",
        "manager",
        ["return", "career"],
        ["return"],
        required=True,
    ),
    # Days-based contract and balance
    _lib(
        "workload-rating",
        "rating",
        "How would you describe your workload?",
        "A heavy or excessive workload calls for concrete, dated measures.",
        "both",
        ["workload", "days-based contract"],
        ["workload", "annual"],
        required=True,
        options={"scale": _scale(WORKLOAD_SCALE)},
    ),
    _lib(
        "workload-causes",
        "long_text",
        "Busy periods and their causes",
        "Peaks, files, interruptions, meetings, travel; what can be lightened.",
        "both",
        ["workload"],
        ["workload", "annual"],
    ),
    _lib(
        "work-organisation",
        "long_text",
        "Organisation of work and length of the working day",
        "Spread of days, span of the day, late meetings, freedom in organising one's schedule.",
        "both",
        ["organisation of work", "days-based contract"],
        ["workload"],
    ),
    _lib(
        "rest-periods",
        "yes_no",
        "Are the daily (11 hours) and weekly (35 hours) rest periods respected?",
        "If not, note what prevents taking them and the measure decided.",
        "both",
        ["rest", "days-based contract"],
        ["workload"],
        required=True,
    ),
    _lib(
        "work-life-balance",
        "long_text",
        "Balance between your work and your private life",
        "The employee says whether they manage to reconcile the two, without detailing their "
        "private situation.",
        "employee",
        ["balance", "private life"],
        ["workload", "annual", "return"],
    ),
    _lib(
        "disconnection",
        "yes_no",
        "Is the right to disconnect effective (evenings, weekends, holidays)?",
        "Recall the company's rules on disconnecting (L2242-17).",
        "both",
        ["right to disconnect", "balance"],
        ["workload", "annual"],
    ),
    _lib(
        "pay",
        "long_text",
        "Your pay in relation to your workload and responsibilities",
        "A compulsory topic of the days-based contract interview (L3121-64); a review request "
        "follows the pay review process.",
        "employee",
        ["pay", "days-based contract"],
        ["workload"],
    ),
    # End of probation
    _lib(
        "probation-integration",
        "long_text",
        "How did joining the company go?",
        "Welcome, tools, on-the-job training, working relations, missing information.",
        "both",
        ["onboarding", "probation"],
        ["probation_end"],
    ),
    _lib(
        "probation-view",
        "long_text",
        "Does the job match what was presented to you?",
        "What suits, what surprises, the remaining questions.",
        "employee",
        ["probation"],
        ["probation_end"],
    ),
    _lib(
        "probation-decision",
        "single_choice",
        "Decision at the end of the probation period",
        "Ending the probation: notice of L1221-25 (24 h under 8 days of presence, 48 h from "
        "8 days to 1 month, 2 weeks after 1 month, 1 month after 3 months). Renewal: the "
        "employee's written consent before the end.",
        "manager",
        ["probation", "decision"],
        ["probation_end"],
        required=True,
        options={
            "choices": [
                "Confirmed in the job",
                "Probation period renewed",
                "Probation period ended",
            ]
        },
    ),
    # Corrective
    _lib(
        "observed-facts",
        "long_text",
        "Facts observed (dates and situations)",
        "Precise, dated, verifiable, work-related facts; no judgement of the person. An oral "
        "corrective talk is not a sanction (L1331-1).",
        "manager",
        ["corrective", "facts"],
        ["corrective"],
        required=True,
    ),
    _lib(
        "expectations",
        "long_text",
        "What is expected from now on",
        "What is expected, from when, and how it will be observed.",
        "manager",
        ["corrective", "expectations"],
        ["corrective"],
        required=True,
    ),
    _lib(
        "follow-up-date",
        "date",
        "Follow-up meeting date",
        "Usually 4 to 8 weeks later.",
        "manager",
        ["follow-up"],
        ["corrective", "return", "probation_end"],
    ),
    # End of contract
    _lib(
        "exit-feedback",
        "long_text",
        "Your feedback on your time in the company",
        "Optional: welcome, organisation, tools, management, training.",
        "employee",
        ["departure", "feedback"],
        ["contract_end"],
    ),
    _lib(
        "exit-satisfaction",
        "rating",
        "Overall satisfaction with your time in the company",
        "The employee's view, to improve onboarding and working conditions.",
        "employee",
        ["departure", "satisfaction"],
        ["contract_end"],
        options={"scale": _scale(SATISFACTION_SCALE)},
    ),
    _lib(
        "keep-in-touch",
        "yes_no",
        "Would you like us to keep in touch?",
        "Only with the employee's consent, which can be withdrawn at any time.",
        "employee",
        ["departure", "alumni"],
        ["contract_end"],
    ),
    # Every grid
    _lib(
        "decisions",
        "decisions",
        "Decisions and follow-up actions",
        "Each action with its owner and due date; they are followed in the register of decisions.",
        "together",
        ["decisions", "follow-up"],
        [],
    ),
    _lib(
        "final-comment",
        "final_comment",
        "Employee's final comment",
        "Agreement or disagreement with the report, remarks; signing shows the report was read.",
        "employee",
        ["conclusion", "signature"],
        [],
    ),
]

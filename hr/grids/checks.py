"""What stands between a draft and publication, and wording that courts have struck.

`publish_problems(version)` lists problems; blocking ones prevent publishing,
warnings are shown with their reason and left to HR's judgement.

Legal grounds (see shared/design/LEGAL.md):
- a career interview (L6315-1) must not evaluate the work: no performance rating,
  score or objective achievement in a `career` grid — blocking;
- evaluation criteria must be precise, objective and job-related (L1222-2,
  L1222-3); moral or personality criteria ("optimisme", "honnêteté", "bon sens")
  made a whole system unlawful (Cass. soc. 15 October 2025) — warning;
- no question may invite health, pregnancy, family, union, religious or political
  information (L1132-1, RGPD / CNIL référentiel "gestion du personnel") — warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import gettext as _

from hr.grids.models import RATED_KINDS, GridQuestion, GridVersion, QuestionKind
from hr.people.models import normalize

# Minutes an interview spends on a question of each kind, for the length estimate.
MINUTES = {
    QuestionKind.SHORT_TEXT: 2,
    QuestionKind.LONG_TEXT: 5,
    QuestionKind.RATING: 2,
    QuestionKind.SINGLE_CHOICE: 1,
    QuestionKind.MULTIPLE_CHOICE: 2,
    QuestionKind.YES_NO: 1,
    QuestionKind.DATE: 1,
    QuestionKind.NUMBER: 1,
    QuestionKind.OBJECTIVES_REVIEW: 10,
    QuestionKind.NEW_OBJECTIVES: 10,
    QuestionKind.TRAINING_REQUESTS: 5,
    QuestionKind.SKILLS_MATRIX: 8,
    QuestionKind.DECISIONS: 5,
    QuestionKind.FINAL_COMMENT: 3,
}
LONG_GRID_MINUTES = 90

# Regular expressions over accent-free, lower-case text. Word-final forms are spelled
# out (plurals, feminine) so that "loyal" does not catch "loyalement", nor "conjoint"
# "conjointement".
PERSONALITY_WORDS = (
    r"optimism(e|es)?",
    r"optimistes?",
    r"honnetete",
    r"honnetes?",
    r"bon sens",
    r"attitudes?",
    r"personnalites?",
    r"loyaute",
    r"loyal(e|es|aux)?",
    r"(bon|mauvais|sale|fort) caractere",
    r"traits? de caractere",
    r"enthousiasme",
    r"sens moral",
    r"moralite",
    r"esprit positif",
    r"honesty",
    r"common sense",
    r"personality",
    r"personalities",
    r"loyalty",
    r"loyal",
    r"character traits?",
    r"enthusiasm",
)
SENSITIVE_WORDS = (
    r"sante",
    r"maladies?",
    r"malades?",
    r"handicaps?",
    r"enceinte",
    r"grossesses?",
    r"maternite",
    r"enfants?",
    r"conjoints?",
    r"mariages?",
    r"situation familiale",
    r"vie familiale",
    r"syndicats?",
    r"syndicale?s?",
    r"syndique(e|s|es)?",
    r"greves?",
    r"religions?",
    r"religieu(x|se|ses)",
    r"croyances?",
    r"opinions? politiques?",
    r"partis? politiques?",
    r"orientation sexuelle",
    r"health",
    r"illness(es)?",
    r"sick",
    r"disabilit(y|ies)",
    r"disabled",
    r"pregnan(t|cy)",
    r"children",
    r"spouse",
    r"marital",
    r"trade unions?",
    r"union members?(hip)?",
    r"strikes?",
    r"religio(n|ns|us)",
    r"political",
    r"sexual orientation",
)
# Official names of leaves, services and mandates, which the law itself uses: naming
# them is not asking for private information.
ALLOWED_PHRASES = (
    "sante au travail",
    "sante et securite",
    "sante et la securite",
    "sante-securite",
    "conge de maternite",
    "conge maternite",
    "longue maladie",
    "maladie professionnelle",
    "mandat syndical",
    "representant syndical",
    "delegue syndical",
    "health and safety",
    "occupational health",
    "sick leave",
    "strike a balance",
)
CAREER_EVALUATION_WORDS = (
    r"performances?",
    r"evaluation de (votre|son|leur) travail",
    r"objectifs atteints",
    r"atteinte des objectifs",
    r"notation",
    r"rating",
    r"appraisal",
    r"achievement of (the )?objectives",
)


def _pattern(words) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


_PERSONALITY = _pattern(PERSONALITY_WORDS)
_SENSITIVE = _pattern(SENSITIVE_WORDS)
_CAREER_EVAL = _pattern(CAREER_EVALUATION_WORDS)
_ALLOWED = re.compile("|".join(re.escape(p) for p in ALLOWED_PHRASES))


@dataclass
class Problem:
    blocking: bool
    message: str
    question_id: int | None = None
    section_id: int | None = None


def _texts(question: GridQuestion) -> str:
    parts = [question.label, question.help_text or ""]
    options = question.options or {}
    parts += [str(c) for c in options.get("choices", [])]
    return _ALLOWED.sub(" ", normalize(" ".join(parts)))


def estimated_minutes(version: GridVersion) -> int:
    return sum(MINUTES[QuestionKind(q.kind)] for s in version.sections for q in s.questions)


def _question_problems(question: GridQuestion, career: bool) -> list[Problem]:
    problems: list[Problem] = []
    kind = QuestionKind(question.kind)
    options = question.options or {}
    where = dict(question_id=question.id, section_id=question.section_id)
    label = question.label

    if kind in RATED_KINDS:
        levels = (options.get("scale") or {}).get("levels") or []
        values = [lvl.get("value") for lvl in levels]
        if len(levels) < 2 or len(set(values)) != len(values):
            problems.append(
                Problem(
                    True,
                    _(
                        "“%(q)s”: the rating scale needs at least two levels with distinct values.",
                        q=label,
                    ),
                    **where,
                )
            )
    if kind == QuestionKind.SKILLS_MATRIX and not options.get("skills"):
        problems.append(Problem(True, _("“%(q)s”: choose the skills to rate.", q=label), **where))
    if (
        kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
        and len(options.get("choices") or []) < 2
    ):
        problems.append(Problem(True, _("“%(q)s”: give at least two choices.", q=label), **where))
    if career and kind in (QuestionKind.RATING, QuestionKind.OBJECTIVES_REVIEW):
        problems.append(
            Problem(
                True,
                _(
                    "“%(q)s”: a career interview may not rate performance or review objectives "
                    "(Code du travail L6315-1: it is not an evaluation of the work).",
                    q=label,
                ),
                **where,
            )
        )
    text = _texts(question)
    if career and _CAREER_EVAL.search(text):
        problems.append(
            Problem(
                False,
                _(
                    "“%(q)s” reads like an evaluation of the work, which a career interview must not be "
                    "(L6315-1).",
                    q=label,
                ),
                **where,
            )
        )
    if match := _PERSONALITY.search(text):
        problems.append(
            Problem(
                False,
                _(
                    "“%(q)s” mentions “%(word)s”: personality or moral traits are not objective, "
                    "job-related criteria; courts struck down grids using them (Cass. soc. "
                    "15 October 2025).",
                    q=label,
                    word=match.group(1),
                ),
                **where,
            )
        )
    if match := _SENSITIVE.search(text):
        problems.append(
            Problem(
                False,
                _(
                    "“%(q)s” mentions “%(word)s”: it may invite health, pregnancy, family, union, "
                    "religious or political information, which must not be collected.",
                    q=label,
                    word=match.group(1),
                ),
                **where,
            )
        )
    return problems


def publish_problems(version: GridVersion) -> list[Problem]:
    """Blocking problems first, then warnings."""
    career = version.grid.interview_type.code == "career"
    problems: list[Problem] = []
    questions = [q for s in version.sections for q in s.questions]
    if not questions:
        problems.append(Problem(True, _("The grid has no question yet.")))
    for section in version.sections:
        intro = _ALLOWED.sub(" ", normalize(f"{section.title} {section.intro or ''}"))
        if match := _SENSITIVE.search(intro) or _PERSONALITY.search(intro):
            problems.append(
                Problem(
                    False,
                    _(
                        "Section “%(s)s” mentions “%(word)s”: check that it invites no private or "
                        "subjective information.",
                        s=section.title,
                        word=match.group(1),
                    ),
                    section_id=section.id,
                )
            )
        if not section.questions:
            problems.append(
                Problem(
                    False,
                    _("Section “%(s)s” has no question.", s=section.title),
                    section_id=section.id,
                )
            )
        if section.scored:
            if career:
                problems.append(
                    Problem(
                        True,
                        _(
                            "Section “%(s)s” is scored: a career interview may not compute scores "
                            "(L6315-1).",
                            s=section.title,
                        ),
                        section_id=section.id,
                    )
                )
            rated = [q for q in section.questions if QuestionKind(q.kind) in RATED_KINDS]
            total = sum(q.weight or 0 for q in rated)
            if not rated:
                problems.append(
                    Problem(
                        True,
                        _("Section “%(s)s” is scored but has no rated question.", s=section.title),
                        section_id=section.id,
                    )
                )
            elif total != 100 or any(q.weight is None for q in rated):
                problems.append(
                    Problem(
                        True,
                        _(
                            "Section “%(s)s”: the weights of its rated questions total %(total)d, "
                            "not 100.",
                            s=section.title,
                            total=total,
                        ),
                        section_id=section.id,
                    )
                )
        for question in section.questions:
            if career and QuestionKind(question.kind) == QuestionKind.SKILLS_MATRIX:
                problems.append(
                    Problem(
                        False,
                        _(
                            "“%(q)s”: in a career interview, rate skills as the employee sees them and "
                            "their development, never the performance.",
                            q=question.label,
                        ),
                        question_id=question.id,
                        section_id=section.id,
                    )
                )
            problems += _question_problems(question, career)
    minutes = estimated_minutes(version)
    if minutes > LONG_GRID_MINUTES:
        problems.append(
            Problem(
                False,
                _(
                    "About %(min)d minutes of questions: long grids turn the interview into "
                    "form-filling. Consider removing some.",
                    min=minutes,
                ),
            )
        )
    return sorted(problems, key=lambda p: not p.blocking)

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

# Stems matched at the start of a word, accent- and case-insensitive.
PERSONALITY_WORDS = (
    "optimism",
    "optimiste",
    "honnetete",
    "honnete",
    "bon sens",
    "attitude",
    "personnalite",
    "loyaute",
    "loyal",
    "caractere",
    "enthousiasme",
    "sens moral",
    "moralite",
    "esprit positif",
    "honesty",
    "common sense",
    "personality",
    "loyalty",
    "character",
    "enthusiasm",
)
SENSITIVE_WORDS = (
    "sante",
    "maladie",
    "malade",
    "handicap",
    "enceinte",
    "grossesse",
    "maternite",
    "enfant",
    "conjoint",
    "mariage",
    "situation familiale",
    "vie familiale",
    "syndicat",
    "syndical",
    "greve",
    "religion",
    "religieu",
    "croyance",
    "opinion politique",
    "opinions politiques",
    "parti politique",
    "orientation sexuelle",
    "health",
    "illness",
    "sick",
    "disability",
    "pregnan",
    "children",
    "spouse",
    "marital",
    "trade union",
    "union member",
    "strike",
    "religio",
    "political",
)
CAREER_EVALUATION_WORDS = (
    "performance",
    "evaluation de votre travail",
    "objectifs atteints",
    "atteinte des objectifs",
    "notation",
    "rating",
    "appraisal",
    "achievement of objectives",
)


def _pattern(words) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


_PERSONALITY = _pattern(PERSONALITY_WORDS)
_SENSITIVE = _pattern(SENSITIVE_WORDS)
_CAREER_EVAL = _pattern(CAREER_EVALUATION_WORDS)


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
    return normalize(" ".join(parts))


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

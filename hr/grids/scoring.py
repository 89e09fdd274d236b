"""Weighted scores of scored sections, and overall.

A rated answer counts as the position of its value between the scale's lowest and
highest value (0–100). "Not assessed" answers and unanswered questions are left out
and the remaining weights are rescaled, so skipping a question never lowers a score.
"""

from __future__ import annotations

from hr.grids.models import RATED_KINDS, GridVersion, QuestionKind


def _percent(value, levels: list[dict]) -> float | None:
    values = [lvl["value"] for lvl in levels]
    if value is None or value not in values or max(values) == min(values):
        return None
    return 100 * (value - min(values)) / (max(values) - min(values))


def _question_percent(question, answer) -> float | None:
    levels = (question.options.get("scale") or {}).get("levels") or []
    if QuestionKind(question.kind) == QuestionKind.SKILLS_MATRIX:
        ratings = [_percent(v, levels) for v in (answer or {}).values()]
        ratings = [r for r in ratings if r is not None]
        return sum(ratings) / len(ratings) if ratings else None
    return _percent(answer, levels)


def section_scores(version: GridVersion, answers: dict[int, object]) -> dict[int, float]:
    """{section id: score 0–100} for scored sections with at least one rated answer.
    `answers` maps question id → value (a level value, or {skill: value} for matrices)."""
    scores = {}
    for section in version.sections:
        if not section.scored:
            continue
        total = weight = 0.0
        for q in section.questions:
            if QuestionKind(q.kind) not in RATED_KINDS or not q.weight:
                continue
            pct = _question_percent(q, answers.get(q.id))
            if pct is not None:
                total += pct * q.weight
                weight += q.weight
        if weight:
            scores[section.id] = round(total / weight, 1)
    return scores


def overall_score(version: GridVersion, answers: dict[int, object]) -> float | None:
    """The mean of the section scores (each scored section counts the same)."""
    scores = section_scores(version, answers)
    return round(sum(scores.values()) / len(scores), 1) if scores else None

"""The content Parcours ships (hr/grids/shipped): every grid publishes cleanly, every
interview type is covered in both languages, the legal content is there, and loading
is idempotent and audited."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.grids import checks, services
from hr.grids.models import (
    BUILTIN_TYPES,
    RATED_KINDS,
    Grid,
    GridQuestion,
    GridSection,
    GridVersion,
    LibraryQuestion,
    QuestionKind,
    RatingScale,
    Skill,
    VersionStatus,
)
from hr.grids.shipped import LANGUAGES, content, load_shipped
from hr.people.models import normalize

MODELS = (Grid, GridVersion, GridSection, GridQuestion, LibraryQuestion, RatingScale, Skill)


@pytest.fixture
def loaded(db):
    counts = {language: load_shipped(language) for language in LANGUAGES}
    db.session.flush()
    return counts


def _grid(code: str) -> Grid:
    return services.db.session.scalar(sa.select(Grid).where(Grid.code == code))


def _text(version: GridVersion) -> str:
    """All the words of a version: titles, intros, labels, help texts, choices."""
    parts = []
    for section in version.sections:
        parts += [section.title, section.intro or ""]
        for q in section.questions:
            parts += [q.label, q.help_text or "", *(q.options or {}).get("choices", [])]
    return normalize(" ".join(parts))


def _row_counts(db) -> dict:
    return {
        m.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(m)) for m in MODELS
    }


def _specs(type_code: str | None = None):
    for language in LANGUAGES:
        for spec in content(language).GRIDS:
            if type_code is None or spec["type"] == type_code:
                yield language, spec


def test_every_shipped_grid_is_published_clean_and_of_its_type(loaded):
    for language, spec in _specs():
        assert spec["code"].endswith(f"-{language}")
        grid = _grid(spec["code"])
        assert grid is not None, spec["code"]
        assert grid.interview_type.code == spec["type"]
        assert grid.name == spec["name"]
        assert len(grid.versions) == 1
        version = services.published_version(grid)
        assert version is not None and version.status == VersionStatus.PUBLISHED
        problems = checks.publish_problems(version)
        assert [p.message for p in problems] == [], spec["code"]
        minutes = checks.estimated_minutes(version)
        assert 20 <= minutes <= 70, (spec["code"], minutes)


def test_every_interview_type_has_a_shipped_grid_in_each_language(loaded):
    for language in LANGUAGES:
        types = {spec["type"] for spec in content(language).GRIDS}
        assert set(BUILTIN_TYPES) <= types, (language, set(BUILTIN_TYPES) - types)


def test_first_load_creates_everything_the_modules_list(loaded):
    for language in LANGUAGES:
        module = content(language)
        assert loaded[language] == {
            "scales": len(module.SCALES),
            "skills": len(module.SKILLS),
            "library_questions": len(module.LIBRARY),
            "grids": len(module.GRIDS),
        }
        assert 40 <= len(module.LIBRARY) <= 60
        assert 15 <= len(module.SKILLS) <= 20


def test_english_mirrors_french():
    fr, en = content("fr"), content("en")

    def shape(module):
        return (
            [s["code"][:-3] for s in module.SCALES],
            [
                (
                    g["code"][:-3],
                    g["type"],
                    [
                        (
                            s["scored"],
                            [(q["kind"], q["answered_by"], q["weight"]) for q in s["questions"]],
                        )
                        for s in g["sections"]
                    ],
                )
                for g in module.GRIDS
            ],
            [(i["code"][:-3], i["kind"], i["interview_types"]) for i in module.LIBRARY],
        )

    assert shape(fr) == shape(en)
    assert len(fr.SKILLS) == len(en.SKILLS)


def test_scales_cover_evaluation_objectives_mastery_and_workload(loaded):
    scales = {s.code: s for s in services.db.session.scalars(sa.select(RatingScale))}
    labels = {code: [lvl["label"] for lvl in s.levels] for code, s in scales.items()}
    assert len(labels["evaluation4-fr"]) == 4
    assert labels["objectives4-fr"] == [
        "Non atteint",
        "Partiellement atteint",
        "Atteint",
        "Dépassé",
    ]
    assert labels["mastery4-fr"] == ["Notions", "Pratique", "Maîtrise", "Expertise"]
    assert labels["workload4-fr"][0] == "Charge insuffisante"
    assert labels["workload4-fr"][-1] == "Charge excessive"
    for language in LANGUAGES:
        for spec in content(language).SCALES:
            values = [lvl["value"] for lvl in scales[spec["code"]].levels]
            assert values == sorted(set(values)) and len(values) >= 2


def test_questions_point_at_the_referential_rows(loaded):
    """Shipped questions carry the ids of their scale and skills, as the editor does."""
    skills = {s.name: s.id for s in services.db.session.scalars(sa.select(Skill))}
    scales = {s.name: s.id for s in services.db.session.scalars(sa.select(RatingScale))}
    questions = list(services.db.session.scalars(sa.select(GridQuestion)))
    questions += list(services.db.session.scalars(sa.select(LibraryQuestion)))
    for q in questions:
        options = q.options or {}
        if QuestionKind(q.kind) in RATED_KINDS:
            assert options["scale"]["id"] == scales[options["scale"]["name"]], q.label
        for skill in options.get("skills", []):
            assert skill["id"] == skills[skill["name"]], (q.label, skill)


def test_scored_sections_total_100_and_annual_has_at_most_one(loaded):
    for _language, spec in _specs():
        scored = [s for s in spec["sections"] if s["scored"]]
        if spec["type"] == "annual":
            assert len(scored) <= 1
        for section in scored:
            rated = [q for q in section["questions"] if QuestionKind(q["kind"]) in RATED_KINDS]
            assert rated and sum(q["weight"] for q in rated) == 100
        for section in spec["sections"]:
            for q in section["questions"]:
                if q["weight"] is not None:
                    assert section["scored"] and QuestionKind(q["kind"]) in RATED_KINDS


def test_annual_grid_is_complete_and_has_no_personality_criteria(loaded):
    for language, spec in _specs("annual"):
        version = services.published_version(_grid(spec["code"]))
        kinds = {QuestionKind(q.kind) for s in version.sections for q in s.questions}
        assert {
            QuestionKind.OBJECTIVES_REVIEW,
            QuestionKind.NEW_OBJECTIVES,
            QuestionKind.TRAINING_REQUESTS,
            QuestionKind.SKILLS_MATRIX,
            QuestionKind.FINAL_COMMENT,
        } <= kinds, language
        text = _text(version)
        assert not checks._PERSONALITY.search(text)
        for word in ("attitude", "optimisme", "honnetete", "bon sens", "loyaute", "personnalite"):
            assert word not in text


def test_career_grids_never_evaluate_the_work(loaded):
    specs = list(_specs("career"))
    assert {spec["code"] for _l, spec in specs} == {
        f"{base}-{language}"
        for base in ("career", "career-mid", "career-pre60")
        for language in LANGUAGES
    }
    forbidden = {QuestionKind.RATING, QuestionKind.OBJECTIVES_REVIEW, QuestionKind.SKILLS_MATRIX}
    for _language, spec in specs:
        version = services.published_version(_grid(spec["code"]))
        assert not any(s.scored for s in version.sections)
        assert not any(
            QuestionKind(q.kind) in forbidden for s in version.sections for q in s.questions
        )
        assert not checks._CAREER_EVAL.search(_text(version))


def test_career_grids_cover_the_legal_themes(loaded):
    themes = {
        "fr": (
            "competences",
            "qualifications",
            "parcours",
            "formation",
            "reconversion",
            "transition professionnelle",
            "bilan de competences",
            "vae",
            "cpf",
            "abondement",
            "conseil en evolution professionnelle",
            "copie",
        ),
        "en": (
            "skills",
            "qualifications",
            "career path",
            "training",
            "retraining",
            "career transition project",
            "skills assessment",
            "vae",
            "cpf",
            "top-up",
            "career advice",
            "copy",
        ),
    }
    for language, spec in _specs("career"):
        version = services.published_version(_grid(spec["code"]))
        text = _text(version)
        for theme in themes[language]:
            assert theme in text, (spec["code"], theme)
        kinds = [QuestionKind(q.kind) for s in version.sections for q in s.questions]
        assert QuestionKind.DATE in kinds  # the date the information was given
        assert QuestionKind.TRAINING_REQUESTS in kinds


def test_career_variants_add_their_topics_without_medical_questions(loaded):
    topics = {
        "career-mid-fr": (
            "visite medicale de mi-carriere",
            "usure professionnelle",
            "seconde partie de carriere",
        ),
        "career-mid-en": ("mid-career medical visit", "wear and tear", "second half"),
        "career-pre60-fr": (
            "maintien dans l'emploi",
            "temps partiel",
            "retraite progressive",
            "transmission",
        ),
        "career-pre60-en": (
            "staying in employment",
            "part-time",
            "progressive retirement",
            "passing on skills",
        ),
    }
    for code, words in topics.items():
        version = services.published_version(_grid(code))
        text = _text(version)
        for word in words:
            assert word in text, (code, word)
        assert not checks._SENSITIVE.search(text), code


def test_career_review_checks_the_four_legal_points(loaded):
    for language, spec in _specs("career_review"):
        version = services.published_version(_grid(spec["code"]))
        text = _text(version)
        words = {
            "fr": (
                "entretiens de parcours",
                "non obligatoire",
                "certification",
                "vae",
                "progression salariale",
                "rempli depuis le dossier, modifiable",
            ),
            "en": (
                "career interviews",
                "non-mandatory",
                "certification",
                "vae",
                "salary or professional progression",
                "filled from the record, editable",
            ),
        }[language]
        for word in words:
            assert word in text, (spec["code"], word)
        yes_no = [
            q
            for s in version.sections
            for q in s.questions
            if QuestionKind(q.kind) == QuestionKind.YES_NO
        ]
        assert len(yes_no) >= 4


def test_return_grid_leaves_medical_matters_to_the_occupational_doctor(loaded):
    for language, spec in _specs("return"):
        version = services.published_version(_grid(spec["code"]))
        text = _text(version)
        assert ("medecin du travail" if language == "fr" else "occupational doctor") in text
        assert not checks._SENSITIVE.search(text)


def test_corrective_grid_mentions_l1331_1_and_the_written_warning_risk(loaded):
    for language, spec in _specs("corrective"):
        version = services.published_version(_grid(spec["code"]))
        assert "L1331-1" in version.sections[0].intro
        text = _text(version)
        assert "l1331-1" in text and "l1332-4" in text
        assert ("avertissement" if language == "fr" else "warning") in text
        kinds = {QuestionKind(q.kind) for s in version.sections for q in s.questions}
        assert {QuestionKind.DATE, QuestionKind.DECISIONS} <= kinds


def test_probation_grid_gives_the_notice_periods(loaded):
    for language, spec in _specs("probation_end"):
        text = _text(services.published_version(_grid(spec["code"])))
        assert "l1221-25" in text
        for delay in (
            ("24 heures", "48 heures", "2 semaines", "1 mois")
            if language == "fr"
            else ("24 hours", "48 hours", "2 weeks", "1 month")
        ):
            assert delay in text, (spec["code"], delay)


def test_workload_grid_covers_the_four_legal_topics(loaded):
    topics = {
        "fr": (
            "charge de travail",
            "organisation du travail",
            "vie personnelle",
            "remuneration",
            "deconnexion",
        ),
        "en": ("workload", "organisation of work", "private life", "pay", "disconnect"),
    }
    for language, spec in _specs("workload"):
        version = services.published_version(_grid(spec["code"]))
        text = _text(version)
        for topic in topics[language]:
            assert topic in text, (spec["code"], topic)
        assert "vie familiale" not in text
        kinds = {QuestionKind(q.kind) for s in version.sections for q in s.questions}
        assert QuestionKind.DECISIONS in kinds


def test_library_questions_pass_the_wording_checks(loaded):
    items = list(services.db.session.scalars(sa.select(LibraryQuestion)))
    assert len(items) == sum(len(content(lang).LIBRARY) for lang in LANGUAGES)
    for item in items:
        assert item.language == item.code[-2:]
        assert item.weight is None and item.search_key
        assert set(item.interview_types) <= set(BUILTIN_TYPES), item.code
        question = GridQuestion(**item.content())
        problems = checks._question_problems(question, career="career" in item.interview_types)
        assert [p.message for p in problems] == [], item.code


def test_library_search_finds_shipped_questions(loaded):
    french = services.search_library("formation")
    assert any(i.code == "lib-training-requests-fr" for i in french)
    assert any(i.code == "lib-training-followed-fr" for i in french)
    assert any(i.code == "lib-work-life-balance-fr" for i in services.search_library("équilibre"))
    assert any(i.code == "lib-training-requests-en" for i in services.search_library("training"))
    workload = {i.code for i in services.search_library("", "workload", limit=500)}
    assert {"lib-workload-rating-fr", "lib-pay-en", "lib-decisions-fr"} <= workload
    assert "lib-observed-facts-fr" not in workload


def test_loading_twice_creates_nothing_and_the_first_load_is_audited(loaded, db):
    before = _row_counts(db)
    events = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))
    for language in LANGUAGES:
        assert load_shipped(language) == {
            "scales": 0,
            "skills": 0,
            "library_questions": 0,
            "grids": 0,
        }
    db.session.flush()
    assert _row_counts(db) == before
    assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id))) == events

    def audited(entity: str, action: str) -> set[str]:
        return set(
            db.session.scalars(
                sa.select(AuditEvent.entity_id).where(
                    AuditEvent.entity_type == entity, AuditEvent.action == action
                )
            )
        )

    grids = db.session.scalars(sa.select(Grid).where(Grid.code.is_not(None))).all()
    assert {str(g.id) for g in grids} <= audited("grid", "create")
    assert {str(g.versions[0].id) for g in grids} <= audited("grid_version", "publish")
    for model, entity in (
        (LibraryQuestion, "library_question"),
        (RatingScale, "rating_scale"),
        (Skill, "skill"),
    ):
        ids = {str(i) for i in db.session.scalars(sa.select(model.id))}
        assert ids and ids <= audited(entity, "create"), entity


def test_loading_an_unknown_language_is_refused(db):
    with pytest.raises(ValueError):
        load_shipped("de")


def test_only_hr_may_load_shipped_content(db, company):
    with pytest.raises(PermissionError):
        load_shipped("fr", actor=company.users["employee"])
    assert load_shipped("fr", actor=company.users["hr"])["grids"] == len(content("fr").GRIDS)


def test_load_grids_command_prints_counts_then_zeros(app, db):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["hr", "load-grids", "--language", "en"])
    assert first.exit_code == 0, first.output
    module = content("en")
    assert f"{len(module.GRIDS)} grids" in first.output
    assert f"{len(module.LIBRARY)} library questions" in first.output
    second = runner.invoke(args=["hr", "load-grids", "--language", "en"])
    assert second.exit_code == 0, second.output
    assert "0 grids, 0 library questions, 0 rating scales, 0 skills" in second.output
    refused = runner.invoke(args=["hr", "load-grids", "--language", "de"])
    assert refused.exit_code != 0


def test_demo_company_gets_the_french_grids(db):
    from hr.demo.seed import seed_demo

    seed_demo(employees=30, seed=5)
    codes = set(db.session.scalars(sa.select(Grid.code)))
    assert {spec["code"] for spec in content("fr").GRIDS} <= codes

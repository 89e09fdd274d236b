"""No change without its trace: a scripted life of the product through its services,
where every step that writes to the database must also write an audit event about
the kind of record it changed, in the same transaction.

The statements each step sends are watched at the engine (INSERT/UPDATE/DELETE per
table); the events it added are read back. A service that changes a table without
an event, or a new table nobody mapped to its kind of record, fails here.
"""

from __future__ import annotations

import importlib
import re
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from sqlalchemy import event

from hr import audit
from hr.audit.models import AuditEvent
from hr.extensions import db

# Which kinds of record (audit entity types) may account for a write to each table.
ACCEPT: dict[str, set[str]] = {
    "users": {"user"},
    "employees": {"employee"},
    "departments": {"department"},
    "sites": {"site"},
    "import_batches": {"import"},
    "settings": {"settings"},
    "interview_types": {"interview_type"},
    "grids": {"grid"},
    "grid_versions": {"grid_version", "grid"},
    "grid_sections": {"grid_section", "grid_version", "grid"},
    "grid_questions": {"grid_question", "grid_section", "grid_version", "grid"},
    "library_questions": {"library_question"},
    "rating_scales": {"rating_scale"},
    "skills": {"skill"},
    "interviews": {"interview"},
    "answers": {"interview"},
    "signatures": {"interview"},
    "addenda": {"interview"},
    "objectives": {"objective"},
    "training_requests": {"training_request"},
    "follow_up_actions": {"follow_up_action"},
    "campaigns": {"campaign"},
    "feed_tokens": {"feed_token"},
    # An e-mail queued because of an audited change: any event of the same step.
    "mail_outbox": {"mail", "*"},
    "absences": {"absence"},
    "mandates": {"mandate"},
    "penalty_payments": {"penalty"},
    "progressions": {"progression"},
    "training_records": {"training_record"},
}
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


class Watch:
    """Tables written and events added, step by step."""

    def __init__(self):
        self.tables: set[str] | None = None
        self.log: list[tuple[str, set[str], list[AuditEvent]]] = []

    def before_cursor_execute(self, conn, cursor, statement, *args):
        match = WRITE.match(statement)
        if match and self.tables is not None:
            self.tables.add(match.group(1).lower())

    @contextmanager
    def step(self, name: str):
        db.session.flush()
        last = db.session.scalar(sa.select(sa.func.max(AuditEvent.id))) or 0
        self.tables = set()
        try:
            yield
            db.session.commit()
        finally:
            tables, self.tables = self.tables - {"audit_events"}, None
        events = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.id > last).order_by(AuditEvent.id)
        ).all()
        self.log.append((name, tables, events))
        kinds = {e.entity_type for e in events}
        for table in sorted(tables):
            assert table in ACCEPT, f"{name}: table {table} written; map it in ACCEPT"
            wanted = ACCEPT[table]
            assert kinds & wanted or ("*" in wanted and events), (
                f"{name}: {table} changed without an audit event about {sorted(wanted)} "
                f"(events: {[(e.entity_type, e.action) for e in events]})"
            )


@pytest.fixture
def watch(app, db):
    watcher = Watch()
    event.listen(db.engine, "before_cursor_execute", watcher.before_cursor_execute)
    with force_locale("en"):
        yield watcher
    event.remove(db.engine, "before_cursor_execute", watcher.before_cursor_execute)


def _events(entity_type, entity_id, action=None):
    query = sa.select(AuditEvent).where(
        AuditEvent.entity_type == entity_type, AuditEvent.entity_id == str(entity_id)
    )
    if action:
        query = query.where(AuditEvent.action == action)
    return db.session.scalars(query.order_by(AuditEvent.id)).all()


def test_every_step_of_a_scripted_life_leaves_its_trace(watch, company):
    from hr.admin import services as admin
    from hr.auth import services as auth
    from hr.core.settings import update_settings
    from hr.grids import referentials
    from hr.grids import services as grids
    from hr.interviews import blocks
    from hr.interviews import services as interviews
    from hr.interviews.models import Party
    from hr.people import import_batches
    from hr.people.imports import apply_import
    from tests.factories import EmployeeFactory
    from tests.grids.helpers import interview_type, make_grid, rating, scale, text
    from tests.people.helpers import csv_bytes, mapping_of, person, table_of

    hr, admin_user = company.users["hr"], company.users["admin"]
    manager_user, employee_user = company.users["manager"], company.users["employee"]
    employee = company.employees["employee"]

    # Accounts.
    newcomer = EmployeeFactory(first_name="Nina", last_name="Nouvelle", manager=employee.manager)
    db.session.commit()
    with watch.step("create account"):
        account, password = admin.create_account(admin_user, newcomer)
    with watch.step("update account"):
        admin.update_account(admin_user, account, is_hr=False, is_admin=False, active=False)
    with watch.step("reactivate account"):
        admin.update_account(admin_user, account, is_hr=False, is_admin=False, active=True)
    with watch.step("reset password"):
        password = admin.reset_password(admin_user, account)
    with watch.step("change password"):
        auth.change_password(account, password, "a-new-password-123")
    with watch.step("set locale"):
        auth.set_locale(account, "en")
    with watch.step("log in"):
        assert auth.authenticate(account.email, "a-new-password-123") is not None
    with watch.step("failed log in"):
        assert auth.authenticate(account.email, "wrong") is None
    assert "a-new-password-123" not in str([e.changes for e in _events("user", account.id)])

    # Settings.
    with watch.step("settings"):
        assert update_settings(admin_user, {"company_name": "Acme Industrie"})

    # People: an import through its batch.
    rows = [person("N100", "Durand", "Léa"), person("N101", "Morel", "Hugo", manager="N100")]
    content = csv_bytes(rows)
    table = table_of(content)
    with watch.step("upload import"):
        batch = import_batches.store_upload(hr, "export.csv", content, table, "partial")
    with watch.step("map import"):
        import_batches.save_mapping(hr, batch, mapping_of(table) | {"job_title": "Emploi"})
    with watch.step("apply import"):
        plan = apply_import(hr, table, mapping_of(table), source="export.csv")
        import_batches.mark_applied(hr, batch, plan.summary())
    rows[1] = person("N101", "Morel", "Hugo", manager="N100", Emploi="Soudeur")
    with watch.step("import an update"):
        apply_import(hr, table_of(csv_bytes(rows)), mapping_of(table))

    # Grids and referentials.
    with watch.step("rating scale"):
        referentials.save_scale(hr, None, "Échelle 3", [{"value": 1, "label": "Bas"}], False)
    with watch.step("skill"):
        skill = referentials.save_skill(hr, None, "Soudure TIG", "Production", None)
    with watch.step("archive skill"):
        referentials.set_skill_archived(hr, skill, True)
    scale()  # the tests' rating scale, made directly by the helper
    db.session.commit()
    with watch.step("grid"):
        grid = make_grid(
            hr,
            "annual",
            sections=[
                (
                    "Bilan",
                    False,
                    [
                        text("Réalisations", required=True),
                        text("Souhaits", answered_by="employee"),
                        rating("Qualité", answered_by="manager"),
                        text("Synthèse", answered_by="together"),
                    ],
                )
            ],
        )
    version = grid.versions[0]
    with watch.step("share preparation"):
        grids.set_share_preparation(hr, version, False)
    with watch.step("publish grid"):
        grids.publish(hr, version)
    with watch.step("rename grid"):
        grids.rename_grid(hr, grid, "Grille annuelle", "Pour tous")

    # An interview from creation to addendum, the manager's side done by HR.
    with watch.step("create interview"):
        interview = interviews.create_interview(
            hr, employee, interview_type("annual"), version, due_date=date.today() + timedelta(30)
        )
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    with watch.step("schedule"):
        interviews.schedule(hr, interview, start, start + timedelta(hours=1), "Salle 2")
    with watch.step("open preparation"):
        interviews.open_preparation(manager_user, interview)
    questions = {q.label: q for s in version.sections for q in s.questions}
    with watch.step("employee prepares"):
        interviews.save_answer(
            employee_user, interview, questions["Souhaits"], Party.EMPLOYEE, "Former", 0
        )
    with watch.step("employee changes an answer"):
        interviews.save_answer(
            employee_user, interview, questions["Souhaits"], Party.EMPLOYEE, "Encadrer", 1
        )
    with watch.step("manager prepares"):
        interviews.save_answer(
            manager_user, interview, questions["Réalisations"], Party.MANAGER, "Bon", 0
        )
    with watch.step("objective"):
        objective = blocks.add_objective(manager_user, interview, "Réduire les rebuts")
    with watch.step("delete objective"):
        blocks.delete_objective(manager_user, interview, objective)
    with watch.step("objective again"):
        blocks.add_objective(manager_user, interview, "Réduire les rebuts de 10 %")
    with watch.step("training request"):
        training = blocks.add_training_request(
            employee_user, interview, "Soudure", "develop_skills"
        )
    with watch.step("follow-up action"):
        action = blocks.add_action(
            manager_user, interview, "Point mensuel", employee, date.today() + timedelta(60)
        )
    with watch.step("start"):
        interviews.start(manager_user, interview)
    with watch.step("shared answer"):
        interviews.save_answer(
            manager_user, interview, questions["Synthèse"], Party.SHARED, "Année solide", 0
        )
    with watch.step("employee's answers"):
        interviews.save_answer(
            employee_user, interview, questions["Réalisations"], Party.EMPLOYEE, "Fier", 0
        )
    with watch.step("request signatures"):
        interviews.request_signatures(manager_user, interview)
    with watch.step("reopen"):
        interviews.reopen(hr, interview, "A missing answer")
    with watch.step("request signatures again"):
        interviews.request_signatures(manager_user, interview)
    with watch.step("interviewer signs"):
        interviews.sign_as_interviewer(manager_user, interview)
    with watch.step("employee signs"):
        interviews.sign_as_employee(employee_user, interview, comment="D'accord")
    with watch.step("addendum"):
        interviews.add_addendum(employee_user, interview, "Précision sur mes souhaits.")
    with watch.step("training status"):
        blocks.set_training_status(hr, training, "approved", "Budget validé")
    with watch.step("action done"):
        blocks.complete_action(employee_user, action)

    # Every answer change carries its before and after.
    answers = _events("interview", interview.id, "answer")
    key = f"q{questions['Souhaits'].id}.employee"
    assert {"before": {key: "Former"}, "after": {key: "Encadrer"}} in [a.changes for a in answers]
    # HR scheduling for the manager: on whose behalf is recorded.
    scheduled = _events("interview", interview.id, "schedule")[0]
    assert (scheduled.actor_id, scheduled.on_behalf_of_id) == (hr.id, manager_user.id)

    # Cancel, decline and force close on other interviews.
    other = interviews.create_interview(hr, company.employees["peer"], interview_type("annual"))
    db.session.commit()
    with watch.step("cancel"):
        interviews.cancel(manager_user, other, "Absence longue")
    offered = interviews.create_interview(hr, company.employees["peer"], interview_type("annual"))
    db.session.commit()
    with watch.step("decline"):
        interviews.decline(hr, offered, date.today(), "Ne souhaite pas")

    # Campaigns.
    from hr.campaigns import services as campaigns
    from hr.campaigns.population import Criteria

    values = campaigns.CampaignValues(
        name="Campagne",
        interview_type=interview_type("annual"),
        grid_version=version,
        criteria=Criteria(),
        opens_on=date.today(),
        interview_deadline=date.today() + timedelta(60),
        preparation_deadline=None,
        signature_deadline=None,
    )
    with watch.step("create campaign"):
        campaign = campaigns.create_campaign(hr, values)
    with watch.step("update campaign"):
        values.name = "Campagne annuelle"
        campaigns.update_campaign(hr, campaign, values)
    with watch.step("launch campaign"):
        campaigns.launch(hr, campaign)
    interviews_of = {i.employee_id: i for i in campaign_interviews(campaign)}
    with watch.step("assign interviewer"):
        campaigns.assign_interviewer(
            hr, campaign, interviews_of[company.employees["peer"].id], company.employees["skip"]
        )
    with watch.step("remove person"):
        campaigns.remove_person(hr, campaign, interviews_of[company.employees["peer"].id])
    late = EmployeeFactory(first_name="Tom", last_name="Tardif", manager=employee.manager)
    db.session.commit()
    with watch.step("add person"):
        campaigns.add_person(hr, campaign, late)
    with db.session.no_autoflush:
        newer = grids.new_draft(hr, grid)
    grids.publish(hr, newer)
    db.session.commit()
    with watch.step("move campaign to a newer grid"):
        campaigns.move_to_version(hr, campaign, newer)
    with watch.step("close campaign"):
        campaigns.close(hr, campaign, "Fin d'exercice", force=True)

    # Grids: every kind of change.
    with watch.step("interview type"):
        custom = grids.create_interview_type(hr, "Entretien de mi-parcours")
    with watch.step("extra validation"):
        grids.set_extra_validation(hr, custom, "hr")
    with watch.step("duplicate grid"):
        copy = grids.duplicate_grid(hr, grid, "Copie")
    with watch.step("archive grid"):
        grids.set_archived(hr, copy, True)
    with db.session.no_autoflush, watch.step("new draft"):
        draft = grids.new_draft(hr, grid)
    with watch.step("edit draft"):
        section = draft.sections[0]
        grids.update_section(hr, section, "Bilan de l'année", None, False)
        grids.add_question(hr, section, text("Ajout"))
        grids.delete_question(hr, section.questions[-1])
    with watch.step("discard draft"):
        grids.discard_draft(hr, draft)
    with watch.step("library question"):
        item = grids.save_library_question(hr, None, text("Vos fiertés ?"), ["bilan"], ["annual"])
    with watch.step("delete library question"):
        grids.delete_library_question(hr, item)

    # Objective review, then HR closes after the deadline (forced, with a reason).
    simple = make_grid(hr, "annual", sections=[("Bilan", False, [text("Libre")])], name="Simple")
    grids.publish(hr, simple.versions[0])
    follow = interviews.create_interview(hr, employee, interview_type("annual"), simple.versions[0])
    interviews.schedule(hr, follow, start, start + timedelta(hours=1))
    interviews.start(manager_user, follow)
    db.session.commit()
    earlier = blocks.load_for(follow)["previous_objectives"][0]
    with watch.step("review objective"):
        blocks.review_objective(manager_user, follow, earlier, "achieved", "Fait")
    with watch.step("request signatures (follow)"):
        interviews.request_signatures(manager_user, follow)
    with watch.step("force close"):
        interviews.force_close(hr, follow, "Salarié absent", date.today())
    assert _events("objective", earlier.id, "apply_review")
    assert _events("interview", follow.id, "force_close")[0].reason == "Salarié absent"

    # Calendar links, when that part exists.
    feeds = _optional("hr.calendars.feeds")
    if feeds is not None:
        scope = feeds.allowed_scopes(employee_user)[0]
        with watch.step("create feed"):
            feed, _token = feeds.create_feed(employee_user, employee_user, scope)
        with watch.step("regenerate feed"):
            feed, _token = feeds.regenerate_feed(employee_user, feed)
        with watch.step("delete feed"):
            feeds.delete_feed(employee_user, feed)

    # Legal compliance inputs, when that part exists.
    compliance = _optional("hr.compliance.services")
    if compliance is not None:
        from hr.compliance.models import Absence, LeaveType

        absence = Absence(
            employee_id=employee.id,
            leave_type=next(iter(LeaveType)),
            start_date=date.today() - timedelta(days=300),
        )
        with watch.step("absence"):
            compliance.add_record(hr, absence)
        with watch.step("absence ends"):
            compliance.update_absence_end(hr, absence, date.today() - timedelta(days=10))
        with watch.step("delete absence"):
            compliance.delete_record(hr, absence)
        with watch.step("career dates"):
            compliance.set_dates(hr, employee, date.today(), None)

    written = set().union(*(tables for _n, tables, _e in watch.log))
    assert {"interviews", "answers", "signatures", "addenda", "users", "employees"} <= written
    assert audit.services.verify_chain()[1] is None


def campaign_interviews(campaign):
    from hr.interviews.models import Interview

    return db.session.scalars(
        sa.select(Interview).where(Interview.campaign_id == campaign.id).order_by(Interview.id)
    ).all()


def _optional(module: str):
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def test_a_change_without_its_event_is_caught(watch, company):
    """The watch itself fails when a table changes and no event says so."""
    with (
        pytest.raises(AssertionError, match="employees changed without an audit event"),
        watch.step("silent"),
    ):
        company.employees["peer"].job_title = "Changed silently"
    db.session.rollback()

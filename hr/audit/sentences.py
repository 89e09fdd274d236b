"""Audit events told as plain sentences, with their changes as labelled rows.

The log stores codes (entity type, action, field names); readers see "Rita Rh
scheduled the interview (on behalf of Marc Manager)" and a table of what changed.
Every sentence is a complete translatable message with named placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

# (entity type, action) → sentence; %(actor)s is who acted.
SENTENCES = {
    ("interview", "create"): _l("%(actor)s created the interview."),
    ("interview", "schedule"): _l("%(actor)s scheduled the interview."),
    ("interview", "open_preparation"): _l("%(actor)s opened the preparation."),
    ("interview", "start"): _l("%(actor)s started the meeting."),
    ("interview", "answer"): _l("%(actor)s answered a question."),
    ("interview", "request_signatures"): _l("%(actor)s asked for the signatures."),
    ("interview", "reopen"): _l("%(actor)s reopened the interview for changes."),
    ("interview", "sign_interviewer"): _l("%(actor)s signed the report as interviewer."),
    ("interview", "sign_employee"): _l("%(actor)s signed the report."),
    ("interview", "refuse_signature"): _l("%(actor)s refused to sign the report."),
    ("interview", "validate"): _l("%(actor)s validated the report."),
    ("interview", "force_close"): _l(
        "%(actor)s closed the interview without the employee's signature."
    ),
    ("interview", "cancel"): _l("%(actor)s cancelled the interview."),
    ("interview", "decline"): _l("%(actor)s recorded that the employee declined the interview."),
    ("interview", "addendum"): _l("%(actor)s added an addendum to the signed report."),
    ("interview", "read"): _l("%(actor)s read this confidential interview."),
    ("interview", "change_grid_version"): _l("%(actor)s moved the interview to a newer grid."),
    ("interview", "assign_interviewer"): _l("%(actor)s changed the interviewer."),
    ("objective", "create"): _l("%(actor)s set an objective."),
    ("objective", "delete"): _l("%(actor)s deleted an objective."),
    ("objective", "review"): _l("%(actor)s reviewed an earlier objective."),
    ("objective", "apply_review"): _l("The review of an objective took effect."),
    ("training_request", "create"): _l("%(actor)s requested a training."),
    ("training_request", "delete"): _l("%(actor)s withdrew a training request."),
    ("training_request", "set_status"): _l("%(actor)s changed the status of a training request."),
    ("follow_up_action", "create"): _l("%(actor)s recorded a decision or follow-up action."),
    ("follow_up_action", "delete"): _l("%(actor)s deleted a decision or follow-up action."),
    ("follow_up_action", "complete"): _l("%(actor)s marked a follow-up action as done."),
    ("employee", "create"): _l("%(actor)s created the employee record."),
    ("employee", "update"): _l("%(actor)s changed the employee record."),
    ("employee", "leave"): _l("%(actor)s recorded that the employee left the company."),
    ("employee", "export"): _l("%(actor)s downloaded this person's data."),
    ("user", "create"): _l("%(actor)s opened the account."),
    ("user", "update"): _l("%(actor)s changed the account."),
    ("user", "reset_password"): _l("%(actor)s reset the password."),
    ("user", "password_changed"): _l("%(actor)s changed their password."),
    ("user", "login"): _l("%(actor)s logged in."),
    ("user", "login_failed"): _l("A login failed."),
    ("audit", "export"): _l("%(actor)s exported audit events."),
    ("follow_up_action", "export"): _l("%(actor)s exported the decisions register."),
    ("training_request", "export"): _l("%(actor)s exported the training requests."),
    ("mail", "queue"): _l("%(actor)s queued an e-mail."),
    ("mail", "supersede"): _l("%(actor)s replaced an e-mail not sent yet by a newer one."),
    ("mail", "retry"): _l("%(actor)s asked to send an e-mail again."),
    ("mail", "sent"): _l("%(actor)s sent an e-mail."),
    ("mail", "send_error"): _l("%(actor)s could not send an e-mail yet; it will try again."),
    ("mail", "failed"): _l("%(actor)s gave up sending an e-mail."),
    ("feed_token", "create"): _l("%(actor)s created a calendar link."),
    ("feed_token", "revoke"): _l("%(actor)s revoked a calendar link."),
    ("settings", "update"): _l("%(actor)s changed the company settings."),
    ("campaign", "create"): _l("%(actor)s created a campaign."),
    ("campaign", "update"): _l("%(actor)s changed a campaign."),
    ("campaign", "launch"): _l("%(actor)s launched a campaign."),
    ("campaign", "close"): _l("%(actor)s closed a campaign."),
    ("campaign", "add_person"): _l("%(actor)s added a person to a campaign."),
    ("campaign", "remove_person"): _l("%(actor)s removed a person from a campaign."),
    ("absence", "create"): _l("%(actor)s recorded an absence."),
    ("absence", "update"): _l("%(actor)s changed an absence."),
    ("absence", "delete"): _l("%(actor)s deleted an absence."),
    ("mandate", "create"): _l("%(actor)s recorded a staff representative mandate."),
    ("mandate", "delete"): _l("%(actor)s deleted a staff representative mandate."),
    ("training_record", "create"): _l("%(actor)s recorded a completed training."),
    ("training_record", "delete"): _l("%(actor)s deleted a training record."),
    ("progression", "create"): _l("%(actor)s recorded a salary or career progression."),
    ("progression", "delete"): _l("%(actor)s deleted a salary or career progression."),
    ("penalty", "record_payment"): _l("%(actor)s recorded the CPF top-up payment."),
    ("penalty", "correct_payment"): _l("%(actor)s corrected the CPF top-up payment."),
}
ANSWERED = _l("%(actor)s answered “%(question)s”.")
CHANGED_ANSWER = _l("%(actor)s changed the answer to “%(question)s”.")
PRIVATE_SENTENCE = _l("%(actor)s worked on their preparation (private until the meeting).")
FALLBACK = _l("%(actor)s: “%(action)s” on %(entity)s %(id)s.")

ENTITY_LABELS = {
    "interview": _l("Interview"),
    "objective": _l("Objective"),
    "training_request": _l("Training request"),
    "follow_up_action": _l("Decision or follow-up action"),
    "employee": _l("Employee"),
    "user": _l("Account"),
    "campaign": _l("Campaign"),
    "grid": _l("Grid"),
    "grid_version": _l("Grid version"),
    "grid_section": _l("Grid section"),
    "grid_question": _l("Grid question"),
    "interview_type": _l("Kind of interview"),
    "library_question": _l("Library question"),
    "rating_scale": _l("Rating scale"),
    "skill": _l("Skill"),
    "import": _l("Import"),
    "department": _l("Department"),
    "site": _l("Site"),
    "settings": _l("Settings"),
    "feed_token": _l("Calendar link"),
    "audit": _l("Audit log"),
    "absence": _l("Absence"),
    "mandate": _l("Mandate"),
    "training_record": _l("Training record"),
    "progression": _l("Progression"),
    "penalty": _l("CPF top-up payment"),
    "mail": _l("E-mail"),
}

FIELD_LABELS = {
    "status": _l("Status"),
    "interviewer_id": _l("Interviewer"),
    "second_participant_id": _l("Second participant"),
    "due_date": _l("Due date"),
    "scheduled_start": _l("Start"),
    "scheduled_end": _l("End"),
    "location": _l("Place"),
    "video_link": _l("Video link"),
    "grid_version_id": _l("Grid version"),
    "campaign_id": _l("Campaign"),
    "cancel_reason": _l("Reason for cancelling"),
    "declined_on": _l("Declined on"),
    "copy_available_on": _l("Copy available on"),
    "close_reason": _l("Reason for closing"),
    "content_hash": _l("Fingerprint of the signed content"),
    "text": _l("Text"),
    "title": _l("Title"),
    "description": _l("Description"),
    "indicator": _l("Indicator"),
    "target_date": _l("Target date"),
    "weight": _l("Weight"),
    "review_status": _l("Review"),
    "review_comment": _l("Review comment"),
    "subject": _l("Training"),
    "reason": _l("Purpose"),
    "priority": _l("Priority"),
    "wished_period": _l("Wished period"),
    "mandatory": _l("Needed for the job"),
    "status_note": _l("Note"),
    "done_on": _l("Done on"),
    "what": _l("Decision or action"),
    "owner_id": _l("Owner"),
    "done_at": _l("Done at"),
    "employee_number": _l("Employee number"),
    "first_name": _l("First name"),
    "last_name": _l("Last name"),
    "email": _l("E-mail"),
    "job_title": _l("Job title"),
    "department_id": _l("Department"),
    "site_id": _l("Site"),
    "manager_id": _l("Manager"),
    "hire_date": _l("Hire date"),
    "birth_date": _l("Birth date"),
    "contract_type": _l("Contract"),
    "contract_end_date": _l("Contract end date"),
    "probation_end_date": _l("End of probation"),
    "forfait_jours": _l("Annual days package (forfait jours)"),
    "work_time_percent": _l("Working time (%)"),
    "left_on": _l("Left on"),
    "is_hr": _l("HR"),
    "is_admin": _l("Administrator"),
    "active": _l("Active"),
    "locale": _l("Language"),
    "page": _l("Page read"),
    "employee_id": _l("Employee"),
    "interview_type": _l("Kind of interview"),
    "interview_id": _l("Interview"),
    "format": _l("Format"),
    "interviews": _l("Interviews"),
    "career_info_given_on": _l("Career information given on"),
    "mid_career_visit_on": _l("Mid-career health visit on"),
    "leave_type": _l("Kind of leave"),
    "start_date": _l("Start date"),
    "end_date": _l("End date"),
}
PARTY_LABELS = {
    "employee": _l("employee's preparation"),
    "manager": _l("manager's preparation"),
    "shared": _l("written together"),
}


@dataclass
class Change:
    label: str
    before: object
    after: object


@dataclass
class Told:
    """One event as shown: its sentence, who acted for whom, and what changed."""

    event: object
    sentence: str
    on_behalf_of: str | None = None
    changes: list[Change] = field(default_factory=list)
    private: bool = False


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _value_labels() -> dict:
    """Codes stored in the log, shown as the labels the pages use."""
    from hr.interviews.blocks import TRAINING_STATUS_LABELS
    from hr.interviews.models import OBJECTIVE_STATUS_LABELS, STATUS_LABELS

    return {
        ("interview", "status"): STATUS_LABELS,
        ("objective", "status"): OBJECTIVE_STATUS_LABELS,
        ("objective", "review_status"): OBJECTIVE_STATUS_LABELS,
        ("training_request", "status"): TRAINING_STATUS_LABELS,
        ("follow_up_action", "status"): {"open": _l("Open"), "done": _l("Done")},
        ("interview", "page"): {
            "show": _l("the interview page"),
            "conduct": _l("the conduct page"),
            "report": _l("the report"),
            "guide": _l("the interview guide"),
            "history": _l("the history"),
        },
    }


def _show(value, labels: dict | None = None) -> object:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    if labels and isinstance(value, str) and value in labels:
        return str(labels[value])
    if isinstance(value, str) and ISO_TIME.match(value):
        try:
            return format_datetime(datetime.fromisoformat(value), "short")
        except ValueError:
            return value
    if isinstance(value, str) and ISO_DAY.match(value):
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return value


def _field_label(key: str, questions: dict) -> str:
    """`q12.employee` is the answer of one party to question 12."""
    if key.startswith("q") and "." in key:
        qid, _sep, party = key[1:].partition(".")
        if qid.isdigit():
            label = questions.get(int(qid), _("Question %(number)s", number=qid))
            return f"{label} ({PARTY_LABELS.get(party, party)})"
    return str(FIELD_LABELS.get(key, key))


def tell(event, names: dict, questions: dict, hidden_keys=frozenset(), private=False) -> Told:
    """The sentence and the change rows of one event.

    `names` maps user ids to display names, `questions` question ids to labels.
    `hidden_keys` are changed fields this reader may not see (written '•••'); a
    `private` event is told without any of its content."""
    actor = names.get(event.actor_id) or event.actor_label
    if event.actor_id is None and event.actor_label == "system":
        actor = _("Parcours (automatic)")
    behalf = names.get(event.on_behalf_of_id) if event.on_behalf_of_id else None
    if private:
        return Told(event, str(PRIVATE_SENTENCE % {"actor": actor}), behalf, private=True)
    template = SENTENCES.get((event.entity_type, event.action))
    if template is None:
        sentence = FALLBACK % {
            "actor": actor,
            "action": event.action,
            "entity": ENTITY_LABELS.get(event.entity_type, event.entity_type),
            "id": event.entity_id,
        }
    else:
        sentence = template % {"actor": actor}
    before = (event.changes or {}).get("before", {})
    after = (event.changes or {}).get("after", {})
    if event.action == "answer" and len(set(before) | set(after)) == 1:
        key = next(iter(set(before) | set(after)))
        template = CHANGED_ANSWER if before else ANSWERED
        sentence = template % {"actor": actor, "question": _field_label(key, questions)}
    rows = []
    value_labels = _value_labels()
    for key in sorted(set(before) | set(after)):
        label = _field_label(key, questions)
        if key in hidden_keys:
            rows.append(Change(label, "•••", "•••"))
        else:
            labels = value_labels.get((event.entity_type, key))
            rows.append(
                Change(label, _show(before.get(key), labels), _show(after.get(key), labels))
            )
    return Told(event, str(sentence), behalf, rows)

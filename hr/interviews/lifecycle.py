"""The life cycle of an interview: which transitions exist, and who may make them.

to_schedule → scheduled → in_preparation → held → awaiting_signature
→ (awaiting_validation) → signed. Also cancelled (with a reason), declined (an
offered interview the employee turned down, with the date), and closed (locked without
the employee's signature: refused, or closed by HR after the signature deadline).
"""

from __future__ import annotations

from hr.interviews.models import Status

TRANSITIONS: dict[str, tuple[set[Status], Status | None]] = {
    # action: (statuses it starts from, status it leads to; None = unchanged)
    "schedule": ({Status.TO_SCHEDULE, Status.SCHEDULED, Status.IN_PREPARATION}, None),
    "open_preparation": ({Status.TO_SCHEDULE, Status.SCHEDULED}, Status.IN_PREPARATION),
    "start": ({Status.SCHEDULED, Status.IN_PREPARATION}, Status.HELD),
    "request_signatures": ({Status.HELD}, Status.AWAITING_SIGNATURE),
    "reopen": ({Status.AWAITING_SIGNATURE}, Status.HELD),
    "cancel": (
        {Status.TO_SCHEDULE, Status.SCHEDULED, Status.IN_PREPARATION, Status.HELD},
        Status.CANCELLED,
    ),
    "decline": ({Status.TO_SCHEDULE, Status.SCHEDULED, Status.IN_PREPARATION}, Status.DECLINED),
    "sign_interviewer": ({Status.AWAITING_SIGNATURE}, None),
    "sign_employee": ({Status.AWAITING_SIGNATURE}, None),
    "validate": ({Status.AWAITING_VALIDATION}, Status.SIGNED),
    "force_close": ({Status.AWAITING_SIGNATURE}, Status.CLOSED),
    "addendum": ({Status.SIGNED, Status.CLOSED}, None),
}


def allowed(action: str, status: Status) -> bool:
    starts, _target = TRANSITIONS[action]
    return Status(status) in starts


def target(action: str, status: Status) -> Status:
    _starts, to = TRANSITIONS[action]
    return to if to is not None else Status(status)

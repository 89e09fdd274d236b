"""HR view of the outbox: what is waiting, what failed and why, what was not sent for
lack of an address — with a retry button."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.db import db
from hr.htmx import render
from hr.mail import bp, outbox
from hr.mail.models import MAIL_STATUS_LABELS, MailStatus, OutboxMessage
from hr.people.forms import EmptyForm
from hr.security import require

SHOWN = {
    "problems": (MailStatus.PENDING, MailStatus.FAILED, MailStatus.SKIPPED),
    "sent": (MailStatus.SENT,),
    "all": tuple(MailStatus),
}


@bp.get("/")
@login_required
def index():
    """Pending, failed and skipped mails first: what HR may have to act on."""
    require(current_user, "mail.outbox")
    show = request.args.get("show", "problems")
    if show not in SHOWN:
        show = "problems"
    query = (
        sa.select(OutboxMessage)
        .where(OutboxMessage.status.in_(SHOWN[show]))
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    )
    pagination = db.paginate(
        query,
        page=max(request.args.get("page", 1, type=int) or 1, 1),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    counts = dict(
        db.session.execute(
            sa.select(OutboxMessage.status, sa.func.count()).group_by(OutboxMessage.status)
        ).all()
    )
    return render(
        "mail/outbox.html",
        "mail/_outbox_list.html",
        pagination=pagination,
        show=show,
        counts={MailStatus(k): v for k, v in counts.items()},
        labels=MAIL_STATUS_LABELS,
        retryable=(MailStatus.PENDING, MailStatus.FAILED),
        form=EmptyForm(),
        smtp=bool(current_app.config.get("SMTP_HOST")),
    )


@bp.post("/<int:message_id>/retry")
@login_required
def retry(message_id: int):
    """Try again now; the result shows on the page after delivery."""
    require(current_user, "mail.outbox")
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        abort(404)
    if not EmptyForm().validate():
        abort(400)
    try:
        outbox.retry(current_user, message)
    except ValueError:
        db.session.rollback()
        flash(_("This message cannot be sent again."), "error")
    else:
        db.session.commit()
        flash(_("Sending again: reload the page in a moment to see the result."), "success")
    return redirect(url_for("mail.index", show=request.args.get("show", "problems")), 303)

"""Scheduling an interview from the calendar.

The slot comes from the day view (a time picked) or is typed in the form. Before
saving, the warnings of `hr.calendars.scheduling` are shown; a slot with warnings is
saved only with "Schedule anyway", which carries the fingerprint of the warnings the
person saw (if they changed meanwhile, they are shown again). Saving goes through
`hr.interviews.services.schedule`: permission, life cycle, SEQUENCE and audit.
"""

from __future__ import annotations

from datetime import date, datetime, time

from flask import abort, flash, redirect, request, url_for
from flask_babel import format_date, format_time
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.calendars import bp, events, periods, scheduling
from hr.calendars.forms import SlotForm
from hr.db import db
from hr.htmx import render
from hr.interviews import services
from hr.interviews.loading import interview_or_404
from hr.security import require


def _time(raw: str | None) -> time | None:
    if not raw or len(raw) > 8:
        return None
    try:
        return time.fromisoformat(raw)
    except ValueError:
        return None


def _initial(interview) -> dict:
    """The form's first values: the picked slot (`?day=&start=`), else the current one."""
    day = periods.parse_day(request.args.get("day"))
    start = _time(request.args.get("start"))
    if day and start:
        finish = datetime.combine(day, start) + scheduling.DEFAULT_DURATION
        return {
            "day": day,
            "start": start,
            "end": finish.time() if finish.date() == day else time(23, 59),
            "location": interview.location,
            "video_link": interview.video_link,
        }
    zone = events.local_zone()
    current = interview.scheduled_start.astimezone(zone) if interview.scheduled_start else None
    until = interview.scheduled_end.astimezone(zone) if interview.scheduled_end else None
    return {
        "day": current.date() if current else day,
        "start": current.time() if current else None,
        "end": until.time() if until else None,
        "location": interview.location,
        "video_link": interview.video_link,
    }


def _slot(form) -> tuple[datetime, datetime]:
    zone = events.local_zone()
    return (
        datetime.combine(form.day.data, form.start.data, zone),
        datetime.combine(form.day.data, form.end.data, zone),
    )


@bp.route("/schedule/<int:interview_id>", methods=["GET", "POST"])
@login_required
def schedule(interview_id: int):
    """Pick or type a slot, read the warnings, schedule."""
    interview = interview_or_404(interview_id)
    require(current_user, "interview.manage", interview)
    form = SlotForm() if request.method == "POST" else SlotForm(data=_initial(interview))
    warnings: list = []
    fingerprint = ""
    if request.method == "POST" and form.validate():
        start, end = _slot(form)
        if not periods.in_range(form.day.data):
            form.day.errors.append(_("Choose a date between 1970 and 2100."))
        elif end <= start:
            form.end.errors.append(_("The interview must end after it starts."))
        else:
            warnings = scheduling.gather(interview, start, end)
            fingerprint = scheduling.fingerprint(warnings)
            if not warnings or form.confirmed.data == fingerprint:
                return _save(interview, form, start, end, warnings)
            if form.confirmed.data:
                flash(_("The warnings changed since you confirmed: read them again."), "error")
    shown = form.day.data if isinstance(form.day.data, date) else None
    month = periods.month_key(shown or interview.due_date or date.today())
    return render(
        "calendars/schedule.html",
        calendar_url=url_for(".month", ym=month, interview=interview.id),
        interview=interview,
        form=form,
        warnings=warnings,
        fingerprint=fingerprint,
    )


def _save(interview, form, start, end, warnings):
    try:
        services.schedule(
            current_user, interview, start, end, form.location.data, form.video_link.data
        )
    except services.InterviewError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for("interviews.show", interview_id=interview.id), 303)
    except PermissionError:
        db.session.rollback()
        abort(403)
    db.session.commit()
    message = _(
        "Interview scheduled on %(date)s at %(time)s.",
        date=format_date(form.day.data, "full"),
        time=format_time(start, "short"),
    )
    if warnings:
        message += " " + _("Scheduled despite the warnings.")
    flash(message, "success")
    day = start.astimezone(events.local_zone()).date().isoformat()
    return redirect(url_for(".day", ymd=day), 303)

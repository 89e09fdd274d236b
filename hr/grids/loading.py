"""Loading grids with what their pages show, in a fixed number of queries."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import selectinload

from hr.db import db
from hr.grids.models import Grid, GridQuestion, GridSection, GridVersion


def version_or_404(grid_id: int, number: int) -> GridVersion:
    version = db.session.scalar(
        sa.select(GridVersion)
        .where(GridVersion.grid_id == grid_id, GridVersion.number == number)
        .options(
            selectinload(GridVersion.sections).selectinload(GridSection.questions),
            selectinload(GridVersion.grid).selectinload(Grid.versions),
        )
    )
    if version is None:
        abort(404)
    return version


def grid_or_404(grid_id: int) -> Grid:
    grid = db.session.scalar(
        sa.select(Grid).where(Grid.id == grid_id).options(selectinload(Grid.versions))
    )
    if grid is None:
        abort(404)
    return grid


def section_or_404(section_id: int) -> GridSection:
    section = db.session.get(GridSection, section_id)
    if section is None:
        abort(404)
    return section


def question_or_404(question_id: int) -> GridQuestion:
    question = db.session.get(GridQuestion, question_id)
    if question is None:
        abort(404)
    return question

"""Episodes of care: the list, starting a new one when a person comes back, and changing an
open episode's national codes."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import locking
from app.access import get_or_404, requires
from app.clients import assessments, bp, episodes
from app.clients.forms import EpisodeForm, EpisodeStartForm, NewEpisodeForm
from app.clients.page_helpers import get_client_for_current_user, header, open_client
from app.core.messages import refused, saved, told
from app.core.people import me
from app.core.saving import change_from_form
from app.models import Episode
from app.pages import render_page
from app.standards import codes


@bp.route("/<int:client_id>/episodes", endpoint="episodes")
@requires("clients.open")
def episodes_page(client_id: int):
    client = open_client(client_id, "episodes")
    return render_page(
        "clients/episodes.html",
        episodes=episodes.episodes(client),
        codes=codes,
        form=NewEpisodeForm(),
        has_assessment=assessments.latest_assessment(client) is not None,
        **header(client),
    )


@bp.route("/<int:client_id>/episodes/new", methods=["POST"])
@requires("clients.open")
def episode_new(client_id: int):
    client = get_client_for_current_user(client_id)
    form = NewEpisodeForm()
    if not form.validate_on_submit():
        abort(400)
    if episodes.open_episode_of(client) is not None:
        refused(episodes.OPEN_ALREADY)
        return redirect(url_for("clients.episodes", client_id=client.id), 303)
    episode = episodes.start_new_episode(client, from_last=form.from_last.data, user=me())
    saved("New episode of care opened.")
    return redirect(url_for("clients.episode", client_id=client.id, episode_id=episode.id), 303)


def _episode_shown(record: Episode) -> EpisodeForm:
    return EpisodeForm(formdata=None, obj=record)


@bp.route("/<int:client_id>/episodes/<int:episode_id>", methods=["GET", "POST"])
@requires("clients.open")
def episode(client_id: int, episode_id: int):
    if request.method == "POST":
        client = get_client_for_current_user(client_id)
    else:
        client = open_client(client_id, "episode")
    record = get_or_404(Episode, episode_id, visible=lambda e: e.client_id == client.id)
    back = url_for("clients.episode", client_id=client.id, episode_id=record.id)
    form = EpisodeForm(obj=record) if record.is_open else None
    changed = None
    if request.method == "GET" and form is not None:
        locking.stamp(form, record, _episode_shown)
    if request.method == "POST":
        if form is None:
            refused(episodes.CLOSED)
            return redirect(back, 303)
        if form.validate_on_submit():
            outcome = change_from_form(
                form,
                lambda: episodes.update_episode(
                    record,
                    source_of_referral=form.source_of_referral.data,
                    client_type=form.client_type.data,
                    main_treatment_type=form.main_treatment_type.data,
                    delivery_setting=form.delivery_setting.data,
                    principal_drug=form.principal_drug.data,
                ),
                record=record,
                shown=_episode_shown,
            )
            changed = outcome.changed
            if outcome.saved:
                if outcome.result:
                    saved("Episode saved.")
                else:
                    told("Nothing changed.")
                return redirect(back, 303)
    return render_page(
        "clients/episode.html",
        form=form,
        changed=changed,
        record=record,
        codes=codes,
        start_form=EpisodeStartForm(formdata=None, data={"opened_on": record.opened_on}),
        **header(client),
    )


@bp.route("/<int:client_id>/episodes/<int:episode_id>/start", methods=["GET", "POST"])
@requires("clients.open")
def episode_start(client_id: int, episode_id: int):
    """Put the start date right: the form is on the episode page; a problem shows here."""
    client = get_client_for_current_user(client_id)
    record = get_or_404(Episode, episode_id, visible=lambda e: e.client_id == client.id)
    back = url_for("clients.episode", client_id=client.id, episode_id=record.id)
    if request.method == "GET":
        return redirect(back, 303)
    form = EpisodeStartForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: episodes.correct_start(
                record, new_start=form.opened_on.data, reason=form.reason.data
            ),
        )
        if outcome.saved:
            saved("Start date put right. The timeline and the national data use it now.")
            return redirect(back, 303)
    return render_page("clients/episode_start.html", form=form, record=record, **header(client))

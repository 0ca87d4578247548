"""The manager's pages: staff accounts, the audit log and old files past their time."""

from flask import abort, make_response, redirect, render_template, request, url_for

from app import audit, clock, locking
from app.access import STUDENT, get_or_404, requires
from app.admin import audit_log as log
from app.admin import bp, retention, staff
from app.admin.forms import AuditFilterForm, DeleteFileForm, UserCreateForm, UserEditForm
from app.auth import public as auth
from app.core.messages import refused, saved
from app.core.numbers import record_id, whole_number
from app.core.people import me, user_by_id
from app.core.saving import change_from_form
from app.forms import Form
from app.models import User
from app.pages import page_number, paginate
from app.training import public as training


@bp.route("/users")
@requires("admin.users")
def users():
    return render_template("admin/users.html", page=staff.list_users(page_number()))


@bp.route("/users/new", methods=["GET", "POST"])
@requires("admin.users")
def new_user():
    form = UserCreateForm()
    form.supervisor.choices = [("", "Choose their supervisor")] + [
        (str(u.id), u.display_name) for u in training.supervisors()
    ]
    if form.validate_on_submit():
        password = auth.one_time_password()

        def create():
            user = auth.create_user(
                username=form.username.data,
                display_name=form.display_name.data,
                role=form.role.data,
                password=password,
                must_change_password=True,
                created_by=me(),
            )
            if user.role == STUDENT:  # a student on placement: their course and supervisor
                chosen = record_id(form.supervisor.data or "")
                training.start_placement(
                    user,
                    programme=form.programme.data,
                    supervisor=user_by_id(chosen) if chosen else None,
                    by=me(),
                )
            return user

        outcome = change_from_form(form, create)
        if outcome.saved:
            return render_template(
                "admin/password_given.html", user=outcome.result, password=password
            )
    return render_template("admin/new_user.html", form=form)


def _user_shown(person: User) -> UserEditForm:
    return UserEditForm(formdata=None, obj=person)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@requires("admin.users")
def user(user_id: int):
    person = get_or_404(User, user_id)
    form = UserEditForm(obj=person)
    changed = None
    if request.method == "GET":
        locking.stamp(form, person, _user_shown)
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: staff.change_account(
                person, display_name=form.display_name.data, role=form.role.data, by=me()
            ),
            record=person,
            shown=_user_shown,
        )
        if outcome.saved:
            saved(f"Changes to {person.display_name} saved.")
            return redirect(url_for("admin.user", user_id=person.id), 303)
        changed = outcome.changed
    return render_template(
        "admin/user.html",
        person=person,
        form=form,
        changed=changed,
        locked=auth.is_locked(person),
        action_form=Form(),
    )


@bp.route(
    "/users/<int:user_id>/<any(disable, enable, unlock, reset_two_step):action>", methods=["POST"]
)
@requires("admin.users")
def user_action(user_id: int, action: str):
    person = get_or_404(User, user_id)
    form = Form()
    if not form.validate_on_submit():
        return redirect(url_for("admin.user", user_id=person.id), 303)
    if action == "disable":
        if auth.is_last_manager(person):
            refused("This is the last manager, so the account cannot be turned off.")
            return redirect(url_for("admin.user", user_id=person.id), 303)
        auth.disable_user(person, by=me())
        saved(f"{person.display_name} can no longer sign in.")
    elif action == "enable":
        auth.enable_user(person, by=me())
        saved(f"{person.display_name} can sign in again.")
    elif action == "unlock":
        auth.unlock_user(person, by=me())
        saved(f"{person.display_name} can try to sign in again now.")
    else:
        auth.reset_two_step(person, by=me())
        saved(f"{person.display_name} will set up the phone code again at next sign-in.")
    return redirect(url_for("admin.user", user_id=person.id), 303)


@bp.route("/users/<int:user_id>/reset-password", methods=["POST"])
@requires("admin.users")
def reset_password(user_id: int):
    person = get_or_404(User, user_id)
    if not Form().validate_on_submit():
        return redirect(url_for("admin.user", user_id=person.id), 303)
    password = auth.one_time_password()
    auth.set_password(person, password, must_change=True, by=me())
    return render_template("admin/password_given.html", user=person, password=password)


def _audit_filters():
    """(form, client ids, query) for the audit log page and its download: the same filters."""
    form = AuditFilterForm(formdata=request.args)
    form.staff.choices = staff.staff_choices()
    form.kind.choices = log.kind_choices()
    form.validate()
    client_ids = log.find_client_ids(form.person.data) if form.person.data else None
    if form.person.data and not client_ids:
        form.person.errors = ["No file has that name or number"]
    query = log.audit_query(
        client_ids=client_ids,
        staff_id=whole_number(form.staff.data, high=log.MAX_ID),
        kind=form.kind.data or "",
        since=form.since.data if not form.since.errors else None,
        until=form.until.data if not form.until.errors else None,
    )
    return form, client_ids, query


@bp.route("/audit-log")
@requires("admin.audit")
def audit_log():
    form, _, query = _audit_filters()
    page = paginate(query)
    filters = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "admin/audit_log.html",
        form=form,
        page=page,
        rows=log.audit_rows(page.items),
        filters=filters,
        refused=log.refused_by_day(),
    )


@bp.route("/audit-log.csv")
@requires("admin.audit")
def audit_log_csv():
    _, client_ids, query = _audit_filters()
    text, count = log.audit_csv(query)
    audit.record(
        "audit_log.exported",
        detail={"rows": count, "filters": sorted(k for k, v in request.args.items() if v)},
        client_id=client_ids[0] if client_ids and len(client_ids) == 1 else None,
    )
    response = make_response(text.encode("utf-8-sig"))
    response.mimetype = "text/csv"
    name = f"audit-log-{clock.today().isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.route("/old-files")
@requires("admin.retention")
def old_files():
    return render_template("admin/old_files.html", due=retention.files_due())


@bp.route("/old-files/<int:client_id>", methods=["GET", "POST"])
@requires("admin.retention")
def old_file(client_id: int):
    due = {d.client.id: d for d in retention.files_due()}
    if client_id not in due:
        abort(404)
    form = DeleteFileForm()
    if form.validate_on_submit():
        retention.delete_file(due[client_id].client, by=me())
        saved(f"File {client_id} is deleted. The audit log records that it happened.")
        return redirect(url_for("admin.old_files"), 303)
    return render_template("admin/old_file.html", item=due[client_id], form=form)

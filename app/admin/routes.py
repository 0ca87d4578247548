from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from app import audit, locking
from app.access import get_or_404, requires
from app.admin import bp, retention, service
from app.admin.forms import AuditFilterForm, DeleteFileForm, UserCreateForm, UserEditForm
from app.auth import service as accounts
from app.auth.passwords import one_time_password
from app.extensions import db
from app.forms import Form
from app.models import User
from app.pages import page_number, paginate


def _me() -> User:
    return current_user._get_current_object()


@bp.route("/users")
@requires("admin.users")
def users():
    return render_template("admin/users.html", page=service.list_users(page_number()))


@bp.route("/users/new", methods=["GET", "POST"])
@requires("admin.users")
def new_user():
    form = UserCreateForm()
    if form.validate_on_submit():
        password = one_time_password()
        user = accounts.create_user(
            username=form.username.data,
            display_name=form.display_name.data,
            role=form.role.data,
            password=password,
            must_change_password=True,
            created_by=_me(),
        )
        return render_template("admin/password_given.html", user=user, password=password)
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
        changed = locking.check(form, person, _user_shown)
        last_manager = form.role.data != person.role and accounts.is_last_manager(person)
        if last_manager and not changed:
            form.role.errors.append("This is the last manager. Make someone else a manager first")
        elif not changed:
            if form.role.data != person.role:
                accounts.set_role(person, form.role.data, by=_me())
            person.display_name = form.display_name.data
            locking.bump(person)
            changed = locking.flush(form, person, _user_shown)
            if not changed:
                audit.record("account.changed", record=person)
                flash(f"Changes to {person.display_name} saved.")
                return redirect(url_for("admin.user", user_id=person.id), 303)
    return render_template(
        "admin/user.html",
        person=person,
        form=form,
        changed=changed,
        locked=accounts.is_locked(person),
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
        if accounts.is_last_manager(person):
            flash("This is the last manager, so the account cannot be turned off.")
            return redirect(url_for("admin.user", user_id=person.id), 303)
        accounts.disable_user(person, by=_me())
        flash(f"{person.display_name} can no longer sign in.")
    elif action == "enable":
        accounts.enable_user(person, by=_me())
        flash(f"{person.display_name} can sign in again.")
    elif action == "unlock":
        accounts.unlock_user(person, by=_me())
        flash(f"{person.display_name} can try to sign in again now.")
    else:
        accounts.reset_two_step(person, by=_me())
        flash(f"{person.display_name} will set up the phone code again at next sign-in.")
    return redirect(url_for("admin.user", user_id=person.id), 303)


@bp.route("/users/<int:user_id>/reset-password", methods=["POST"])
@requires("admin.users")
def reset_password(user_id: int):
    person = get_or_404(User, user_id)
    if not Form().validate_on_submit():
        return redirect(url_for("admin.user", user_id=person.id), 303)
    password = one_time_password()
    accounts.set_password(person, password, must_change=True, by=_me())
    return render_template("admin/password_given.html", user=person, password=password)


@bp.route("/audit-log")
@requires("admin.audit")
def audit_log():
    form = AuditFilterForm(formdata=request.args)
    form.validate()
    person = accounts.get_user_by_username(form.person.data) if form.person.data else None
    if form.person.data and person is None:
        form.person.errors = ["No one has that username"]
    query = service.audit_query(
        person=person,
        action=form.action.data or "",
        record=form.record.data or "",
        since=form.since.data,
        until=form.until.data,
    )
    if form.person.errors:
        query = query.where(False)
    page = paginate(query)
    ids = {event.created_by_id for event in page.items}
    people = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
    filters = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "admin/audit_log.html", form=form, page=page, people=people, filters=filters
    )


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
        retention.delete_file(due[client_id].client, by=_me())
        flash(f"File {client_id} is deleted. The audit log records that it happened.")
        return redirect(url_for("admin.old_files"), 303)
    return render_template("admin/old_file.html", item=due[client_id], form=form)

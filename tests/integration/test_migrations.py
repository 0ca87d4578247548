"""The migrations build exactly the tables the models describe, on SQLite and PostgreSQL."""

import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, make_url, select, text

from app import create_app
from app.extensions import db
from app.models import Base, Client
from tests.factories.clients import make_assessment, make_client


def fresh_database_url(app, tmp_path) -> str:
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'migrated.db'}"
    name = f"migrated_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def test_migrations_match_the_models_and_go_down_again(app, tmp_path):
    migrated = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database_url(app, tmp_path)})
    with migrated.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
        downgrade(revision="base")
        with db.engine.connect() as connection:
            tables = db.inspect(connection).get_table_names()
        assert set(tables) <= {"alembic_version"}
        db.engine.dispose()


def test_the_support_level_migration_fills_each_persons_newest_level(app, tmp_path):
    migrated = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database_url(app, tmp_path)})
    with migrated.app_context():
        upgrade()
        person = make_client(db.session)
        make_assessment(db.session, person, support_level="immediate")
        make_assessment(db.session, person, support_level="intensive")
        never_assessed = make_client(db.session)
        ids = (person.id, never_assessed.id)
        db.session.remove()
        downgrade(revision="0004")  # as a database made before the level was kept
        upgrade()
        levels = dict(db.session.execute(select(Client.id, Client.support_level)).all())
        assert levels == {ids[0]: "intensive", ids[1]: None}
        db.session.remove()
        downgrade(revision="base")
        db.engine.dispose()

"""For the tap benchmark only: the app as wsgi.py builds it, with SQLite in WAL mode.

A "what if" beside the real setting: journal_mode=WAL and synchronous=NORMAL make a commit
skip the disk flush that the default journal needs, which is most of a tap's time on SQLite.
"""

from sqlalchemy import event

from app.extensions import db
from wsgi import app

with app.app_context():
    engine = db.engine


@event.listens_for(engine, "connect")
def _wal(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()

"""The one place the app is built for serving: `gunicorn wsgi:app`, `flask --app wsgi ...`."""
from app import create_app

app = create_app()

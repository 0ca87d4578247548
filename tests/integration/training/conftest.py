import pytest

from tests.factories import training


@pytest.fixture
def programme(app, db_session):
    """The programme and agreements from the model of care, as demo-data loads them."""
    training.load_programme(app, db_session)
    return db_session

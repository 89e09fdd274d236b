from tests.campaigns import english  # noqa: F401  (fixture: messages in English)

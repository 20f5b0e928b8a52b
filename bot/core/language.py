"""The languages people read the bot in; Vietnamese unless a group says otherwise."""

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

"""PySide6 desktop app. Talks only to services, reports and domain; never to the database."""

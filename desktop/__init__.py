"""Glimmers: a private, offline companion for letting feeling come back gently."""

__version__ = "0.1.0"

APP_NAME = "Glimmers"
ORG_NAME = "Glimmers"
ORG_DOMAIN = "glimmers.example.org"
APP_ID = "org.example.Glimmers"

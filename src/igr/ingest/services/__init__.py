"""Ingest services: plain modules the command, the upload page and the tests share (read → extract → validate → import)."""

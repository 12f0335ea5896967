"""Tests of orgdesk.commands."""

"""Sending sign-ups to the agency's hub: the HTTP client and the worker thread."""

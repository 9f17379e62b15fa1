"""Application services: use cases that join the domain to the store and the adapters."""

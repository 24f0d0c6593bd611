"""The store's schema migrations (Alembic); see docs/architecture.md for adding one."""

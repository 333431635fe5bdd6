"""Where records are kept: SQLite by default, PostgreSQL when shared, behind one interface."""

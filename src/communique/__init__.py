"""communique: reads news and writes down who said what, who did what to whom, when and where."""

__version__ = "0.1.0"

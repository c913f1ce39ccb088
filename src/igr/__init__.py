"""IGR Register / Cofrestr Cysylltiadau Rhynglywodraethol."""

__version__ = "0.1.0"

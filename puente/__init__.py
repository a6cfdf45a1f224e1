"""Puente: partner newsletters in, one trusted multilingual hub out."""

__version__ = "0.1.0"

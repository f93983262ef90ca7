"""Pejling: steer and measure a municipality's integration effort."""

__version__ = "0.1.0.dev0"

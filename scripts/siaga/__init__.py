"""Siaga Banten: compiles the preparedness content of Banten province into a static site."""

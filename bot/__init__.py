"""Giao Ban: the weekly-report bot of the Fatherland Front and its member organizations."""

"""Contrast detectors, one module per kind: each looks at one aligned sentence pair and proposes span
pairs with a reason. DETECTORS is the registry the pipeline runs, in this order."""

from __future__ import annotations

from counterpoint.engine.detect.antonym import antonym
from counterpoint.engine.detect.base import Candidate, Side, phrase
from counterpoint.engine.detect.factuality import REBUTTALS, factuality
from counterpoint.engine.detect.framing import framing
from counterpoint.engine.detect.modality import modality
from counterpoint.engine.detect.negation import emphatic, negation
from counterpoint.engine.detect.polarity import polarity
from counterpoint.engine.detect.quantity import quantity
from counterpoint.engine.detect.stance import stance

DETECTORS = (stance, antonym, negation, emphatic, modality, factuality, quantity, framing, polarity)

__all__ = ["DETECTORS", "REBUTTALS", "Candidate", "Side", "phrase"]

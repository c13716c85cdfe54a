"""Character classes and the folded matching view of a text (with its offset map)."""

from arnews.text.fold import Folded, fold, match_key

__all__ = ["Folded", "fold", "match_key"]

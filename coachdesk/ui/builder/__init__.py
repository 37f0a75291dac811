"""The weekly template builder: board, slot editor, undo commands and balance panel."""

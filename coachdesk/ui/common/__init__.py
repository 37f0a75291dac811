"""The one list/filter/form pattern the library and the roster share."""

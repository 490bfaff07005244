"""`make bench`: the performance benchmark (not shipped in the package)."""

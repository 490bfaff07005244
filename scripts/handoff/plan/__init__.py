"""The plan as data: the typed changes, the planner, the trait diff."""

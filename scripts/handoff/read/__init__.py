"""Reading the inputs: the tracking sheet, the TDD, and the batch read of both."""

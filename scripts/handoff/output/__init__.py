"""What a person or a program reads: terminal, progress, summary, reports."""

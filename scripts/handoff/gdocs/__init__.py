"""Google Docs formats shared by the TDD reader and the emulator: HTML <-> Docs JSON."""

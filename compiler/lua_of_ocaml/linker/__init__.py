"""Runtime linking: Lua primitive fragments with --Provides/--Requires headers."""

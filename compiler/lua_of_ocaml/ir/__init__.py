"""The intermediate representation: functions of basic blocks over SSA-like variables."""

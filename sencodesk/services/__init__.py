"""Use cases shared by the GUI and the command line.

Each call takes the signed-in ``Desk``, checks the actor's permission, runs in one transaction,
records its audit event in that same transaction and returns plain data (domain.records).
"""

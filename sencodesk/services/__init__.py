"""Use cases shared by the GUI and the command line.

Each call takes the signed-in ``Desk``, checks the actor's permission, runs in one transaction,
records its audit event in that same transaction and returns plain data (domain.records).

Units of work, precisely:

- A simple service opens one ``Desk.unit(permission)``: its reads, its writes and its audit
  rows commit together or not at all.
- A composite service (marked ``@composite``: evidence pack, subject access, CTF export,
  printed passports, plans, chronologies, the register and provision map documents, the CSV
  register) calls other services inside one ``Desk.composite`` unit. The services it calls
  join that unit instead of opening their own, so every read sees one snapshot of the case
  file and its audit rows (the export, and each pupil's own entry where a pupil is named)
  commit with the reads or not at all. Those that write take the write lock up front, so the
  audit write cannot fail after the reads; other writers wait for them (the busy timeout).
- Whole-school reads that write nothing (school deadlines, the provision map) are composites
  with ``writes=False``: one snapshot, no write lock.
- Audit rows are written only inside a desk's unit of work. The exceptions have no desk yet:
  setting up a school, signing in (the actor is being established) and restoring a backup
  (recorded as "sencodesk" after the files are swapped in).
- Opening a pupil's record (``record_views.open_record``) is audited as a "view"; reading
  parts of a record to show or refresh them is not.
- The store alone knows keys, file names and paths: services ask the desk for attached files
  (``desk.blobs``), keyed secrets (``desk.secret``) and units of work, and name a school by its
  folder only.
"""

"""Pure rules of the SEND world. Imports nothing else from sencodesk: no Qt, no SQL, no I/O."""

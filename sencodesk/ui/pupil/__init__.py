"""The pupil workspace: one tab per part of a pupil's file."""

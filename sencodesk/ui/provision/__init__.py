"""The Provision screen."""

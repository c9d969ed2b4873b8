"""The SEND register screen."""

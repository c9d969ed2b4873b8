"""The Due dashboard."""
